//! `#/share/<payload>`: a shared assessment, shown before anything is stored.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::plan::{self, Choice};
use super::{existing_revisions, general_problem, import_entries, EntryTable, ProblemList, Review};
use crate::exchange::json::{import, AssessmentFile, Problem, ProblemKind};
use crate::exchange::share::{decode_fragment, decompress, is_encrypted};
use crate::ui::components::percent_text;
use crate::ui::crypto::{self, CryptoError, ITERATIONS};
use crate::ui::route::{page_href, Page};
use crate::ui::state::AppState;
use crate::ui::util::short_time;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Locked {
        error: Option<String>,
    },
    Busy(&'static str),
    Failed(Vec<Problem>),
    Preview {
        entries: Vec<AssessmentFile>,
        error: Option<String>,
    },
    Review {
        entries: Vec<AssessmentFile>,
        existing: BTreeMap<String, u64>,
    },
}

fn from_json(json: &str) -> Stage {
    match import(json.as_bytes()) {
        Ok(i) => Stage::Preview {
            entries: plan::entries(&i),
            error: None,
        },
        Err(e) => Stage::Failed(e.problems),
    }
}

fn link_problem(message: String) -> Stage {
    Stage::Failed(vec![general_problem(ProblemKind::Syntax, message)])
}

/// Replace the share URL in the history with the assessment's (so the data does not linger in
/// the browser history) and show it.
fn go_to(id: &str) {
    let w = window();
    let loc = w.location();
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        page_href(id, Page::Overview)
    );
    let replaced = w
        .history()
        .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)))
        .is_ok();
    if replaced {
        // replaceState fires no hashchange: tell the router.
        if let Ok(ev) = web_sys::Event::new("hashchange") {
            let _ = w.dispatch_event(&ev);
        }
    } else {
        let _ = loc.replace(&url);
    }
}

