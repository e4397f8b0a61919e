//! The frame around one assessment: its header with live scores and save status, the conflict and
//! error banners, the page tabs, and the page itself.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::components::percent_text;
use super::editor::EditorPage;
use super::lazy::{self, Lazy, PageLoading};
use super::route::{page_href, Page};
use super::state::{AppState, LoadState};
use crate::catalog::Part;

/// One assessment, on one of its pages.
#[component]
pub fn AssessmentShell(
    /// Assessment id from the route.
    id: String,
    /// Which page of it.
    page: Page,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let (missing, set_missing) = signal(false);
    let id_for_load = id.clone();
    // Load from IndexedDB once storage is ready (syncing with the outside world).
    Effect::new(move |_| {
        if state.load.get() == LoadState::Ready {
            let id = id_for_load.clone();
            spawn_local(async move {
                state.open(&id).await;
                let found = ed
                    .doc
                    .with_untracked(|d| d.as_ref().map(|a| a.id == id).unwrap_or(false));
                set_missing.set(!found);
            });
        }
    });
    let id_match = id.clone();
    let is_open = Memo::new(move |_| {
        ed.doc
            .with(|d| d.as_ref().map(|a| a.id == id_match).unwrap_or(false))
    });

    // Memos: the header re-renders only when a figure it shows changes.
    let readiness = Memo::new(move |_| {
        ed.scores
            .with(|s| s.as_ref().and_then(|s| s.overall.percent()))
    });
    let coverage = Memo::new(move |_| {
        ed.scores
            .with(|s| s.as_ref().and_then(|s| s.overall.coverage_percent()))
    });
    let verdict = Memo::new(move |_| {
        ed.prediction
            .with(|p| p.as_ref().map(|p| p.verdict.label()).unwrap_or(""))
    });
    let save_status = move || {
        if ed.save_error.with(|e| e.is_some()) {
            ("save-error", "Not saved")
        } else if ed.saving.get() {
            ("saving", "Saving…")
        } else if ed.dirty.get() {
            ("dirty", "Unsaved changes")
        } else {
            ("saved", "All changes saved")
        }
    };
    let name = move || {
        ed.doc
            .with(|d| d.as_ref().map(|a| a.name.clone()).unwrap_or_default())
    };
    let org = move || {
        ed.doc.with(|d| {
            d.as_ref()
                .map(|a| a.organisation.clone())
                .unwrap_or_default()
        })
    };

    let tabs_id = id.clone();
    let tabs = move || {
        Page::ALL
            .into_iter()
            .map(|p| {
                view! {
                    <a href=page_href(&tabs_id, p) class="tab" class:active=p == page
                        aria-current=if p == page { Some("page") } else { None }>{p.label()}</a>
                }
            })
            .collect_view()
    };

    let body = move || match page {
        Page::Clauses => view! { <EditorPage part=Part::Clauses /> }.into_any(),
        Page::AnnexA => view! { <EditorPage part=Part::AnnexA /> }.into_any(),
        // The other pages' code arrives on first use (a split point of the release build).
        _ => view! { <Lazy load=move || lazy::assessment_page(Some(page)) fallback=PageLoading /> }
            .into_any(),
    };

    view! {
        <Show when=move || is_open.get()
            fallback=move || view! {
                <section class="page narrow">
                    {move || if missing.get() {
                        view! { <h1>"Assessment not found"</h1><p>"It may have been deleted, or it lives in another browser. "<a href="#/">"Back to your assessments"</a></p> }.into_any()
                    } else {
                        view! { <p class="muted" aria-busy="true">"Opening the assessment…"</p> }.into_any()
                    }}
                </section>
            }>
            <div class="assessment" class:print-mode=page == Page::Report>
                <header class="a-header no-print">
                    <div class="a-title">
                        <h1>{name}</h1>
                        <p class="muted">{org}</p>
                    </div>
                    <div class="a-figures" aria-live="polite">
                        <div class="figure"><span class="label">"Readiness"</span><strong data-testid="live-readiness">{move || percent_text(readiness.get())}</strong></div>
                        <div class="figure"><span class="label">"Coverage"</span><strong data-testid="live-coverage">{move || percent_text(coverage.get())}</strong></div>
                        <div class="figure verdict"><span class="label">"Verdict"</span><span>{verdict}</span></div>
                        <span class=move || format!("save-status {}", save_status().0) data-testid="save-status">{move || save_status().1}</span>
                    </div>
                </header>
                <ConflictBanner />
                {move || ed.save_error.get().map(|e| view! {
                    <div class="banner error" role="alert">
                        <span>{e.to_string()}</span>
                        <button type="button" on:click=move |_| state.retry_save()>"Try again"</button>
                    </div>
                })}
                <nav class="tabs no-print" aria-label="Assessment pages">{tabs.clone()}</nav>
                <div class="a-body">{body}</div>
            </div>
        </Show>
    }
}

/// Shown when another tab saved this assessment while this tab has unsaved edits.
#[component]
fn ConflictBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.editor.conflict.get().map(|rev| {
            view! {
                <div class="banner warn" role="alert" data-testid="conflict-banner">
                    <p>
                        <strong>"This assessment was changed in another tab"</strong>
                        {format!(" (saved there as revision {rev}). ")}
                        "Your edits in this tab are kept and have not overwritten the other tab's work. Choose what to keep:"
                    </p>
                    <div class="actions">
                        <button type="button" on:click=move |_| state.keep_mine_as_copy()>"Keep mine as a copy, load theirs"</button>
                        <button type="button" class="secondary" on:click=move |_| state.take_theirs()>"Discard mine, load theirs"</button>
                    </div>
                </div>
            }
        })
    }
}
