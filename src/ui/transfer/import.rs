//! The import panel of the home page: pick or drop a file, see every problem or resolve
//! collisions, then everything is written at once.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::plan::{self, read_encrypted, Choice, Locked};
use super::{existing_revisions, general_problem, import_entries, read_file, ProblemList, Review};
use crate::exchange::json::{import, AssessmentFile, Problem, ProblemKind, MAX_IMPORT_BYTES};
use crate::exchange::share::decompress;
use crate::ui::crypto::{self, CryptoError};
use crate::ui::lazy::{self, Lazy};
use crate::ui::route::{page_href, Page};
use crate::ui::state::AppState;

/// Where the import panel is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Busy(&'static str),
    Failed {
        file: String,
        problems: Vec<Problem>,
    },
    Locked {
        file: String,
        locked: Locked,
        error: Option<String>,
    },
    Review {
        file: String,
        entries: Vec<AssessmentFile>,
        existing: BTreeMap<String, u64>,
    },
    Done {
        message: String,
        /// The imported assessment, when there is one.
        open: Option<String>,
    },
}

/// Take decrypted or read bytes as far as the next question to the user, or the end.
async fn accept(state: AppState, stage: RwSignal<Stage>, file: String, bytes: Vec<u8>) {
    if let Some(wrapper) = read_encrypted(&bytes) {
        match wrapper {
            Ok(locked) => stage.set(Stage::Locked {
                file,
                locked,
                error: None,
            }),
            Err(m) => stage.set(Stage::Failed {
                file,
                problems: vec![general_problem(ProblemKind::NotGap42, m)],
            }),
        }
        return;
    }
    let imported = match import(&bytes) {
        Ok(i) => i,
        Err(e) => {
            stage.set(Stage::Failed {
                file,
                problems: e.problems,
            });
            return;
        }
    };
    let entries = plan::entries(&imported);
    let existing = match existing_revisions(state).await {
        Ok(e) => e,
        Err(m) => {
            stage.set(Stage::Failed {
                file,
                problems: vec![general_problem(ProblemKind::Empty, m)],
            });
            return;
        }
    };
    let single_new = entries.len() == 1 && plan::collisions(&entries, &existing).is_empty();
    if single_new {
        finish(state, stage, entries, existing, Choice::KeepBoth).await;
    } else {
        stage.set(Stage::Review {
            file,
            entries,
            existing,
        });
    }
}

async fn finish(
    state: AppState,
    stage: RwSignal<Stage>,
    entries: Vec<AssessmentFile>,
    existing: BTreeMap<String, u64>,
    choice: Choice,
) {
    stage.set(Stage::Busy("Importing…"));
    match import_entries(state, entries, &existing, choice).await {
        Ok((ids, message)) => {
            state.notify(message.clone());
            stage.set(Stage::Done {
                message,
                open: (ids.len() == 1).then(|| ids[0].clone()),
            });
        }
        Err(m) => stage.set(Stage::Failed {
            file: "The file".into(),
            problems: vec![general_problem(ProblemKind::Empty, m)],
        }),
    }
}

/// Import a gap42 file: one assessment, a backup, or an encrypted export. Pick it with the
/// button (keyboard: Tab to it, Enter) or drop it on the panel. The panel itself is part of the
/// first load; what happens to a file ([`ImportFlow`]) is loaded when the first file is picked.
#[component]
pub fn ImportPanel() -> impl IntoView {
    // The latest file picked or dropped. Setting it always notifies, so picking the same file
    // again (after fixing it) starts over.
    let picked = RwSignal::new_local(None::<web_sys::File>);
    let over = RwSignal::new(false);
    let take_file = move |file: web_sys::File| {
        picked.set(Some(file));
    };

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        // The same file can be picked again after fixing it.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(true);
    };

    view! {
        <section class="card import" aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <div class="dropzone" class:over=move || over.get()
                on:dragenter=on_dragover on:dragover=on_dragover
                on:dragleave=move |_| over.set(false) on:drop=on_drop>
                <input type="file" id="import-file" class="file-input" accept=".json,application/json"
                    on:change=on_change aria-describedby="import-help" />
                <label for="import-file" class="button secondary">"Choose a file…"</label>
                <span class="muted">" or drop it here"</span>
                <p id="import-help" class="muted small">
                    {format!("A gap42 file (.json): one assessment, a backup of everything, or an encrypted export. Up to {} MB. Nothing is stored until the whole file has been checked.", MAX_IMPORT_BYTES / 1_048_576)}
                </p>
            </div>
            <div class="import-status" aria-live="polite">
                <Show when=move || picked.with(|p| p.is_some())>
                    <Lazy load=move || lazy::import_flow(picked)
                        fallback=|| view! { <p class="muted" aria-busy="true">"Reading the file…"</p> } />
                </Show>
            </div>
        </section>
    }
}

