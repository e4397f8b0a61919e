//! The Statement of Applicability: all 38 Annex A controls, what applies and why, the
//! implementation status and evidence, and what an auditor would challenge.

use leptos::prelude::*;

use super::{count_text, item_link, open_id};
use crate::catalog::catalog;
use crate::domain::{soa, Evidence, SoaFlag, SoaRow};
use crate::exchange::csv::soa_csv;
use crate::ui::state::AppState;
use crate::ui::util::{download, file_stem};

/// Evidence entries as a list: title, reference (a link when it is a web address) and date.
pub(super) fn evidence_list(evidence: &[Evidence]) -> impl IntoView {
    if evidence.is_empty() {
        return view! { <span class="muted">"None recorded"</span> }.into_any();
    }
    let items = evidence
        .iter()
        .map(|e| {
            let reference = e.reference.trim().to_string();
            let is_url = reference.starts_with("https://") || reference.starts_with("http://");
            let title = e.title.trim().to_string();
            let date = e.date.trim().to_string();
            view! {
                <li>
                    {(!title.is_empty()).then(|| title.clone())}
                    {(!title.is_empty() && !reference.is_empty()).then_some(" — ")}
                    {(!reference.is_empty()).then(|| if is_url {
                        view! { <a href=reference.clone() rel="noopener noreferrer" target="_blank">{reference.clone()}</a> }.into_any()
                    } else {
                        view! { <span class="ref">{reference.clone()}</span> }.into_any()
                    })}
                    {(!date.is_empty()).then(|| format!(" ({date})"))}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="evidence-list">{items}</ul> }.into_any()
}

/// Counts of a Statement of Applicability, for the summary line.
pub(super) fn soa_summary(rows: &[SoaRow]) -> String {
    let applicable = rows.iter().filter(|r| r.applicable).count();
    let flagged = rows.iter().filter(|r| !r.flags.is_empty()).count();
    format!(
        "{} controls: {} applicable, {} excluded; {} to review before an audit.",
        rows.len(),
        applicable,
        rows.len() - applicable,
        count_text(flagged, "row", "rows")
    )
}

/// A short name for a flag, shown in the table; the legend above it gives the full text.
fn flag_short(f: SoaFlag) -> &'static str {
    match f {
        SoaFlag::ExcludedWithoutJustification => "Exclusion not justified",
        SoaFlag::ApplicableNotAssessed => "Implementation not assessed",
        SoaFlag::NoInclusionReason => "No reason for inclusion",
    }
}

/// Every kind of flag, in the order of the legend.
const FLAGS: [SoaFlag; 3] = [
    SoaFlag::ExcludedWithoutJustification,
    SoaFlag::NoInclusionReason,
    SoaFlag::ApplicableNotAssessed,
];

/// What each flag means and how many rows carry it (only flags that occur).
#[component]
pub fn SoaFlagLegend(
    /// The rows of the Statement of Applicability.
    rows: Vec<SoaRow>,
) -> impl IntoView {
    let items = FLAGS
        .into_iter()
        .filter_map(|f| {
            let n = rows.iter().filter(|r| r.flags.contains(&f)).count();
            (n > 0).then(|| {
                view! {
                    <li><strong>{flag_short(f)}</strong>{format!(" ({}): ", count_text(n, "row", "rows"))}{f.label()}"."</li>
                }
            })
        })
        .collect_view();
    view! {
        <div class="flag-legend" role="note">
            <p><strong><span aria-hidden="true">"⚠ "</span>"What an auditor would challenge"</strong></p>
            <ul>{items}</ul>
        </div>
    }
}

/// The Statement of Applicability as a table. Rows an auditor would challenge carry a written
/// warning in the last column (and a highlight).
#[component]
pub fn SoaTable(
    /// The rows to show.
    rows: Vec<SoaRow>,
    /// Assessment id, for links.
    aid: String,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let flagged = !r.flags.is_empty();
            let why = if r.applicable {
                if r.reasons.is_empty() {
                    view! { <span class="muted">"No reason given"</span> }.into_any()
                } else {
                    r.reasons
                        .iter()
                        .map(|x| x.label())
                        .collect::<Vec<_>>()
                        .join("; ")
                        .into_any()
                }
            } else if r.justification.trim().is_empty() {
                view! { <span class="muted">"No justification given"</span> }.into_any()
            } else {
                view! { <span class="justification">{r.justification.clone()}</span> }.into_any()
            };
            let implementation = match (r.applicable, r.maturity) {
                (false, _) => view! { <span class="muted">"Excluded"</span> }.into_any(),
                (true, Some(m)) => view! {
                    {r.status.label()}<br/><span class="small muted">{format!("rated {} · {}", m.level(), m.label())}</span>
                }
                .into_any(),
                (true, None) => view! { <span class="na">{r.status.label()}</span> }.into_any(),
            };
            let flags = if flagged {
                let text = r
                    .flags
                    .iter()
                    .map(|f| flag_short(*f))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <span class="flag-marker"><span aria-hidden="true">"⚠ "</span>"Review:"</span>" "
                    <span class="flags">{text}</span>
                }
                .into_any()
            } else {
                view! { <span class="ok-marker"><span aria-hidden="true">"✓ "</span>"No issue"</span> }.into_any()
            };
            view! {
                <tr class="soa-row" class:flagged=flagged class:excluded=!r.applicable data-id=r.id>
                    <td class="nowrap">{item_link(&aid, r.id)}</td>
                    <td>{r.title}</td>
                    <td>{if r.applicable { "Applicable" } else { "Excluded" }}</td>
                    <td>{why}</td>
                    <td>{implementation}</td>
                    <td>{evidence_list(&r.evidence)}</td>
                    <td class="review">{flags}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0"><table class="data soa-table" data-testid="soa-table">
            <thead>
                <tr>
                    <th scope="col" class="c-id">"Control"</th>
                    <th scope="col" class="c-title">"Title"</th>
                    <th scope="col" class="c-app">"Applicability"</th>
                    <th scope="col" class="c-why">"Reason or justification"</th>
                    <th scope="col" class="c-impl">"Implementation"</th>
                    <th scope="col" class="c-ev">"Evidence"</th>
                    <th scope="col" class="c-review">"Auditor check"</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table></div>
    }
}

