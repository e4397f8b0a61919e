//! Moving assessments in and out of the browser: export, backup, import, restore, share links.
//!
//! - [`ExportButtons`] (home page): one backup file of everything;
//! - [`ImportPanel`] (home page): import a file, a backup or an encrypted export;
//! - [`AssessmentTransfer`] (inside an assessment): JSON, CSV, OSCAL, encrypted file, share link;
//! - [`SharePage`] (`#/share/<payload>`): preview and import a shared assessment.
//!
//! Every import is validated completely by [`crate::exchange::json::import`] before anything is
//! stored, an assessment already in this browser is never overwritten without asking, and all
//! writes of one import go to storage in one all-or-nothing transaction.

mod export;
mod import;
pub mod plan;
mod share_page;

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::components::percent_text;
use super::state::{db, AppState, LoadState};
use super::util::{download, new_id, today};
use crate::catalog::catalog;
use crate::domain::{predict, score};
use crate::exchange::json::{
    export_backup, AssessmentFile, Problem, ProblemKind, MAX_IMPORT_BYTES,
};
use plan::{collisions, Choice, Plan};

pub use export::AssessmentTransfer;
pub use import::{ImportFlow, ImportPanel};
pub use share_page::SharePage;

/// "Back up everything" on the home page: one `gap42.backup` file with every assessment and its
/// snapshots.
#[component]
pub fn ExportButtons() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (busy, set_busy) = signal(false);
    let backup = move |_| {
        set_busy.set(true);
        spawn_local(async move {
            match super::lazy::backup_everything(state).await {
                Ok(backup) => backup.await,
                Err(e) => state.notify(format!(
                    "The backup could not be made: {e}. Check the connection and reload gap42."
                )),
            }
            set_busy.set(false);
        });
    };
    let count = move || state.list.with(|l| l.len());
    view! {
        <div class="export-buttons">
            <button type="button" class="secondary" on:click=backup
                disabled=move || busy.get() || state.load.get() != LoadState::Ready>
                "Back up everything"
            </button>
            <span class="muted small">{move || match count() {
                0 => "Nothing to back up yet".to_string(),
                1 => "One file with your assessment and its snapshots".to_string(),
                n => format!("One file with all {n} assessments and their snapshots"),
            }}</span>
        </div>
    }
}

/// Writes the backup file (loaded on demand: see [`super::lazy::backup_everything`]).
pub async fn backup_everything(state: AppState) {
    state.flush().await;
    let Some(db) = db() else {
        state.notify("Storage is not available, so there is nothing to back up.");
        return;
    };
    let (all, mut snaps) = match (db.all_assessments().await, db.all_snapshots().await) {
        (Ok(a), Ok(s)) => (a, s),
        (Err(e), _) | (_, Err(e)) => {
            state.notify(format!("The backup could not be made: {e}"));
            return;
        }
    };
    if all.is_empty() {
        state.notify("There are no assessments to back up yet.");
        return;
    }
    let entries: Vec<AssessmentFile> = all
        .into_iter()
        .map(|a| AssessmentFile {
            snapshots: snaps.remove(&a.id).unwrap_or_default(),
            assessment: a,
        })
        .collect();
    let text = export_backup(&entries);
    let name = format!("gap42-backup-{}.json", today());
    if download(&name, "application/json", &text) {
        let n = entries.len();
        state.notify(format!(
            "Downloaded {name} ({n} assessment{}). Keep it somewhere safe.",
            if n == 1 { "" } else { "s" }
        ));
    } else {
        state
            .notify("The browser refused the download. Check its download settings and try again.");
    }
}

// ---------------------------------------------------------------------------------------------
// Shared import machinery
// ---------------------------------------------------------------------------------------------

/// A problem that is not about a location in the file.
fn general_problem(kind: ProblemKind, message: impl Into<String>) -> Problem {
    Problem {
        kind,
        path: String::new(),
        message: message.into(),
    }
}

/// Read a picked or dropped file, refusing it before reading when it is over the import limit.
async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, Problem> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES as f64 {
        return Err(general_problem(
            ProblemKind::TooLarge,
            format!(
                "The file is {:.1} MB; gap42 imports files of at most {} MB. It was not read.",
                size / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            ),
        ));
    }
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|_| {
        general_problem(
            ProblemKind::Empty,
            "The browser could not read the file. Pick it again.",
        )
    })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Ids of the stored assessments with their revisions (after saving the open one).
async fn existing_revisions(state: AppState) -> Result<BTreeMap<String, u64>, String> {
    state.flush().await;
    let db = db().ok_or_else(|| match state.load.get_untracked() {
        LoadState::Loading => "Storage is still opening. Try again in a moment.".to_string(),
        LoadState::Failed(e) => format!("Storage is not available: {e}"),
        LoadState::Ready => "Storage is not available.".to_string(),
    })?;
    let all = db.all_assessments().await.map_err(|e| e.to_string())?;
    Ok(all.into_iter().map(|a| (a.id, a.revision)).collect())
}

