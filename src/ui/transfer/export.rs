//! The export panel of one assessment: gap42 JSON, CSV, OSCAL, an encrypted file and a share link.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::plan::EncryptedFile;
use crate::catalog::catalog;
use crate::domain::{Assessment, Snapshot};
use crate::exchange::csv::responses_csv;
use crate::exchange::json::export_assessment;
use crate::exchange::oscal::{assessment_results, poam};
use crate::exchange::share::{compress, encode_fragment};
use crate::ui::crypto::{self, check_new_passphrase, MIN_PASSPHRASE_CHARS};
use crate::ui::state::{db, AppState};
use crate::ui::util::{download, file_stem, now, short_time, today};

/// Edits after which an assessment never exported gets a reminder.
pub const REMINDER_EDITS: u32 = 50;

/// Links longer than this may be cut by some email and chat apps.
pub const LONG_LINK_CHARS: usize = 8_000;

/// The sentence that explains where a share link keeps the data.
pub const LINK_PRIVACY: &str = "The assessment travels inside the link itself (after the #). Browsers never send that part to a server, but anyone who has the link can read it — add a passphrase to protect it.";

/// Snapshots of an assessment from storage (the editor's copy if storage cannot be read).
async fn snapshots_of(state: AppState, id: &str) -> Vec<Snapshot> {
    match db() {
        Some(db) => match db.snapshots_of(id).await {
            Ok(s) => s,
            Err(_) => state.editor.snapshots.get_untracked(),
        },
        None => state.editor.snapshots.get_untracked(),
    }
}

fn refused(state: AppState) {
    state.notify("The browser refused the download. Check its download settings and try again.");
}

/// A share link as made.
#[derive(Clone, Debug, PartialEq)]
struct Link {
    url: String,
    encrypted: bool,
    /// `updated` of the assessment when the link was made.
    made_from: String,
}

/// Export and share one assessment (the open one): gap42 JSON (with snapshots), CSV of the
/// responses, OSCAL assessment results and POA&M, a passphrase-encrypted file, and a share link.
/// Also shows when it was last exported, and a dismissible reminder after many edits.
#[component]
pub fn AssessmentTransfer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let dismissed = RwSignal::new(false);

    let with_doc = move |f: fn(AppState, Assessment)| {
        if let Some(a) = ed.doc.get_untracked() {
            f(state, a);
        }
    };

    let json = move |_| {
        with_doc(|state, a| {
            spawn_local(async move {
                let snaps = snapshots_of(state, &a.id).await;
                let name = format!("{}-{}.json", file_stem(&a.name), today());
                if download(&name, "application/json", &export_assessment(&a, &snaps)) {
                    state.mark_exported();
                    state.notify(format!("Downloaded {name}."));
                } else {
                    refused(state);
                }
            })
        })
    };
    let csv = move |_| {
        with_doc(|state, a| {
            let name = format!("{}-responses-{}.csv", file_stem(&a.name), today());
            if download(
                &name,
                "text/csv;charset=utf-8",
                &responses_csv(catalog(), &a),
            ) {
                state.notify(format!("Downloaded {name}."));
            } else {
                refused(state);
            }
        })
    };
    let oscal_ar = move |_| {
        with_doc(|state, a| {
            let name = format!(
                "{}-oscal-assessment-results-{}.json",
                file_stem(&a.name),
                today()
            );
            let text = assessment_results(catalog(), &a, &now(), &a.id);
            if download(&name, "application/json", &text) {
                state.notify(format!("Downloaded {name}."));
            } else {
                refused(state);
            }
        })
    };
    let oscal_poam = move |_| {
        with_doc(|state, a| {
            let name = format!("{}-oscal-poam-{}.json", file_stem(&a.name), today());
            let text = poam(catalog(), &a, &now(), &a.id);
            if download(&name, "application/json", &text) {
                state.notify(format!("Downloaded {name}."));
            } else {
                refused(state);
            }
        })
    };

    let last_exported = move || {
        ed.doc.with(
            |d| match d.as_ref().and_then(|a| a.last_exported.as_deref()) {
                Some(t) => format!("Last exported as a gap42 file: {} (UTC).", short_time(t)),
                None => "Not yet exported as a gap42 file.".to_string(),
            },
        )
    };
    let reminder = move || {
        !dismissed.get()
            && ed.doc.with(|d| {
                d.as_ref()
                    .map(|a| a.last_exported.is_none() && a.edits_since_export >= REMINDER_EDITS)
                    .unwrap_or(false)
            })
    };
    let edits = move || {
        ed.doc
            .with(|d| d.as_ref().map(|a| a.edits_since_export).unwrap_or(0))
    };

    view! {
        <section class="card transfer no-print" aria-labelledby="transfer-title" data-testid="assessment-transfer">
            <h2 id="transfer-title">"Export and share"</h2>
            <Show when=reminder>
                <div class="note reminder" role="note" data-testid="export-reminder">
                    <p>{move || format!("You have made {} changes and have not saved a copy of this assessment as a file yet. Browsers can clear a site's data; a JSON file keeps your work safe and moves it to another browser.", edits())}</p>
                    <div class="actions">
                        <button type="button" on:click=json>"Download JSON now"</button>
                        <button type="button" class="ghost" on:click=move |_| dismissed.set(true)>"Dismiss"</button>
                    </div>
                </div>
            </Show>
            <div class="transfer-grid">
                <div class="transfer-block">
                    <h3>"Download"</h3>
                    <div class="download-list">
                        <button type="button" on:click=json>"JSON (gap42 file)"</button>
                        <button type="button" class="secondary" on:click=csv>"CSV of responses"</button>
                        <button type="button" class="secondary" on:click=oscal_ar>"OSCAL assessment results"</button>
                        <button type="button" class="secondary" on:click=oscal_poam>"OSCAL POA&M"</button>
                    </div>
                    <p class="muted small">"The JSON file holds everything, snapshots included, and can be imported again in any browser. CSV opens in a spreadsheet; OSCAL (JSON, version 1.1.2) feeds GRC tools."</p>
                    <p class="small last-exported" data-testid="last-exported">{last_exported}</p>
                </div>
                <EncryptedExport />
                <ShareLink />
            </div>
        </section>
    }
}

