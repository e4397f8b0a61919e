//! Results pages of an assessment: dashboard, predicted findings, Statement of Applicability,
//! action plan, snapshots and the printable report.

use leptos::prelude::*;

/// Dashboard (placeholder until the results issue).
#[component]
pub fn Dashboard() -> impl IntoView {
    view! { <p class="muted">"Dashboard"</p> }
}

/// Predicted findings.
#[component]
pub fn FindingsPage() -> impl IntoView {
    view! { <p class="muted">"Findings"</p> }
}

/// Statement of Applicability.
#[component]
pub fn SoaPage() -> impl IntoView {
    view! { <p class="muted">"SoA"</p> }
}

/// Action plan.
#[component]
pub fn PlanPage() -> impl IntoView {
    view! { <p class="muted">"Plan"</p> }
}

/// Snapshots.
#[component]
pub fn SnapshotsPage() -> impl IntoView {
    view! { <p class="muted">"Snapshots"</p> }
}

/// Printable report.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <p class="muted">"Report"</p> }
}