/// The Statement of Applicability page.
#[component]
pub fn SoaPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let aid = open_id(state);
    let rows = Memo::new(move |_| {
        ed.doc.with(|d| {
            d.as_ref()
                .map(|a| soa(catalog(), &a.responses))
                .unwrap_or_default()
        })
    });
    let (flagged_only, set_flagged_only) = signal(false);
    let shown = move || {
        rows.with(|r| {
            r.iter()
                .filter(|r| !flagged_only.get() || !r.flags.is_empty())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let on_download = move |_| {
        let name = ed
            .doc
            .with_untracked(|d| d.as_ref().map(|a| a.name.clone()))
            .unwrap_or_default();
        let csv = rows.with_untracked(|r| soa_csv(r));
        if !download(
            &format!("{}-soa.csv", file_stem(&name)),
            "text/csv;charset=utf-8",
            &csv,
        ) {
            state.notify("The browser did not allow the download. Try again, or allow downloads for this site.");
        }
    };
    view! {
        <section class="results soa-page" aria-labelledby="soa-h">
            <div class="page-head">
                <div>
                    <h1 id="soa-h" class="page-title">"Statement of Applicability"</h1>
                    <p class="lede">"Every Annex A control: whether it applies and why, or why it is excluded, how far it is implemented, and the evidence. Change these in the Annex A editor."</p>
                </div>
                <button type="button" class="secondary no-print" on:click=on_download>"Download CSV"</button>
            </div>
            <p data-testid="soa-summary">{move || rows.with(|r| soa_summary(r))}</p>
            <label class="inline no-print">
                <input type="checkbox" prop:checked=move || flagged_only.get()
                    on:change=move |ev| set_flagged_only.set(event_target_checked(&ev)) />
                " Show only rows to review"
            </label>
            {move || view! { <SoaFlagLegend rows=rows.get() /> }}
            {move || view! { <SoaTable rows=shown() aid=aid.get() /> }}
        </section>
    }
}