/// Passphrase fields entered twice, shared by the encrypted file and the protected link.
#[component]
fn PassphraseFields(
    /// Prefix of the input ids.
    id: &'static str,
    /// The passphrase.
    pass: RwSignal<String>,
    /// Its repetition.
    repeat: RwSignal<String>,
) -> impl IntoView {
    let (first, first_for) = (format!("{id}-pass"), format!("{id}-pass"));
    let (second, second_for) = (format!("{id}-repeat"), format!("{id}-repeat"));
    view! {
        <label class="field" for=first_for><span>{format!("Passphrase (at least {MIN_PASSPHRASE_CHARS} characters)")}</span>
            <input id=first type="password" autocomplete="new-password" minlength=MIN_PASSPHRASE_CHARS.to_string()
                prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) /></label>
        <label class="field" for=second_for><span>"Repeat the passphrase"</span>
            <input id=second type="password" autocomplete="new-password"
                prop:value=move || repeat.get() on:input=move |ev| repeat.set(event_target_value(&ev)) /></label>
    }
}

/// Download the assessment as a passphrase-encrypted file.
#[component]
fn EncryptedExport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let pass = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = pass.get_untracked();
        if let Err(m) = check_new_passphrase(&p, &repeat.get_untracked()) {
            error.set(Some(m));
            return;
        }
        let Some(a) = ed.doc.get_untracked() else {
            return;
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let snaps = snapshots_of(state, &a.id).await;
            let json = export_assessment(&a, &snaps);
            match crypto::encrypt(&p, &compress(&json)).await {
                Ok(data) => {
                    let name = format!("{}-{}.encrypted.json", file_stem(&a.name), today());
                    if download(
                        &name,
                        "application/json",
                        &EncryptedFile::new(data).to_text(),
                    ) {
                        state.mark_exported();
                        pass.set(String::new());
                        repeat.set(String::new());
                        state.notify(format!(
                            "Downloaded {name}. Keep the passphrase safe: without it the file cannot be opened."
                        ));
                    } else {
                        refused(state);
                    }
                }
                Err(e) => error.set(Some(format!("The file could not be encrypted: {e}."))),
            }
            busy.set(false);
        });
    };

    view! {
        <form class="transfer-block" on:submit=submit data-testid="encrypted-export">
            <h3>"Encrypted file"</h3>
            <p class="muted small">"The same JSON file, locked with a passphrase (AES-256-GCM, done by your browser). Importing it asks for the passphrase; gap42 cannot recover a forgotten one."</p>
            <PassphraseFields id="enc" pass=pass repeat=repeat />
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="submit" disabled=move || busy.get()>
                {move || if busy.get() { "Encrypting…" } else { "Download encrypted file" }}
            </button>
        </form>
    }
}

