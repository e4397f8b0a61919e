//! Read-only browsing of the standard's structure with our own-words guidance.

use leptos::prelude::*;

use super::route::Route;
use crate::catalog::{catalog, ClauseKind, Part, CATALOG_VERSION, CROSSWALK_PROVENANCE};

/// The catalog of one part.
#[component]
pub fn CatalogPage(
    /// Clauses 4–10 or Annex A.
    part: Part,
) -> impl IntoView {
    let c = catalog();
    let groups = c
        .groups_of(part)
        .map(|g| {
            let heading_rows: Vec<_> = c
                .clause_rows
                .iter()
                .filter(|r| r.kind == ClauseKind::Heading && r.id.split('.').next() == Some(g.id))
                .collect();
            let items = c
                .items_in_group(g.id)
                .map(|i| {
                    let parent_title = i
                        .parent
                        .filter(|_| part == Part::AnnexA || heading_rows.iter().any(|h| Some(h.id) == i.parent))
                        .and_then(|p| c.title_of(p).map(|t| format!("{p} {t}")));
                    let nist: Vec<_> = c.nist_for(i.id).map(|m| m.nist).collect();
                    view! {
                        <details class="cat-item" id=format!("cat-{}", i.id)>
                            <summary>
                                <span class="iid">{i.id}</span>" "<span class="ititle">{i.title}</span>
                                {i.doc_required.then(|| view! { <span class="badge doc" title="Requires documented information">"Doc"</span> })}
                                {parent_title.map(|t| view! { <span class="muted small block">{t}</span> })}
                            </summary>
                            <div class="cat-body">
                                <p>{i.guidance.summary}</p>
                                <div class="cols">
                                    <div><h3>"Evidence an auditor expects"</h3>
                                        <ul>{i.guidance.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul></div>
                                    <div><h3>"Questions to ask"</h3>
                                        <ul class="questions">{i.guidance.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul></div>
                                </div>
                                {
                                    let docs: Vec<_> = c.doc_info_for(i.id).collect();
                                    (!docs.is_empty()).then(|| view! {
                                        <p class="small"><strong>"Documented information: "</strong>
                                        {docs.iter().map(|d| format!("{} ({})", d.title, d.doc_type.label())).collect::<Vec<_>>().join("; ")}</p>
                                    })
                                }
                                {(!nist.is_empty()).then(|| view! { <p class="small muted">"NIST AI RMF: "{nist.join(", ")}</p> })}
                            </div>
                        </details>
                    }
                })
                .collect_view();
            view! {
                <section class="cat-group">
                    <h2><span class="gid">{g.id}</span>" "{g.title}</h2>
                    {items}
                </section>
            }
        })
        .collect_view();
    let lead = match part {
        Part::Clauses => "The 32 assessable requirements of clauses 4–10 (the management-system clauses). None of them can be excluded.",
        Part::AnnexA => "The 38 reference controls of Annex A in 9 categories. A control may be excluded in the Statement of Applicability, with a justification.",
    };
    view! {
        <section class="page catalog">
            <div class="page-head">
                <div>
                    <h1>{format!("ISO/IEC 42001:2023 — {}", part.label())}</h1>
                    <p class="lede">{lead}</p>
                    <p class="small muted">"Ids and titles as published; every description, evidence line and question is gap42's own wording, not the standard's text. Catalog "{CATALOG_VERSION}"."</p>
                </div>
                <nav class="seg" aria-label="Catalog part">
                    {[Part::Clauses, Part::AnnexA].into_iter().map(|p| view! {
                        <a href=Route::Catalog(p).href() class:active=p == part
                            aria-current=(p == part).then_some("page")>{p.label()}</a>
                    }).collect_view()}
                </nav>
            </div>
            {groups}
            <p class="small muted provenance">{CROSSWALK_PROVENANCE}</p>
        </section>
    }
}
