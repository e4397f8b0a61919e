//! Home: the assessments list (create, rename, duplicate, delete with undo, import, export).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::components::percent_text;
use super::route::{page_href, Page};
use super::state::{db, AppState, LoadState, Summary, Toast, Undo};
use super::transfer::{ExportButtons, ImportPanel};
use super::util::{new_id, now, short_time};
use crate::domain::{AiRole, Assessment};

/// Limits for the create form (the import validator uses the same).
const NAME_MAX: usize = 200;

/// The assessments list.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let loading = move || state.load.get() == LoadState::Loading;
    let empty = move || state.list.with(|l| l.is_empty());
    // The assessment opened last, if it still exists (remembered in the preferences).
    let resume = Memo::new(move |_| {
        let last = state.prefs.with(|p| p.last_opened.clone())?;
        state.list.with(|l| {
            l.iter()
                .find(|s| s.id == last)
                .map(|s| (s.id.clone(), s.name.clone()))
        })
    });
    view! {
        <section class="page home">
            <div class="home-head">
                <div>
                    <h1>"Your ISO/IEC 42001 assessments"</h1>
                    <p class="lede">"Rate the 32 requirements of clauses 4–10 and the 38 Annex A controls, see how far you are from a certification audit, and what to do first. Everything stays in this browser."</p>
                </div>
                <ExportButtons />
            </div>
            {move || resume.get().map(|(id, name)| view! {
                <p class="resume"><a class="button secondary" href=page_href(&id, Page::Clauses) data-testid="resume">
                    {format!("Continue “{name}”")}</a></p>
            })}
            <Show when=move || !loading() fallback=|| view! { <p class="muted" aria-busy="true">"Loading your assessments…"</p> }>
                <Show when=empty fallback=move || view! { <AssessmentList /> }>
                    <div class="empty-state">
                        <h2>"Start your first assessment"</h2>
                        <ol>
                            <li>"Create an assessment for your organisation below (a name is enough to begin)."</li>
                            <li>"Rate each clause and control from 0 to 5 — from the keyboard if you like: " <kbd>"j"</kbd>"/"<kbd>"k"</kbd>" to move, "<kbd>"0"</kbd>"–"<kbd>"5"</kbd>" to rate."</li>
                            <li>"Read the dashboard, the predicted audit findings and the action plan; print the report."</li>
                        </ol>
                        <p class="muted">"Nothing is sent anywhere: there is no server and no account. Export a file to move your work to another browser."</p>
                    </div>
                </Show>
            </Show>
            <div class="home-grid">
                <CreateForm />
                <ImportPanel />
            </div>
        </section>
    }
}

fn role_set_toggle(roles: &mut std::collections::BTreeSet<AiRole>, role: AiRole, on: bool) {
    if on {
        roles.insert(role);
    } else {
        roles.remove(&role);
    }
}

/// The "new assessment" form.
#[component]
fn CreateForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let org = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let assessor = RwSignal::new(String::new());
    let roles = RwSignal::new(std::collections::BTreeSet::<AiRole>::new());
    let (error, set_error) = signal(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            set_error.set(Some("Give the assessment a name.".into()));
            return;
        }
        if n.chars().count() > NAME_MAX {
            set_error.set(Some(format!("Names are limited to {NAME_MAX} characters.")));
            return;
        }
        set_error.set(None);
        let mut a = Assessment::new(new_id(), n, now());
        a.organisation = org.get_untracked().trim().to_string();
        a.scope = scope.get_untracked().trim().to_string();
        a.assessor = assessor.get_untracked().trim().to_string();
        a.roles = roles.get_untracked();
        spawn_local(async move {
            let Some(db) = db() else {
                if matches!(state.load.get_untracked(), LoadState::Failed(_)) {
                    // No storage (private mode, storage switched off): work in memory, and say so.
                    let id = a.id.clone();
                    state.open_in_memory(a);
                    let _ = window().location().set_hash(&page_href(&id, Page::Clauses));
                } else {
                    set_error.set(Some(
                        "Storage is still opening: try again in a moment.".into(),
                    ));
                }
                return;
            };
            match db.put_assessment(&a).await {
                Ok(()) => {
                    state.refresh_list().await;
                    state.announce_list_change();
                    name.set(String::new());
                    org.set(String::new());
                    scope.set(String::new());
                    assessor.set(String::new());
                    roles.set(Default::default());
                    let _ = window()
                        .location()
                        .set_hash(&page_href(&a.id, Page::Clauses));
                }
                Err(e) => set_error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <form class="card create" on:submit=submit aria-labelledby="create-title">
            <h2 id="create-title">"New assessment"</h2>
            <label class="field" for="new-name"><span>"Name"</span>
                <input id="new-name" required maxlength=NAME_MAX.to_string() placeholder="e.g. Acme AI platform — 2026 readiness"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
            <label class="field" for="new-org"><span>"Organisation"</span>
                <input id="new-org" prop:value=move || org.get() on:input=move |ev| org.set(event_target_value(&ev)) /></label>
            <label class="field" for="new-scope"><span>"Scope of the AI management system"</span>
                <textarea id="new-scope" rows="2" prop:value=move || scope.get() on:input=move |ev| scope.set(event_target_value(&ev))></textarea></label>
            <fieldset class="roles"><legend>"AI roles of the organisation"</legend>
                {AiRole::ALL.into_iter().map(|r| view! {
                    <label class="inline"><input type="checkbox" prop:checked=move || roles.with(|s| s.contains(&r))
                        on:change=move |ev| { let on = event_target_checked(&ev); roles.update(|s| role_set_toggle(s, r, on)) } />" "{r.label()}</label>
                }).collect_view()}
            </fieldset>
            <label class="field" for="new-assessor"><span>"Assessor"</span>
                <input id="new-assessor" prop:value=move || assessor.get() on:input=move |ev| assessor.set(event_target_value(&ev)) /></label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="submit" class="primary">"Create assessment"</button>
        </form>
    }
}

/// The list of stored assessments.
#[component]
fn AssessmentList() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <table class="list" aria-label="Assessments">
            <thead><tr>
                <th scope="col">"Assessment"</th><th scope="col">"Readiness"</th><th scope="col">"Coverage"</th>
                <th scope="col">"Verdict"</th><th scope="col">"Last change"</th><th scope="col"><span class="sr-only">"Actions"</span></th>
            </tr></thead>
            <tbody>
                <For each=move || state.list.get() key=|s| (s.id.clone(), s.updated.clone(), s.name.clone()) let:s>
                    <Row s=s />
                </For>
            </tbody>
        </table>
    }
}