/// Write a plan in one transaction, then bring the list (and an open, replaced assessment) up to
/// date. Returns a sentence for the user.
async fn write_plan(state: AppState, plan: &Plan) -> Result<String, String> {
    let db = db().ok_or_else(|| "Storage is not available.".to_string())?;
    db.put_all(&plan.assessments, &plan.snapshots)
        .await
        .map_err(|e| format!("Nothing was imported: {e}"))?;
    // An open assessment that was replaced is reloaded from storage (its unsaved edits were
    // saved before the collision check; the user chose to replace them).
    let ed = state.editor;
    if let Some(open) = ed.doc.with_untracked(|d| d.as_ref().map(|a| a.id.clone())) {
        if plan.replaced.contains(&open) {
            ed.dirty.set(false);
            ed.conflict.set(None);
            ed.doc.set(None);
            state.open(&open).await;
        }
    }
    state.refresh_list().await;
    state.announce_list_change();
    Ok(match plan.assessments.as_slice() {
        [a] if plan.copies == 1 => format!("Imported a copy as “{}”.", a.name),
        [a] if !plan.replaced.is_empty() => {
            format!("Replaced “{}” with the imported version.", a.name)
        }
        [a] => format!("Imported “{}”.", a.name),
        all => {
            let mut s = format!("Restored {} assessments", all.len());
            if plan.copies > 0 {
                s.push_str(&format!(", {} as copies", plan.copies));
            }
            if !plan.replaced.is_empty() {
                s.push_str(&format!(", {} replaced", plan.replaced.len()));
            }
            s.push('.');
            s
        }
    })
}

/// Plan and write an import with the user's choice.
async fn import_entries(
    state: AppState,
    entries: Vec<AssessmentFile>,
    existing: &BTreeMap<String, u64>,
    choice: Choice,
) -> Result<(Vec<String>, String), String> {
    let p = plan::plan(entries, existing, choice, new_id);
    let msg = write_plan(state, &p).await?;
    Ok((p.ids, msg))
}