/// What happens to each picked file: read, decrypt (asking for the passphrase), check, review
/// collisions, import; every problem is listed.
#[component]
pub fn ImportFlow(
    /// The latest file picked on the panel.
    picked: RwSignal<Option<web_sys::File>, LocalStorage>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let stage = RwSignal::new(Stage::Idle);
    let passphrase = RwSignal::new(String::new());

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        stage.set(Stage::Busy("Reading the file…"));
        spawn_local(async move {
            let label = format!("“{name}”");
            match read_file(&file).await {
                Ok(bytes) => accept(state, stage, label, bytes).await,
                Err(p) => stage.set(Stage::Failed {
                    file: label,
                    problems: vec![p],
                }),
            }
        });
    };

    // Each new pick starts over (syncing with the outside world: the file is read from disk).
    Effect::new(move |_| {
        if let Some(file) = picked.get() {
            take_file(file);
        }
    });

    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Stage::Locked { file, locked, .. } = stage.get_untracked() else {
            return;
        };
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            stage.set(Stage::Locked {
                file,
                locked,
                error: Some("Enter the passphrase the file was encrypted with.".into()),
            });
            return;
        }
        stage.set(Stage::Busy("Decrypting…"));
        spawn_local(async move {
            match crypto::decrypt(&pass, &locked.data, locked.iterations).await {
                Ok(plain) => {
                    passphrase.set(String::new());
                    match decompress(&plain) {
                        Ok(json) => accept(state, stage, file, json.into_bytes()).await,
                        Err(e) => stage.set(Stage::Failed {
                            file,
                            problems: vec![general_problem(ProblemKind::Syntax, format!("The decrypted content cannot be read: {e}."))],
                        }),
                    }
                }
                Err(CryptoError::WrongPassphrase) => stage.set(Stage::Locked {
                    file,
                    locked,
                    error: Some("That passphrase does not open this file. Check it (letter case matters) and try again.".into()),
                }),
                Err(e) => stage.set(Stage::Locked {
                    file,
                    locked,
                    error: Some(format!("The file could not be decrypted: {e}.")),
                }),
            }
        });
    };

    let reset = move || {
        passphrase.set(String::new());
        stage.set(Stage::Idle);
    };

    let body = move || {
        match stage.get() {
        Stage::Idle => None,
        Stage::Busy(what) => Some(view! { <p class="muted" aria-busy="true">{what}</p> }.into_any()),
        Stage::Failed { file, problems } => Some(view! {
            <ProblemList subject=file problems=problems />
            <button type="button" class="ghost" on:click=move |_| reset()>"Dismiss"</button>
        }.into_any()),
        Stage::Locked { file, error, .. } => Some(view! {
            <form class="unlock" on:submit=unlock data-testid="unlock-form">
                <p><strong>{file}</strong>" is encrypted. Enter its passphrase to open it."</p>
                <label class="field" for="import-passphrase"><span>"Passphrase"</span>
                    <input id="import-passphrase" type="password" autocomplete="off"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) /></label>
                {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="submit">"Decrypt and import"</button>
                    <button type="button" class="ghost" on:click=move |_| reset()>"Cancel"</button>
                </div>
            </form>
        }.into_any()),
        Stage::Review { entries, existing, .. } => {
            let (e2, x2) = (entries.clone(), existing.clone());
            Some(view! {
                <Review entries=entries existing=existing
                    on_import=move |c: Choice| {
                        let (e, x) = (e2.clone(), x2.clone());
                        spawn_local(async move { finish(state, stage, e, x, c).await });
                    }
                    on_cancel=move |_| reset() />
            }.into_any())
        }
        Stage::Done { message, open } => Some(view! {
            <p class="import-done" data-testid="import-done">
                <span class="ok-mark" aria-hidden="true">"✓ "</span>{message}" "
                {open.map(|id| view! { <a href=page_href(&id, Page::Overview)>"Open it"</a> })}
            </p>
        }.into_any()),
    }
    };

    view! { {body} }
}