async fn rename(state: AppState, id: String, new_name: String) {
    let Some(db) = db() else { return };
    // The open assessment is renamed through the editor, so its save machinery stays in charge.
    if state
        .editor
        .doc
        .with_untracked(|d| d.as_ref().map(|a| a.id == id).unwrap_or(false))
    {
        state.edit(|a| a.name = new_name);
        state.flush().await;
        return;
    }
    match db.assessment(&id).await {
        Ok(Some(mut a)) => {
            a.name = new_name;
            a.updated = now();
            let base = a.revision;
            match db.save_assessment(&a, base).await {
                Ok(_) => {
                    state.refresh_list().await;
                    state.announce_list_change();
                }
                Err(e) => state.notify(e.to_string()),
            }
        }
        Ok(None) => state.notify("That assessment no longer exists."),
        Err(e) => state.notify(e.to_string()),
    }
}

/// One row of the list.
#[component]
fn Row(
    /// What the row shows.
    s: Summary,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (renaming, set_renaming) = signal(false);
    let draft = RwSignal::new(s.name.clone());
    let id = s.id.clone();
    let (id_r, id_d, id_x) = (id.clone(), id.clone(), id.clone());
    let name_for_delete = s.name.clone();

    let duplicate = move |_| {
        let id = id_d.clone();
        spawn_local(async move {
            let Some(db) = db() else { return };
            if let Ok(Some(a)) = db.assessment(&id).await {
                let copy =
                    a.duplicate_as_template(new_id(), format!("{} (template)", a.name), now());
                match db.put_assessment(&copy).await {
                    Ok(()) => {
                        state.refresh_list().await;
                        state.announce_list_change();
                        state.notify(format!(
                            "Created “{}”: same scope, targets and applicability, no ratings.",
                            copy.name
                        ));
                    }
                    Err(e) => state.notify(e.to_string()),
                }
            }
        });
    };
    let delete = move |_| {
        let ok = window()
            .confirm_with_message(&format!(
                "Delete “{name_for_delete}” and its snapshots from this browser?"
            ))
            .unwrap_or(false);
        if !ok {
            return;
        }
        let id = id_x.clone();
        spawn_local(async move {
            let Some(db) = db() else { return };
            let Ok(Some(a)) = db.assessment(&id).await else {
                return;
            };
            let snaps = db.snapshots_of(&id).await.unwrap_or_default();
            match db.delete_assessment(&id).await {
                Ok(()) => {
                    if state
                        .editor
                        .doc
                        .with_untracked(|d| d.as_ref().map(|x| x.id == id).unwrap_or(false))
                    {
                        state.editor.doc.set(None);
                    }
                    state.refresh_list().await;
                    state.announce_list_change();
                    state.toast.set(Some(Toast {
                        text: format!("Deleted “{}”.", a.name),
                        undo: Some(Undo::Deleted(Box::new(a), snaps)),
                    }));
                }
                Err(e) => state.notify(e.to_string()),
            }
        });
    };
    let commit_rename = move || {
        let n = draft.get_untracked().trim().to_string();
        set_renaming.set(false);
        if !n.is_empty() && n.chars().count() <= NAME_MAX {
            spawn_local(rename(state, id_r.clone(), n));
        }
    };
    let commit_rename2 = commit_rename.clone();
    let export_reminder = s.last_exported.is_none() && s.edits_since_export >= 50;

    view! {
        <tr data-testid="assessment-row">
            <th scope="row">
                <Show when=move || renaming.get() fallback={
                    let s = s.clone();
                    move || view! {
                        <a href=page_href(&s.id, Page::Overview) class="row-title">{s.name.clone()}</a>
                        <span class="muted small block">{s.organisation.clone()}</span>
                    }
                }>
                    <input class="rename" aria-label="New name" prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown={ let c = commit_rename.clone(); move |ev| { if ev.key() == "Enter" { c() } else if ev.key() == "Escape" { set_renaming.set(false) } } } />
                    <button type="button" on:click={ let c = commit_rename2.clone(); move |_| c() }>"Save"</button>
                </Show>
            </th>
            <td class="num">{percent_text(s.readiness)}</td>
            <td class="num">{percent_text(s.coverage)}</td>
            <td>{s.verdict}</td>
            <td>{short_time(&s.updated)}
                {export_reminder.then(|| view! { <span class="badge warn block" title="Many edits and never exported: keep a copy as a file">"Not yet exported"</span> })}
            </td>
            <td class="row-actions">
                <a class="button secondary" href=page_href(&id, Page::Clauses)>"Open"</a>
                <button type="button" class="ghost" on:click=move |_| set_renaming.set(true)>"Rename"</button>
                <button type="button" class="ghost" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="ghost danger" on:click=delete>"Delete"</button>
            </td>
        </tr>
    }
}
