//! Moving assessments in and out of the browser: export, backup, import, restore, share links.

use leptos::prelude::*;

/// Export / backup buttons on the home page.
#[component]
pub fn ExportButtons() -> impl IntoView {
    view! { <div class="export-buttons"></div> }
}

/// Import a file.
#[component]
pub fn ImportPanel() -> impl IntoView {
    view! { <div class="card import"><h2>"Import"</h2></div> }
}

/// Opening a share link.
#[component]
pub fn SharePage(
    /// The fragment payload.
    payload: String,
) -> impl IntoView {
    view! { <section class="page narrow"><h1>"Shared assessment"</h1><p>{payload.len()}" characters"</p></section> }
}
