//! Results pages of an assessment: dashboard, predicted findings, Statement of Applicability,
//! action plan, snapshots and the printable report.
//!
//! Every figure shown here comes from the domain (`score`, `predict`, `soa`, `action_plan`,
//! `diff`) through `Memo`s; nothing is computed in the UI but layout.

mod charts;
mod dashboard;
mod findings;
mod plan;
mod report;
mod snapshots;
mod soa;

pub use dashboard::Dashboard;
pub use findings::FindingsPage;
pub use plan::PlanPage;
pub use report::ReportPage;
pub use snapshots::SnapshotsPage;
pub use soa::SoaPage;

use leptos::prelude::*;

use super::route::{item_href, page_href, Page};
use super::state::AppState;
use crate::domain::Maturity;

/// Id of the open assessment ("" when none is open), for links.
fn open_id(state: AppState) -> Memo<String> {
    let doc = state.editor.doc;
    Memo::new(move |_| {
        doc.with(|d| d.as_ref().map(|a| a.id.clone()))
            .unwrap_or_default()
    })
}

/// Link to one item of the open assessment (its editor row, details open).
fn item_link(aid: &str, item: &'static str) -> impl IntoView {
    view! { <a class="iid-link" href=item_href(aid, item)>{item}</a> }
}

/// Link to a top-level clause or Annex A category: the editor page of that part.
fn group_link(aid: &str, group: &'static str) -> impl IntoView {
    let page = if group.starts_with("A.") {
        Page::AnnexA
    } else {
        Page::Clauses
    };
    view! { <a class="iid-link" href=page_href(aid, page)>{group}</a> }
}

/// A maturity level as a coloured chip with its number, and its name for readers
/// (colour is never the only carrier). `None` reads "not assessed".
fn level_chip(m: Option<Maturity>) -> impl IntoView {
    let class = super::components::level_class(m);
    match m {
        Some(m) => view! {
            <span class="level-chip"><span class=class aria-hidden="true">{m.level()}</span>" "<span class="level-name">{m.label()}</span></span>
        }
        .into_any(),
        None => view! {
            <span class="level-chip na"><span class=class aria-hidden="true">"–"</span>" "<span class="level-name">"Not assessed"</span></span>
        }
        .into_any(),
    }
}

/// Short titles for the clause axes of the radar chart.
fn short_title(group: &str, title: &'static str) -> &'static str {
    match group {
        "4" => "Context",
        "9" => "Performance",
        _ => title,
    }
}

/// "3 items" / "1 item".
fn count_text(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
