//! The printable report: cover, executive summary, charts, predicted findings, clause-by-clause
//! and control-by-control tables, the Statement of Applicability, the action plan, an optional
//! snapshot comparison, the method and the disclaimer. Laid out for A4 and US Letter alike
//! (see the print rules in `style/results.css`).

use leptos::prelude::*;

use super::charts::{against_target, ChartsBlock, LevelMix};
use super::dashboard::top_gaps;
use super::findings::{DocChecklist, FindingsList};
use super::plan::PlanTable;
use super::snapshots::{diff_with, snapshot_label, DiffView};
use super::soa::{evidence_list, soa_summary, SoaFlagLegend, SoaTable};
use super::{count_text, item_link, level_chip, open_id};
use crate::catalog::{catalog, Part, CATALOG_VERSION};
use crate::domain::{
    action_plan, soa, Assessment, Maturity, Prediction, Rule, Scores, METHOD, VERDICT_RULE,
};
use crate::ui::components::percent_text;
use crate::ui::state::AppState;
use crate::ui::util::{short_time, today};

/// One group's items with what was recorded: rating, target, notes, evidence.
fn items_table(aid: &str, a: &Assessment, group: &'static str) -> impl IntoView {
    let rows = catalog()
        .items_in_group(group)
        .map(|item| {
            let r = a.response(item.id);
            let excluded = item.part == Part::AnnexA && r.is_excluded();
            let rating = if excluded {
                view! { <span class="muted">"Excluded"</span> }.into_any()
            } else {
                level_chip(r.maturity).into_any()
            };
            let notes = r.notes.trim().to_string();
            view! {
                <tr class:excluded=excluded>
                    <td class="nowrap">{item_link(aid, item.id)}</td>
                    <td>{item.title}</td>
                    <td>{rating}</td>
                    <td class="num">{if excluded { "—".to_string() } else { r.target.level().to_string() }}</td>
                    <td class="notes">{if notes.is_empty() { view! { <span class="muted">"—"</span> }.into_any() } else { notes.into_any() }}</td>
                    <td>{evidence_list(&r.evidence)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data items-report">
            <thead><tr>
                <th scope="col" class="c-id">"Id"</th><th scope="col" class="c-title">"Title"</th><th scope="col" class="c-rating">"Rating"</th>
                <th scope="col" class="num c-target">"Target"</th><th scope="col" class="c-notes">"Notes"</th><th scope="col" class="c-evidence">"Evidence"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The clause-by-clause or control-by-control section.
fn part_section(aid: &str, a: &Assessment, scores: &Scores, part: Part) -> impl IntoView {
    let groups = catalog()
        .groups_of(part)
        .map(|g| {
            let r = scores.group(g.id).map(|s| s.readiness).unwrap_or_default();
            view! {
                <section class="group-block">
                    <h3><span class="gid">{g.id}</span>" "{g.title}
                        <span class="h-figure">{format!(" — readiness {}", percent_text(r.percent()))}</span></h3>
                    {items_table(aid, a, g.id)}
                </section>
            }
        })
        .collect_view();
    view! { {groups} }
}

/// A headline figure of the executive summary.
fn figure(label: &'static str, value: String, note: String, testid: &'static str) -> impl IntoView {
    view! {
        <div class="rep-figure">
            <span class="label">{label}</span>
            <strong data-testid=testid>{value}</strong>
            <span class="small muted">{note}</span>
        </div>
    }
}

/// The executive summary.
fn summary_section(aid: &str, a: &Assessment, s: &Scores, p: &Prediction) -> impl IntoView {
    let plan = action_plan(catalog(), &a.responses, &today());
    let overdue = plan.iter().filter(|r| r.overdue).count();
    let gaps = top_gaps(&plan, 5);
    let gap_list = (!gaps.is_empty()).then(|| {
        let items = gaps
            .iter()
            .map(|r| {
                view! { <li>{item_link(aid, r.id)}" "{r.title}<span class="muted">{format!(" — rated {}, target {}", r.maturity.level(), r.target.level())}</span></li> }
            })
            .collect_view();
        view! { <h3>"Largest gaps to target"</h3><ol class="gap-list">{items}</ol> }
    });
    let target_note =
        |r: &crate::domain::Readiness| format!("target {}", percent_text(r.target_percent()));
    view! {
        <div class="verdict-box">
            <p class="label">"Readiness verdict"</p>
            <p class="verdict-label" data-testid="rep-verdict">{p.verdict.label()}</p>
            <p>{p.reason.clone()}</p>
        </div>
        <div class="rep-figures">
            {figure("Overall readiness", percent_text(s.overall.percent()), target_note(&s.overall), "rep-overall")}
            {figure("Clauses 4–10", percent_text(s.clauses.percent()), target_note(&s.clauses), "rep-clauses")}
            {figure("Annex A controls", percent_text(s.annex_a.percent()), target_note(&s.annex_a), "rep-annex")}
            {figure("Coverage", percent_text(s.overall.coverage_percent()), format!("{} of {} applicable items assessed", s.overall.assessed, s.overall.applicable), "rep-coverage")}
        </div>
        <p>
            {format!(
                "Predicted findings: {}, {} and {}. The action plan holds {} below target, {} overdue.",
                count_text(p.majors, "major nonconformity", "major nonconformities"),
                count_text(p.minors, "minor nonconformity", "minor nonconformities"),
                count_text(p.observations, "observation", "observations"),
                count_text(plan.len(), "item", "items"),
                overdue
            )}
        </p>
        <p class="small muted">{format!("Overall readiness is {}.", against_target(&s.overall))}</p>
        {gap_list}
        <h3>"Maturity levels"</h3>
        <LevelMix levels=s.levels not_assessed=s.not_assessed id="rep-mix" />
    }
}

/// The method and the disclaimer.
fn method_section() -> impl IntoView {
    let scale = Maturity::ALL
        .into_iter()
        .map(|m| {
            view! { <tr><td class="num">{m.level()}</td><td>{m.label()}</td><td>{m.meaning()}</td><td class="num">{format!("{}%", u32::from(m.level().min(4)) * 25)}</td></tr> }
        })
        .collect_view();
    let rules = Rule::ALL
        .into_iter()
        .map(|r| view! { <li><strong>{r.code()}</strong>" — "{r.text()}</li> })
        .collect_view();
    view! {
        <section class="rep-section" aria-labelledby="rep-method-h">
            <h2 id="rep-method-h">"Method"</h2>
            <h3>"Maturity scale"</h3>
            <table class="data scale">
                <thead><tr><th scope="col" class="num">"Level"</th><th scope="col">"Name"</th><th scope="col">"Meaning"</th><th scope="col" class="num">"Item readiness"</th></tr></thead>
                <tbody>{scale}</tbody>
            </table>
            <h3>"Readiness score"</h3>
            <p data-testid="rep-method">{METHOD}</p>
            <h3>"Predicted findings"</h3>
            <p>"Findings are graded as a certification body would (ISO/IEC 17021-1 sense): a major nonconformity blocks certification until corrected, a minor one needs a correction plan, an observation is an opportunity to improve. They are predicted from the ratings by these rules:"</p>
            <ul class="rules">{rules}</ul>
            <h3>"Verdict"</h3>
            <p>{VERDICT_RULE}</p>
        </section>
        <section class="rep-section disclaimer" aria-labelledby="rep-disclaimer-h">
            <h2 id="rep-disclaimer-h">"Disclaimer"</h2>
            <p data-testid="rep-disclaimer">"This report is a self-assessment made with gap42 from the ratings, notes and evidence entered by the assessor. It predicts how a certification audit might go; it is not an audit, not a certification and not an opinion of an accredited certification body. Findings, figures and the verdict depend entirely on the accuracy of the ratings. ISO/IEC 42001 clause and control titles are cited for identification; descriptions and guidance in gap42 are written in its own words."</p>
            <p class="small muted">{format!("Catalog version {CATALOG_VERSION}.")}</p>
        </section>
    }
}

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let aid = open_id(state);
    let compare = RwSignal::new(String::new());

    let print = move |_| {
        if window().print().is_err() {
            state.notify("This browser could not open the print dialog. Use its menu to print or save as PDF.");
        }
    };
    let options = move || {
        ed.snapshots
            .get()
            .into_iter()
            .rev()
            .map(|s| {
                let label = snapshot_label(&s);
                view! { <option value=s.id.clone()>{label}</option> }
            })
            .collect_view()
    };

    let body = move || {
        let a = ed.doc.get()?;
        let s = ed.scores.get()?;
        let p = ed.prediction.get()?;
        let aid = aid.get();
        let soa_rows = soa(catalog(), &a.responses);
        let soa_legend = soa_rows.clone();
        let plan = action_plan(catalog(), &a.responses, &today());
        let comparison = {
            let sid = compare.get();
            (!sid.is_empty()).then(|| diff_with(state, &sid)).flatten()
        };
        let roles = if a.roles.is_empty() {
            "Not stated".to_string()
        } else {
            a.roles
                .iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let or_not_stated = |s: &str| {
            if s.trim().is_empty() {
                "Not stated".to_string()
            } else {
                s.trim().to_string()
            }
        };
        let comparison_view = comparison.map(|(snap, d)| {
            let label = snapshot_label(&snap);
            view! {
                <section class="rep-section" aria-labelledby="rep-cmp-h" data-testid="rep-compare">
                    <h2 id="rep-cmp-h">"Progress since the snapshot"</h2>
                    <p>{format!("Comparison of the current ratings with the snapshot “{}” taken {} (UTC). {} changed rating.", snap.name, short_time(&snap.taken), count_text(d.changes.len(), "item", "items"))}</p>
                    <DiffView diff=d before=label aid=aid.clone() id="rep-cmp" />
                </section>
            }
        });
        Some(view! {
            <article class="report" data-testid="report">
                <header class="rep-cover">
                    <p class="kicker">"ISO/IEC 42001:2023 readiness assessment"</p>
                    <h1 data-testid="rep-title">{a.name.clone()}</h1>
                    <p class="rep-org" data-testid="rep-org">{or_not_stated(&a.organisation)}</p>
                    <dl class="facts cover-facts">
                        <dt>"Organisation"</dt><dd>{or_not_stated(&a.organisation)}</dd>
                        <dt>"Scope"</dt><dd>{or_not_stated(&a.scope)}</dd>
                        <dt>"AI roles"</dt><dd>{roles}</dd>
                        <dt>"Assessor"</dt><dd>{or_not_stated(&a.assessor)}</dd>
                        <dt>"Report date"</dt><dd data-testid="rep-date">{today()}</dd>
                        <dt>"Last change"</dt><dd>{format!("{} (UTC)", short_time(&a.updated))}</dd>
                    </dl>
                    <div class="cover-verdict">
                        <span class="label">"Verdict"</span>
                        <strong>{p.verdict.label()}</strong>
                        <span>{format!("Overall readiness {}, coverage {}.", percent_text(s.overall.percent()), percent_text(s.overall.coverage_percent()))}</span>
                    </div>
                    <p class="cover-note small">"A self-assessment prepared with gap42. It is not a certification and not the result of an audit by a certification body."</p>
                </header>

                <section class="rep-section" aria-labelledby="rep-summary-h">
                    <h2 id="rep-summary-h">"Executive summary"</h2>
                    {summary_section(&aid, &a, &s, &p)}
                </section>

                <section class="rep-section rep-charts" aria-labelledby="rep-charts-h">
                    <h2 id="rep-charts-h">"Readiness at a glance"</h2>
                    <ChartsBlock scores=s.clone() id="rep" with_mix=false />
                </section>

                <section class="rep-section" aria-labelledby="rep-findings-h">
                    <h2 id="rep-findings-h">"Predicted audit findings"</h2>
                    <p class="small">{p.reason.clone()}</p>
                    <FindingsList prediction=p.clone() aid=aid.clone() id="rep-f" />
                    <h3>"Mandatory documented information"</h3>
                    <DocChecklist checks=crate::domain::doc_checklist(catalog(), &a.responses) aid=aid.clone() />
                </section>

                <section class="rep-section" aria-labelledby="rep-clauses-h">
                    <h2 id="rep-clauses-h">"Clause by clause"</h2>
                    <p class="small">{format!("Clauses 4–10: {}.", against_target(&s.clauses))}</p>
                    {part_section(&aid, &a, &s, Part::Clauses)}
                </section>

                <section class="rep-section" aria-labelledby="rep-controls-h">
                    <h2 id="rep-controls-h">"Control by control"</h2>
                    <p class="small">{format!("Annex A: {}.", against_target(&s.annex_a))}</p>
                    {part_section(&aid, &a, &s, Part::AnnexA)}
                </section>

                <section class="rep-section" aria-labelledby="rep-soa-h">
                    <h2 id="rep-soa-h">"Statement of Applicability"</h2>
                    <p>{soa_summary(&soa_rows)}</p>
                    <SoaFlagLegend rows=soa_legend />
                    <SoaTable rows=soa_rows aid=aid.clone() />
                </section>

                <section class="rep-section" aria-labelledby="rep-plan-h">
                    <h2 id="rep-plan-h">"Action plan"</h2>
                    {if plan.is_empty() {
                        view! { <p class="empty">"No assessed item is below its target."</p> }.into_any()
                    } else {
                        view! {
                            <p>{format!("{} below target, by priority and due date.", count_text(plan.len(), "item", "items"))}</p>
                            <PlanTable rows=plan aid=aid.clone() />
                        }.into_any()
                    }}
                </section>

                {comparison_view}

                {method_section()}
            </article>
        })
    };

    view! {
        <section class="results report-page">
            <div class="report-tools no-print card">
                <button type="button" on:click=print>"Print / Save as PDF"</button>
                <label class="field inline-field">
                    <span>"Include a comparison with"</span>
                    <select data-testid="rep-compare-select" prop:value=move || compare.get()
                        on:change=move |ev| compare.set(event_target_value(&ev))>
                        <option value="">"No snapshot"</option>
                        {options}
                    </select>
                </label>
                <p class="small muted">"Laid out for A4 and US Letter. In the print dialog, choose “Save as PDF” to keep a file; turn on “Background graphics” for coloured charts."</p>
            </div>
            {body}
        </section>
    }
}