/// A message as a sentence: capital first letter.
fn sentence(m: &str) -> String {
    let mut c = m.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The located problems of a refused import.
#[component]
fn ProblemList(
    /// What was refused, e.g. the file name.
    #[prop(into)]
    subject: String,
    /// Every problem found.
    problems: Vec<Problem>,
) -> impl IntoView {
    let n = problems.len();
    let heading = format!(
        "{subject} was not imported ({n} problem{}). Nothing was changed in this browser.",
        if n == 1 { "" } else { "s" }
    );
    view! {
        <div class="import-problems" role="alert" data-testid="import-problems">
            <p class="problems-head">{heading}</p>
            <ul>
                {problems.into_iter().map(|p| {
                    let located = !p.path.is_empty();
                    view! {
                        <li>
                            <span class="problem-message">{sentence(&p.message)}</span>
                            {located.then(|| view! { <span class="problem-where">"at "<code class="problem-path">{p.path.clone()}</code></span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Facts about one imported assessment, computed by the domain.
#[derive(Clone, Debug, PartialEq)]
struct EntryFacts {
    id: String,
    name: String,
    organisation: String,
    rated: usize,
    applicable: usize,
    readiness: Option<u32>,
    coverage: Option<u32>,
    verdict: &'static str,
    updated: String,
    snapshots: usize,
}

impl EntryFacts {
    fn of(e: &AssessmentFile) -> EntryFacts {
        let s = score(catalog(), &e.assessment.responses);
        EntryFacts {
            id: e.assessment.id.clone(),
            name: e.assessment.name.clone(),
            organisation: e.assessment.organisation.clone(),
            rated: s.overall.assessed,
            applicable: s.overall.applicable,
            readiness: s.overall.percent(),
            coverage: s.overall.coverage_percent(),
            verdict: predict(catalog(), &e.assessment.responses).verdict.label(),
            updated: e.assessment.updated.clone(),
            snapshots: e.snapshots.len(),
        }
    }
}

/// The entries of an import as a table (name, organisation, rated items, readiness, snapshots,
/// whether already in this browser).
#[component]
fn EntryTable(
    /// The entries.
    entries: Vec<AssessmentFile>,
    /// Ids already stored, or None when not known yet.
    #[prop(optional)]
    existing: Option<BTreeMap<String, u64>>,
) -> impl IntoView {
    let facts: Vec<EntryFacts> = entries.iter().map(EntryFacts::of).collect();
    let show_here = existing.is_some();
    view! {
        <table class="plain entry-table">
            <thead><tr>
                <th scope="col">"Assessment"</th><th scope="col" class="num">"Rated"</th>
                <th scope="col" class="num">"Readiness"</th><th scope="col" class="num">"Snapshots"</th>
                {show_here.then(|| view! { <th scope="col">"Status"</th> })}
            </tr></thead>
            <tbody>
                {facts.into_iter().map(|f| {
                    let here = existing.as_ref().map(|e| e.contains_key(&f.id));
                    view! {
                        <tr>
                            <th scope="row">{f.name}<span class="muted small block">{f.organisation}</span></th>
                            <td class="num">{format!("{} of {}", f.rated, f.applicable)}</td>
                            <td class="num">{percent_text(f.readiness)}</td>
                            <td class="num">{f.snapshots}</td>
                            {here.map(|h| if h {
                                view! { <td><span class="badge warn">"Already here"</span></td> }.into_any()
                            } else {
                                view! { <td><span class="badge">"New"</span></td> }.into_any()
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Ask how to import entries some of which are already in this browser (or confirm a restore).
/// Never overwrites without an explicit, confirmed "Replace".
#[component]
fn Review(
    /// What the file or link holds.
    entries: Vec<AssessmentFile>,
    /// Ids (with revisions) already in this browser.
    existing: BTreeMap<String, u64>,
    /// Called with the user's choice when they go ahead.
    #[prop(into)]
    on_import: Callback<Choice>,
    /// Called when the user gives up.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let clashing: Vec<(String, String)> = collisions(&entries, &existing)
        .into_iter()
        .map(|e| (e.assessment.id.clone(), e.assessment.name.clone()))
        .collect();
    let n = entries.len();
    let snaps: usize = entries.iter().map(|e| e.snapshots.len()).sum();
    let choice = RwSignal::new(Choice::KeepBoth);
    let replace_names = clashing
        .iter()
        .map(|(_, n)| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ");
    let go = move |c: Choice| {
        if c == Choice::Replace {
            let ok = window()
                .confirm_with_message(&format!(
                    "Replace {replace_names} in this browser with the imported version? Its ratings, notes, evidence and actions are overwritten (snapshots already here are kept). This cannot be undone."
                ))
                .unwrap_or(false);
            if !ok {
                return;
            }
        }
        on_import.run(c);
    };
    let go2 = go.clone();

    if n == 1 {
        let (_, name) = clashing.first().cloned().unwrap_or_default();
        let copy = plan::copy_name(&name);
        view! {
            <div class="review" data-testid="import-review">
                <h3>"This assessment is already in this browser"</h3>
                <p>"“"{name.clone()}"” has the same identity as an assessment stored here (it was probably exported from it). Choose what to do:"</p>
                <ul class="choices">
                    <li><strong>"Keep both"</strong>" — import the file's version as a separate assessment, “"{copy}"”."</li>
                    <li><strong>"Replace"</strong>" — overwrite the version in this browser with the imported one."</li>
                </ul>
                <div class="actions">
                    <button type="button" on:click=move |_| go(Choice::KeepBoth)>"Keep both"</button>
                    <button type="button" class="secondary danger-outline" on:click=move |_| go2(Choice::Replace)>"Replace…"</button>
                    <button type="button" class="ghost" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        }
        .into_any()
    } else {
        let k = clashing.len();
        let summary = format!(
            "This backup holds {n} assessment{} and {snaps} snapshot{}.",
            if n == 1 { "" } else { "s" },
            if snaps == 1 { "" } else { "s" }
        );
        view! {
            <div class="review" data-testid="import-review">
                <h3>"Restore from backup"</h3>
                <p data-testid="restore-summary">{summary}
                    {(k > 0).then(|| format!(" {k} of them {} already in this browser.", if k == 1 { "is" } else { "are" }))}
                </p>
                <EntryTable entries=entries.clone() existing=existing.clone() />
                {(k > 0).then(|| view! {
                    <fieldset class="choice">
                        <legend>"For the assessments already here"</legend>
                        <label class="radio"><input type="radio" name="restore-choice" prop:checked=move || choice.get() == Choice::KeepBoth
                            on:change=move |_| choice.set(Choice::KeepBoth) />
                            " Keep both: import the backup's versions as copies, named “… (imported)”"</label>
                        <label class="radio"><input type="radio" name="restore-choice" prop:checked=move || choice.get() == Choice::Replace
                            on:change=move |_| choice.set(Choice::Replace) />
                            " Replace the versions in this browser with the backup's"</label>
                    </fieldset>
                })}
                <p class="muted small">"Everything is written in one step: if anything fails, nothing is changed."</p>
                <div class="actions">
                    <button type="button" on:click=move |_| go(choice.get_untracked())>{format!("Restore {n} assessment{}", if n == 1 { "" } else { "s" })}</button>
                    <button type="button" class="ghost" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        }
        .into_any()
    }
}