/// Create a link that carries the assessment in its fragment.
#[component]
fn ShareLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let protect = RwSignal::new(false);
    let pass = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let link = RwSignal::new(None::<Link>);
    let copy_note = RwSignal::new(None::<&'static str>);
    let field: NodeRef<leptos::html::Textarea> = NodeRef::new();

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = if protect.get_untracked() {
            let p = pass.get_untracked();
            if let Err(m) = check_new_passphrase(&p, &repeat.get_untracked()) {
                error.set(Some(m));
                return;
            }
            Some(p)
        } else {
            None
        };
        let Some(a) = ed.doc.get_untracked() else {
            return;
        };
        error.set(None);
        copy_note.set(None);
        busy.set(true);
        spawn_local(async move {
            // Snapshots stay out of links: they would make them much longer.
            let json = export_assessment(&a, &[]);
            let fragment = match &p {
                None => Ok(encode_fragment(&json)),
                Some(p) => crypto::encrypt(p, &compress(&json)).await,
            };
            busy.set(false);
            let fragment = match fragment {
                Ok(f) => f,
                Err(e) => {
                    error.set(Some(format!("The link could not be made: {e}.")));
                    return;
                }
            };
            let loc = window().location();
            let url = format!(
                "{}{}#/share/{fragment}",
                loc.origin().unwrap_or_default(),
                loc.pathname().unwrap_or_default()
            );
            pass.set(String::new());
            repeat.set(String::new());
            link.set(Some(Link {
                url,
                encrypted: p.is_some(),
                made_from: a.updated.clone(),
            }));
        });
    };

    let select_field = move || {
        if let Some(t) = field.get_untracked() {
            let _ = t.focus();
            t.select();
        }
    };
    let copy = move |_| {
        let Some(l) = link.get_untracked() else {
            return;
        };
        const FALLBACK: &str = "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.";
        let nav = window().navigator();
        let has_clipboard = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
            .map(|c| !c.is_undefined() && !c.is_null())
            .unwrap_or(false);
        if !has_clipboard {
            select_field();
            copy_note.set(Some(FALLBACK));
            return;
        }
        let promise = nav.clipboard().write_text(&l.url);
        spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(_) => copy_note.set(Some("Link copied to the clipboard.")),
                Err(_) => {
                    select_field();
                    copy_note.set(Some(FALLBACK));
                }
            }
        });
    };
    let stale = move || {
        link.with(|l| {
            l.as_ref().map(|l| {
                ed.doc.with(|d| {
                    d.as_ref()
                        .map(|a| a.updated != l.made_from)
                        .unwrap_or(false)
                })
            })
        })
        .unwrap_or(false)
    };

    view! {
        <form class="transfer-block" on:submit=create data-testid="share-link">
            <h3>"Share link"</h3>
            <p class="muted small">{LINK_PRIVACY}" Snapshots are not included; send the JSON file to share them."</p>
            <label class="inline"><input type="checkbox" prop:checked=move || protect.get()
                on:change=move |ev| protect.set(event_target_checked(&ev)) />" Protect with a passphrase"</label>
            <Show when=move || protect.get()>
                <PassphraseFields id="share" pass=pass repeat=repeat />
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="submit" class="secondary" disabled=move || busy.get()>
                {move || if busy.get() { "Creating…" } else { "Create share link" }}
            </button>
            {move || link.get().map(|l| {
                let n = l.url.chars().count();
                view! {
                    <div class="link-out" data-testid="share-output">
                        <label class="field" for="share-url"><span>{if l.encrypted { "Passphrase-protected link" } else { "Link" }}</span>
                            <textarea id="share-url" class="link-field" readonly=true rows="3" node_ref=field
                                prop:value=l.url.clone() on:focus=move |_| select_field()></textarea></label>
                        <div class="link-actions">
                            <button type="button" on:click=copy>"Copy link"</button>
                            <span class="muted small" data-testid="share-length">{format!("{n} characters")}</span>
                        </div>
                        {move || copy_note.get().map(|t| view! { <p class="small" role="status">{t}</p> })}
                        {(n > LONG_LINK_CHARS).then(|| view! {
                            <p class="note warn small" data-testid="share-long">{format!("This link is long ({n} characters). Some email and chat apps cut long links; if it arrives broken, send the JSON file instead.")}</p>
                        })}
                        {l.encrypted.then(|| view! {
                            <p class="small">"Send the passphrase separately from the link (for example by phone), never in the same message."</p>
                        })}
                        <Show when=stale>
                            <p class="note small">"The assessment changed after this link was made. Create a new link to include the changes."</p>
                        </Show>
                    </div>
                }
            })}
        </form>
    }
}
