//! The dashboard: readiness against target overall, for clauses 4–10 and for Annex A; the
//! charts; the verdict with its reason; the largest gaps to target.

use leptos::prelude::*;

use super::charts::{against_target, ChartsBlock};
use super::{count_text, item_link, level_chip, open_id};
use crate::catalog::catalog;
use crate::domain::{action_plan, sort_rows, ActionRow, Readiness, SortKey, VERDICT_RULE};
use crate::ui::components::{percent_text, Meter};
use crate::ui::route::{page_href, Page};
use crate::ui::state::AppState;
use crate::ui::util::today;

/// How many gaps the dashboard lists.
const TOP_GAPS: usize = 8;

/// The largest gaps to target, largest first (the action plan sorted by gap).
pub(super) fn top_gaps(rows: &[ActionRow], n: usize) -> Vec<ActionRow> {
    let mut rows = rows.to_vec();
    sort_rows(&mut rows, SortKey::Gap, true);
    rows.truncate(n);
    rows
}

/// One headline figure with its target and a meter.
#[component]
fn Headline(
    /// Caption of the figure.
    label: &'static str,
    /// The readiness totals.
    #[prop(into)]
    readiness: Signal<Option<Readiness>>,
    /// Test id of the number.
    testid: &'static str,
) -> impl IntoView {
    let value = Signal::derive(move || readiness.get().and_then(|r| r.percent()));
    let target = Signal::derive(move || readiness.get().and_then(|r| r.target_percent()));
    view! {
        <div class="headline card">
            <span class="label">{label}</span>
            <strong class="big" class:na=move || value.get().is_none() data-testid=testid>{move || percent_text(value.get())}</strong>
            <Meter value=value label=format!("{label} readiness") target=target />
            <span class="muted small">{move || format!("Target {}", percent_text(target.get()))}</span>
        </div>
    }
}

/// The dashboard of the open assessment.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let aid = open_id(state);
    let overall = Signal::derive(move || ed.scores.with(|s| s.as_ref().map(|s| s.overall)));
    let clauses = Signal::derive(move || ed.scores.with(|s| s.as_ref().map(|s| s.clauses)));
    let annex = Signal::derive(move || ed.scores.with(|s| s.as_ref().map(|s| s.annex_a)));
    let plan = Memo::new(move |_| {
        ed.doc.with(|d| {
            d.as_ref()
                .map(|a| action_plan(catalog(), &a.responses, &today()))
                .unwrap_or_default()
        })
    });
    let nothing_rated = move || {
        ed.scores
            .with(|s| s.as_ref().map(|s| s.overall.assessed == 0).unwrap_or(true))
    };

    let coverage = move || {
        overall.get().map(|r| {
            view! {
                <strong class="big" data-testid="dash-coverage">{percent_text(r.coverage_percent())}</strong>
                <span class="muted small" data-testid="dash-assessed">{format!("{} of {} applicable items assessed", r.assessed, r.applicable)}</span>
                {(r.excluded > 0).then(|| view! { <span class="muted small">{format!("{} excluded from the SoA", count_text(r.excluded, "control", "controls"))}</span> })}
            }
        })
    };

    let verdict = move || {
        ed.prediction.get().map(|p| {
            let aid = aid.get();
            let class = format!("verdict-card card verdict-{:?}", p.verdict).to_lowercase();
            view! {
                <section class=class aria-labelledby="dash-verdict-h">
                    <h2 id="dash-verdict-h" class="label">"Readiness verdict"</h2>
                    <p class="verdict-label" data-testid="dash-verdict">{p.verdict.label()}</p>
                    <p data-testid="dash-verdict-reason">{p.reason.clone()}</p>
                    <ul class="counts" aria-label="Predicted findings">
                        <li><strong data-testid="dash-majors">{p.majors}</strong>" "{if p.majors == 1 { "major nonconformity" } else { "major nonconformities" }}</li>
                        <li><strong data-testid="dash-minors">{p.minors}</strong>" "{if p.minors == 1 { "minor nonconformity" } else { "minor nonconformities" }}</li>
                        <li><strong data-testid="dash-observations">{p.observations}</strong>" "{if p.observations == 1 { "observation" } else { "observations" }}</li>
                    </ul>
                    <p><a href=page_href(&aid, Page::Findings)>"See the predicted findings"</a></p>
                    <details class="rule">
                        <summary>"How the verdict is decided"</summary>
                        <p class="small">{VERDICT_RULE}</p>
                    </details>
                </section>
            }
        })
    };

    let gaps = move || {
        let aid = aid.get();
        let rows = plan.with(|p| top_gaps(p, TOP_GAPS));
        if nothing_rated() {
            return view! { <p class="empty">"Rate items to see where the largest gaps are."</p> }
                .into_any();
        }
        if rows.is_empty() {
            return view! { <p class="empty">"No assessed item is below its target."</p> }
                .into_any();
        }
        let total = plan.with(|p| p.len());
        let body = rows
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <td>{item_link(&aid, r.id)}</td>
                        <td>{r.title}</td>
                        <td>{level_chip(Some(r.maturity))}</td>
                        <td class="num">{r.target.level()}</td>
                        <td class="num"><strong>{format!("−{}", r.gap)}</strong></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0"><table class="data gaps" data-testid="dash-gaps">
                <caption class="sr-only">"Largest gaps to target"</caption>
                <thead><tr><th scope="col">"Item"</th><th scope="col">"Title"</th><th scope="col">"Rating"</th><th scope="col" class="num">"Target"</th><th scope="col" class="num">"Gap (levels)"</th></tr></thead>
                <tbody>{body}</tbody>
            </table></div>
            <p class="small"><a href=page_href(&aid, Page::Plan)>{format!("All {} in the action plan", count_text(total, "item below target", "items below target"))}</a></p>
        }
        .into_any()
    };

    view! {
        <section class="results dashboard" aria-label="Dashboard">
            <Show when=nothing_rated>
                <div class="notice">
                    <p><strong>"Nothing is rated yet. "</strong>"Rate the "
                        <a href=move || page_href(&aid.get(), Page::Clauses)>"clause requirements"</a>" and the "
                        <a href=move || page_href(&aid.get(), Page::AnnexA)>"Annex A controls"</a>
                        " from 0 to 5; the figures below fill in as you go. Unrated items show as “not assessed”, never as 0%."</p>
                </div>
            </Show>
            <div class="headlines">
                <Headline label="Overall readiness" readiness=overall testid="dash-overall" />
                <Headline label="Clauses 4–10" readiness=clauses testid="dash-clauses" />
                <Headline label="Annex A controls" readiness=annex testid="dash-annex" />
                <div class="headline card">
                    <span class="label">"Coverage"</span>
                    {coverage}
                </div>
            </div>
            <p class="sr-only">{move || overall.get().map(|r| format!("Overall readiness {}.", against_target(&r)))}</p>
            <div class="dash-grid">
                {verdict}
                <section class="card gaps-card" aria-labelledby="dash-gaps-h">
                    <h2 id="dash-gaps-h">"Largest gaps to target"</h2>
                    {gaps}
                </section>
            </div>
            {move || ed.scores.get().map(|s| view! { <ChartsBlock scores=s id="dash" /> })}
        </section>
    }
}
