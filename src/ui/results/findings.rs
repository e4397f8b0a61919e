//! Predicted audit findings (majors, minors, observations, by rule) and the checklist of
//! mandatory documented information.

use leptos::prelude::*;

use super::{group_link, item_link, level_chip, open_id};
use crate::catalog::catalog;
use crate::domain::{doc_checklist, DocCheck, DocStatus, Finding, Prediction, Rule, Severity};
use crate::ui::state::AppState;

/// Heading id and test id slug of a severity.
fn severity_slug(s: Severity) -> &'static str {
    match s {
        Severity::Major => "major",
        Severity::Minor => "minor",
        Severity::Observation => "observation",
    }
}

/// Plural heading of a severity.
fn severity_heading(s: Severity) -> &'static str {
    match s {
        Severity::Major => "Major nonconformities",
        Severity::Minor => "Minor nonconformities",
        Severity::Observation => "Observations",
    }
}

/// One finding as a table row.
fn finding_row(aid: &str, f: &Finding) -> impl IntoView {
    let item = if f.rule == Rule::SystemicMinors {
        group_link(aid, f.item).into_any()
    } else {
        item_link(aid, f.item).into_any()
    };
    let related = (!f.related.is_empty()).then(|| {
        let links = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                view! { {(i > 0).then_some(", ")}{item_link(aid, r)} }
            })
            .collect_view();
        view! { <p class="related small">"Related items: "{links}</p> }
    });
    let escalated = f.escalated.then(|| {
        view! { <span class="badge warn escalated">"Escalated: part of a systemic major (R4)"</span> }
    });
    view! {
        <tr class="finding" class:escalated=f.escalated data-rule=f.rule.code()>
            <td class="nowrap">{item}</td>
            <td>{f.title}{escalated}</td>
            <td>{f.detail.clone()}{related}</td>
        </tr>
    }
}

/// The predicted findings of one assessment, by severity and then by rule (each rule stated once).
#[component]
pub fn FindingsList(
    /// The prediction to show.
    prediction: Prediction,
    /// Assessment id, for links.
    aid: String,
    /// Prefix for element ids (unique per page).
    id: &'static str,
) -> impl IntoView {
    let sections = Severity::ALL
        .into_iter()
        .map(|sev| {
            let of_sev: Vec<&Finding> = prediction.of_severity(sev).collect();
            let count = of_sev.len();
            let heading_id = format!("{id}-{}", severity_slug(sev));
            let body = if of_sev.is_empty() {
                view! { <p class="empty">{format!("No {} predicted.", severity_heading(sev).to_lowercase())}</p> }.into_any()
            } else {
                Rule::ALL
                    .into_iter()
                    .filter_map(|rule| {
                        let rows: Vec<&&Finding> = of_sev.iter().filter(|f| f.rule == rule).collect();
                        if rows.is_empty() {
                            return None;
                        }
                        let body = rows.iter().map(|f| finding_row(&aid, f)).collect_view();
                        Some(view! {
                            <div class="rule-block" data-testid=format!("{id}-rule-{}", rule.code())>
                                <h3><span class="rule-code">{rule.code()}</span>" "{format!("({})", rows.len())}</h3>
                                <p class="rule-text small">{rule.text()}</p>
                                <table class="data findings-table">
                                    <thead><tr><th scope="col">"Item"</th><th scope="col">"Title"</th><th scope="col">"Why"</th></tr></thead>
                                    <tbody>{body}</tbody>
                                </table>
                            </div>
                        })
                    })
                    .collect_view()
                    .into_any()
            };
            let labelledby = heading_id.clone();
            view! {
                <section class=format!("severity sev-{}", severity_slug(sev)) aria-labelledby=labelledby>
                    <h2 id=heading_id>{severity_heading(sev)}" "<span class="count" data-testid=format!("{id}-count-{}", severity_slug(sev))>{count}</span></h2>
                    {body}
                </section>
            }
        })
        .collect_view();
    view! { <div class="findings-list">{sections}</div> }
}

/// Marker of a documented-information status: a symbol and the words.
fn doc_status_view(s: DocStatus) -> impl IntoView {
    let (symbol, class) = match s {
        DocStatus::InPlace => ("✓", "doc-ok"),
        DocStatus::Partial => ("◐", "doc-partial"),
        DocStatus::Missing => ("✗", "doc-missing"),
        DocStatus::Unknown => ("?", "doc-unknown"),
    };
    view! { <span class=format!("doc-status {class}")><span aria-hidden="true">{symbol}" "</span>{s.label()}</span> }
}

/// The 20 documented-information items clauses 4–10 require, with their status.
#[component]
pub fn DocChecklist(
    /// The checklist lines.
    checks: Vec<DocCheck>,
    /// Assessment id, for links.
    aid: String,
) -> impl IntoView {
    let count = |s: DocStatus| checks.iter().filter(|c| c.status == s).count();
    let summary = format!(
        "{} in place, {} partial, {} missing, {} unknown.",
        count(DocStatus::InPlace),
        count(DocStatus::Partial),
        count(DocStatus::Missing),
        count(DocStatus::Unknown)
    );
    let rows = checks
        .iter()
        .map(|c| {
            view! {
                <tr class=format!("doc-row docrow-{:?}", c.status).to_lowercase()>
                    <td class="nowrap">{item_link(&aid, c.doc.clause)}</td>
                    <td>{c.doc.title}</td>
                    <td>{c.doc.doc_type.label()}</td>
                    <td>{doc_status_view(c.status)}</td>
                    <td>{level_chip(c.maturity)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p data-testid="doc-summary">{summary}" Status follows the rating of the clause that requires the information: 3 or more in place, 2 partial, 0–1 missing."</p>
        <div class="table-wrap" tabindex="0"><table class="data doc-checklist" data-testid="doc-checklist">
            <thead><tr><th scope="col">"Clause"</th><th scope="col">"Documented information"</th><th scope="col">"Kind"</th><th scope="col">"Status"</th><th scope="col">"Clause rating"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

/// The predicted-findings page.
#[component]
pub fn FindingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let aid = open_id(state);
    let checks = Memo::new(move |_| {
        ed.doc.with(|d| {
            d.as_ref()
                .map(|a| doc_checklist(catalog(), &a.responses))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="results findings-page" aria-labelledby="findings-h">
            <h1 id="findings-h" class="page-title">"Predicted audit findings"</h1>
            <p class="lede">"What a certification auditor would likely raise if the audit took place today, predicted from your ratings with the rules below. A prediction, not an audit result."</p>
            {move || ed.prediction.get().map(|p| view! {
                <div class="card verdict-summary">
                    <p><strong>"Verdict: "</strong><span data-testid="findings-verdict">{p.verdict.label()}</span></p>
                    <p class="muted">{p.reason.clone()}</p>
                    <ul class="counts inline">
                        <li><strong data-testid="findings-majors">{p.majors}</strong>" major"</li>
                        <li><strong data-testid="findings-minors">{p.minors}</strong>" minor"</li>
                        <li><strong data-testid="findings-observations">{p.observations}</strong>" observation"{if p.observations == 1 { "" } else { "s" }}</li>
                    </ul>
                </div>
                <FindingsList prediction=p aid=aid.get() id="fp" />
            })}
            <section class="card doc-card" aria-labelledby="doc-h">
                <h2 id="doc-h">"Mandatory documented information"</h2>
                {move || view! { <DocChecklist checks=checks.get() aid=aid.get() /> }}
            </section>
        </section>
    }
}
