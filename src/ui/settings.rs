//! Settings: theme, storage status (persistence, space used), and erasing all data.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{db, AppState, LoadState};
use crate::storage::journal;
use crate::storage::prefs::{Prefs, Theme};
use crate::storage::quota;

fn human_bytes(b: f64) -> String {
    if b >= 1_048_576.0 {
        format!("{:.1} MB", b / 1_048_576.0)
    } else {
        format!("{:.0} KB", b / 1024.0)
    }
}

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let estimate = LocalResource::new(quota::estimate);
    let persisted = move || {
        match state.persisted.get() {
        Some(true) => "Granted: the browser will not evict gap42's data when space runs low.",
        Some(false) => "Not granted (yet): the browser may evict data under storage pressure. Export files as a backup.",
        None => "Asked after your first edit.",
    }
    };
    let storage_state = move || match state.load.get() {
        LoadState::Loading => "Opening…".to_string(),
        LoadState::Ready => "IndexedDB on this device.".to_string(),
        LoadState::Failed(e) => e.to_string(),
    };
    view! {
        <section class="page narrow settings">
            <h1>"Settings"</h1>
            <section class="card">
                <h2>"Appearance"</h2>
                <div class="seg" role="radiogroup" aria-label="Colour theme">
                    {[Theme::System, Theme::Light, Theme::Dark].into_iter().map(|t| view! {
                        <button type="button" role="radio" aria-checked=move || (state.prefs.with(|p| p.theme) == t).to_string()
                            on:click=move |_| state.update_prefs(|p| p.theme = t)>{t.label()}</button>
                    }).collect_view()}
                </div>
            </section>
            <section class="card">
                <h2>"Storage"</h2>
                <dl class="facts">
                    <dt>"Where"</dt><dd data-testid="storage-state">{storage_state}</dd>
                    <dt>"Persistent storage"</dt><dd data-testid="persisted">{persisted}</dd>
                    <dt>"Space used"</dt>
                    <dd data-testid="usage">{move || match estimate.get() {
                        Some(Some(e)) => format!("{} of {} available to this site", human_bytes(e.usage), human_bytes(e.quota)),
                        Some(None) => "The browser does not say.".to_string(),
                        None => "Measuring…".to_string(),
                    }}</dd>
                </dl>
            </section>
            <EraseAll />
        </section>
    }
}

/// "Erase all data on this device", confirmed first.
#[component]
pub fn EraseAll() -> impl IntoView {
    let state = expect_context::<AppState>();
    let erase = move |_| {
        let ok = window()
            .confirm_with_message("Erase every assessment, snapshot and preference gap42 stored in this browser? This cannot be undone. Export a backup first if you may need them.")
            .unwrap_or(false);
        if !ok {
            return;
        }
        spawn_local(async move {
            if let Some(db) = db() {
                if let Err(e) = db.erase_all().await {
                    state.notify(e.to_string());
                    return;
                }
            }
            journal::clear();
            Prefs::erase();
            state.editor.doc.set(None);
            state.editor.dirty.set(false);
            state.prefs.set(Prefs::default());
            state.refresh_list().await;
            state.announce_list_change();
            state.notify("All gap42 data on this device was erased.");
        });
    };
    view! {
        <section class="card danger-zone">
            <h2>"Erase all data on this device"</h2>
            <p>"Removes every assessment and snapshot from this browser's IndexedDB and gap42's preferences from its localStorage. Files you exported are not affected."</p>
            <button type="button" class="danger" on:click=erase>"Erase all data…"</button>
        </section>
    }
}