/// Opening a share link: decode (asking for the passphrase of a protected link), validate, show
/// what it holds, and import it only when asked.
#[component]
pub fn SharePage(
    /// The fragment payload (`v1.…` or `e1.…`).
    payload: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let initial = if is_encrypted(&payload) {
        Stage::Locked { error: None }
    } else {
        match decode_fragment(&payload) {
            Ok(json) => from_json(&json),
            Err(e) => link_problem(format!("This link cannot be opened: {e}.")),
        }
    };
    let stage = RwSignal::new(initial);
    let passphrase = RwSignal::new(String::new());
    let payload = StoredValue::new(payload);

    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = passphrase.get_untracked();
        if pass.is_empty() {
            stage.set(Stage::Locked {
                error: Some("Enter the passphrase you were given with the link.".into()),
            });
            return;
        }
        stage.set(Stage::Busy("Decrypting…"));
        let data = payload.get_value();
        spawn_local(async move {
            match crypto::decrypt(&pass, &data, ITERATIONS).await {
                Ok(plain) => {
                    passphrase.set(String::new());
                    stage.set(match decompress(&plain) {
                        Ok(json) => from_json(&json),
                        Err(e) => link_problem(format!("This link cannot be opened: {e}.")),
                    });
                }
                Err(CryptoError::WrongPassphrase) => stage.set(Stage::Locked {
                    error: Some("That passphrase does not open this link. Check it (letter case matters) and try again.".into()),
                }),
                Err(CryptoError::Damaged(e)) => stage.set(link_problem(format!("This link cannot be opened: {e}."))),
                Err(e) => stage.set(Stage::Locked { error: Some(format!("The link could not be decrypted: {e}.")) }),
            }
        });
    };

    let write =
        move |entries: Vec<AssessmentFile>, existing: BTreeMap<String, u64>, choice: Choice| {
            stage.set(Stage::Busy("Importing…"));
            spawn_local(async move {
                match import_entries(state, entries.clone(), &existing, choice).await {
                    Ok((ids, message)) => {
                        state.notify(message);
                        if let Some(id) = ids.first() {
                            go_to(id);
                        }
                    }
                    Err(m) => stage.set(Stage::Preview {
                        entries,
                        error: Some(m),
                    }),
                }
            });
        };

    let start_import = move |entries: Vec<AssessmentFile>| {
        stage.set(Stage::Busy("Checking this browser…"));
        spawn_local(async move {
            match existing_revisions(state).await {
                Ok(existing) if plan::collisions(&entries, &existing).is_empty() => {
                    write(entries, existing, Choice::KeepBoth)
                }
                Ok(existing) => stage.set(Stage::Review { entries, existing }),
                Err(m) => stage.set(Stage::Preview {
                    entries,
                    error: Some(m),
                }),
            }
        });
    };

    let body = move || {
        match stage.get() {
        Stage::Locked { error } => view! {
            <form class="card unlock" on:submit=unlock data-testid="share-unlock">
                <h2>"This link is protected"</h2>
                <p>"Enter the passphrase you were given with the link. It is checked here, in your browser."</p>
                <label class="field" for="share-passphrase"><span>"Passphrase"</span>
                    <input id="share-passphrase" type="password" autocomplete="off"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) /></label>
                {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit">"Open"</button>
            </form>
        }.into_any(),
        Stage::Busy(what) => view! { <p class="muted" aria-busy="true">{what}</p> }.into_any(),
        Stage::Failed(problems) => view! {
            <div class="card">
                <ProblemList subject="The shared assessment" problems=problems />
                <p>"Ask the sender for a new link or for the JSON file. "<a href="#/">"Back to your assessments"</a></p>
            </div>
        }.into_any(),
        Stage::Preview { entries, error } => {
            let single = entries.len() == 1;
            let first = entries.first().map(super::EntryFacts::of);
            let for_import = entries.clone();
            view! {
                <div class="card share-preview" data-testid="share-preview">
                    <p>{if single { "This link carries an assessment. Nothing has been stored yet: check what it holds, then import it if you want to keep it." } else { "This link carries several assessments. Nothing has been stored yet." }}</p>
                    {match (single, first) {
                        (true, Some(f)) => view! {
                            <dl class="facts">
                                <dt>"Assessment"</dt><dd data-testid="share-name">{f.name}</dd>
                                <dt>"Organisation"</dt><dd>{if f.organisation.is_empty() { "—".to_string() } else { f.organisation }}</dd>
                                <dt>"Rated items"</dt><dd data-testid="share-rated">{format!("{} of {} applicable items", f.rated, f.applicable)}</dd>
                                <dt>"Readiness"</dt><dd data-testid="share-readiness">{percent_text(f.readiness)}</dd>
                                <dt>"Coverage"</dt><dd data-testid="share-coverage">{percent_text(f.coverage)}</dd>
                                <dt>"Verdict"</dt><dd>{f.verdict}</dd>
                                <dt>"Last change"</dt><dd>{format!("{} (UTC)", short_time(&f.updated))}</dd>
                            </dl>
                        }.into_any(),
                        _ => view! { <EntryTable entries=entries.clone() /> }.into_any(),
                    }}
                    {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| start_import(for_import.clone())>"Import into this browser"</button>
                        <a class="button secondary" href="#/">"Don't import"</a>
                    </div>
                </div>
            }.into_any()
        }
        Stage::Review { entries, existing } => {
            let (e2, x2) = (entries.clone(), existing.clone());
            let back = entries.clone();
            view! {
                <div class="card">
                    <Review entries=entries existing=existing
                        on_import=move |c: Choice| write(e2.clone(), x2.clone(), c)
                        on_cancel=move |_| stage.set(Stage::Preview { entries: back.clone(), error: None }) />
                </div>
            }.into_any()
        }
    }
    };

    view! {
        <section class="page narrow share-page">
            <h1>"Shared assessment"</h1>
            <p class="muted">"The assessment travels inside the link itself (after the #): gap42 contacted no server to show it."</p>
            {body}
        </section>
    }
}
