//! Small shared components.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{AppState, LoadState, Undo};
use crate::domain::Maturity;

/// Cycles the colour theme: system → light → dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = move || format!("Theme: {}", state.prefs.with(|p| p.theme.label()));
    view! {
        <button class="ghost theme-toggle" type="button" title="Change colour theme"
            on:click=move |_| state.update_prefs(|p| p.theme = p.theme.next())>
            {label}
        </button>
    }
}

/// Shown when storage could not be opened: the app keeps the work in memory.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.load.get() {
        LoadState::Failed(e) => Some(view! {
            <div class="banner error" role="alert">
                <strong>"Storage unavailable. "</strong>{e.to_string()}
            </div>
        }),
        _ => None,
    }
}

/// The transient message at the bottom, with an optional undo.
#[component]
pub fn ToastView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Each new toast hides itself after a while (unless replaced first).
    Effect::new(move |_| {
        if let Some(t) = state.toast.get() {
            set_timeout(
                move || {
                    if state.toast.get_untracked().as_ref() == Some(&t) {
                        state.toast.set(None);
                    }
                },
                Duration::from_millis(8000),
            );
        }
    });
    let undo = move |u: Undo| {
        state.toast.set(None);
        spawn_local(async move {
            let Some(db) = super::state::db() else { return };
            match u {
                Undo::Deleted(a, snaps) => {
                    match db.put_all(std::slice::from_ref(&*a), &snaps).await {
                        Ok(()) => {
                            state.refresh_list().await;
                            state.announce_list_change();
                            state.notify(format!("Restored “{}”.", a.name));
                        }
                        Err(e) => state.notify(e.to_string()),
                    }
                }
            }
        });
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || state.toast.get().map(|t| {
                let u = t.undo.clone();
                view! {
                    <div class="toast">
                        <span>{t.text}</span>
                        {u.map(|u| view! { <button type="button" class="link" on:click=move |_| undo(u.clone())>"Undo"</button> })}
                        <button type="button" class="ghost close" aria-label="Dismiss" on:click=move |_| state.toast.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// CSS class for a maturity level (colour is never the only carrier: the number and label show too).
pub fn level_class(m: Option<Maturity>) -> &'static str {
    match m.map(|m| m.level()) {
        None => "lvl lvl-na",
        Some(0) => "lvl lvl-0",
        Some(1) => "lvl lvl-1",
        Some(2) => "lvl lvl-2",
        Some(3) => "lvl lvl-3",
        Some(4) => "lvl lvl-4",
        Some(_) => "lvl lvl-5",
    }
}

/// "62%" or "not assessed".
pub fn percent_text(p: Option<u32>) -> String {
    p.map(|p| format!("{p}%"))
        .unwrap_or_else(|| "not assessed".into())
}

/// A horizontal meter with its number written out.
#[component]
pub fn Meter(
    /// The value 0–100, or None for "not assessed".
    #[prop(into)]
    value: Signal<Option<u32>>,
    /// Accessible name of the meter.
    #[prop(into)]
    label: String,
    /// Optional target 0–100, drawn as a tick.
    #[prop(optional, into)]
    target: Option<Signal<Option<u32>>>,
) -> impl IntoView {
    // Set through CSSOM (`style:`), which the Content-Security-Policy allows; a `style="…"`
    // attribute would be refused without 'unsafe-inline'.
    let width = move || format!("{}%", value.get().unwrap_or(0));
    let tick = move || {
        target
            .and_then(|t| t.get())
            .map(|t| view! { <span class="meter-target" style:left=format!("{t}%") title=format!("Target {t}%")></span> })
    };
    view! {
        <span class="meter" role="meter" aria-label=label aria-valuemin="0" aria-valuemax="100"
            // role="meter" requires a value: "not assessed" is 0, with its words in aria-valuetext.
            aria-valuenow=move || value.get().unwrap_or(0).to_string()
            aria-valuetext=move || percent_text(value.get())>
            <span class="meter-bar" style:width=width></span>
            {tick}
        </span>
    }
}
