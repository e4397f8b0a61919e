//! Snapshots: named, dated copies of the ratings, kept in this browser, and the comparison of
//! the current state with any of them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{count_text, item_link, open_id};
use crate::catalog::catalog;
use crate::domain::{delta_percent, diff, score, ChangeKind, Diff, Maturity, Readiness, Snapshot};
use crate::ui::components::percent_text;
use crate::ui::state::{db, AppState};
use crate::ui::util::{new_id, now, short_time, today};

/// Longest snapshot name accepted.
const NAME_MAX: usize = 120;

/// A change in percentage points: "+12 pp", "−3 pp", "no change"; "—" when either side is not
/// assessed.
pub(super) fn delta_text(d: Option<i32>) -> String {
    match d {
        None => "—".into(),
        Some(0) => "no change".into(),
        Some(d) if d > 0 => format!("+{d} pp"),
        Some(d) => format!("−{} pp", -d),
    }
}

fn delta_class(d: Option<i32>) -> &'static str {
    match d {
        Some(d) if d > 0 => "delta up",
        Some(d) if d < 0 => "delta down",
        _ => "delta",
    }
}

fn rating_text(m: Option<Maturity>) -> String {
    m.map(|m| m.level().to_string())
        .unwrap_or_else(|| "not assessed".into())
}

/// The comparison of a snapshot (before) with the current state (after).
#[component]
pub fn DiffView(
    /// The comparison.
    diff: Diff,
    /// The snapshot's name and date, for headings.
    before: String,
    /// Assessment id, for links.
    aid: String,
    /// Prefix for test ids (unique per page).
    id: &'static str,
) -> impl IntoView {
    let total_row = |label: &'static str, key: &'static str, (b, a): (Readiness, Readiness)| {
        let d = delta_percent(&b, &a);
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{percent_text(b.percent())}</td>
                <td class="num">{percent_text(a.percent())}</td>
                <td class=format!("num {}", delta_class(d)) data-testid=format!("{id}-delta-{key}")>{delta_text(d)}</td>
            </tr>
        }
    };
    let groups = diff
        .groups
        .iter()
        .map(|g| {
            let d = g.delta_percent();
            view! {
                <tr>
                    <th scope="row"><span class="gid">{g.group}</span>" "{g.title}</th>
                    <td class="num">{percent_text(g.before.percent())}</td>
                    <td class="num">{percent_text(g.after.percent())}</td>
                    <td class=format!("num {}", delta_class(d)) data-testid=format!("{id}-delta-{}", g.group)>{delta_text(d)}</td>
                </tr>
            }
        })
        .collect_view();
    let kinds = [
        ChangeKind::Improved,
        ChangeKind::Regressed,
        ChangeKind::NewlyAssessed,
        ChangeKind::Unassessed,
    ]
    .into_iter()
    .map(|kind| {
        let list: Vec<_> = diff.of_kind(kind).cloned().collect();
        let slug = format!("{kind:?}").to_lowercase();
        let items = list
            .iter()
            .map(|c| {
                view! {
                    <li>{item_link(&aid, c.id)}" "{c.title}
                        <span class="muted">{format!(" — {} → {}", rating_text(c.before), rating_text(c.after))}</span></li>
                }
            })
            .collect_view();
        view! {
            <div class=format!("change-list change-{slug}")>
                <h3>{kind.label()}" "<span class="count" data-testid=format!("{id}-count-{slug}")>{list.len()}</span></h3>
                {if list.is_empty() {
                    view! { <p class="empty small">"None."</p> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }}
            </div>
        }
    })
    .collect_view();
    view! {
        <div class="diff">
            <table class="data diff-totals">
                <caption>{format!("Readiness: “{before}” compared with now")}</caption>
                <thead><tr><th scope="col">"Scope"</th><th scope="col" class="num">"Snapshot"</th><th scope="col" class="num">"Now"</th><th scope="col" class="num">"Change"</th></tr></thead>
                <tbody>
                    {total_row("Overall", "overall", diff.overall)}
                    {total_row("Clauses 4–10", "clauses", diff.clauses)}
                    {total_row("Annex A", "annex", diff.annex_a)}
                </tbody>
            </table>
            <table class="data diff-groups">
                <caption>"By clause and Annex A category"</caption>
                <thead><tr><th scope="col">"Group"</th><th scope="col" class="num">"Snapshot"</th><th scope="col" class="num">"Now"</th><th scope="col" class="num">"Change"</th></tr></thead>
                <tbody>{groups}</tbody>
            </table>
            <div class="changes">{kinds}</div>
        </div>
    }
}

/// The comparison of the open assessment with one snapshot, if both exist.
pub(super) fn diff_with(state: AppState, snapshot_id: &str) -> Option<(Snapshot, Diff)> {
    let snap = state
        .editor
        .snapshots
        .with(|s| s.iter().find(|s| s.id == snapshot_id).cloned())?;
    let d = state.editor.doc.with(|d| {
        d.as_ref()
            .map(|a| diff(catalog(), &snap.responses, &a.responses))
    })?;
    Some((snap, d))
}

/// How a snapshot is named in headings: “name” (date).
pub(super) fn snapshot_label(s: &Snapshot) -> String {
    format!("{} ({})", s.name, short_time(&s.taken))
}

/// The snapshots page.
#[component]
pub fn SnapshotsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let aid = open_id(state);
    let name = RwSignal::new(String::new());
    let (busy, set_busy) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let chosen = RwSignal::new(None::<String>);
    // The snapshot compared: the one chosen, else the most recent.
    let compared = Memo::new(move |_| {
        let list = ed.snapshots.get();
        chosen
            .get()
            .filter(|c| list.iter().any(|s| &s.id == c))
            .or_else(|| list.last().map(|s| s.id.clone()))
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            n = format!("Snapshot {}", today());
        }
        if n.chars().count() > NAME_MAX {
            set_error.set(Some(format!(
                "Snapshot names are limited to {NAME_MAX} characters."
            )));
            return;
        }
        let Some(a) = ed.doc.get_untracked() else {
            return;
        };
        let Some(db) = db() else {
            set_error.set(Some(
                "Storage is not available in this browser, so the snapshot cannot be kept.".into(),
            ));
            return;
        };
        set_error.set(None);
        set_busy.set(true);
        let snap = Snapshot::of(&a, new_id(), n, now());
        spawn_local(async move {
            match db.put_all(&[], std::slice::from_ref(&snap)).await {
                Ok(()) => {
                    let label = snap.name.clone();
                    let sid = snap.id.clone();
                    ed.snapshots.update(|s| s.push(snap));
                    chosen.set(Some(sid));
                    name.set(String::new());
                    state.notify(format!("Snapshot “{label}” saved."));
                }
                Err(e) => set_error.set(Some(format!("The snapshot was not saved: {e}"))),
            }
            set_busy.set(false);
        });
    };

    let remove = move |s: Snapshot| {
        let ok = window()
            .confirm_with_message(&format!(
                "Delete the snapshot “{}” taken {}? This cannot be undone.",
                s.name,
                short_time(&s.taken)
            ))
            .unwrap_or(false);
        if !ok {
            return;
        }
        let Some(db) = db() else {
            state.notify("Storage is not available in this browser.");
            return;
        };
        spawn_local(async move {
            match db.delete_snapshot(&s.id).await {
                Ok(()) => {
                    ed.snapshots.update(|l| l.retain(|x| x.id != s.id));
                    state.notify(format!("Snapshot “{}” deleted.", s.name));
                }
                Err(e) => state.notify(format!("The snapshot was not deleted: {e}")),
            }
        });
    };

    let list = move || {
        let snaps = ed.snapshots.get();
        if snaps.is_empty() {
            return view! { <p class="empty" data-testid="snap-empty">"No snapshot yet. Save one before a workshop or a review, then compare later to show progress."</p> }.into_any();
        }
        let rows = snaps
            .into_iter()
            .rev()
            .map(|s| {
                let sc = score(catalog(), &s.responses);
                let sid = s.id.clone();
                let sid2 = s.id.clone();
                let s_del = s.clone();
                let is_compared = Signal::derive(move || compared.get().as_deref() == Some(sid.as_str()));
                view! {
                    <tr class="snap-row" class:compared=is_compared>
                        <th scope="row">{s.name.clone()}</th>
                        <td class="nowrap">{short_time(&s.taken)}</td>
                        <td class="num">{percent_text(sc.overall.percent())}</td>
                        <td class="num">{percent_text(sc.overall.coverage_percent())}</td>
                        <td class="row-actions">
                            <button type="button" class="secondary" aria-pressed=move || is_compared.get().to_string()
                                aria-label=format!("Compare with {}", s.name)
                                on:click=move |_| chosen.set(Some(sid2.clone()))>"Compare"</button>
                            <button type="button" class="ghost danger" aria-label=format!("Delete {}", s.name)
                                on:click=move |_| remove(s_del.clone())>"Delete"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data snapshots" data-testid="snap-table">
                <thead><tr><th scope="col">"Name"</th><th scope="col">"Taken (UTC)"</th><th scope="col" class="num">"Readiness"</th><th scope="col" class="num">"Coverage"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };

    let comparison = move || {
        let sid = compared.get()?;
        let (snap, d) = diff_with(state, &sid)?;
        let label = snapshot_label(&snap);
        Some(view! {
            <section class="card" aria-labelledby="cmp-h" data-testid="snap-compare">
                <h2 id="cmp-h">{format!("Now compared with “{}”", label)}</h2>
                <p class="muted small">{format!("{} changed rating since the snapshot.", count_text(d.changes.len(), "item", "items"))}</p>
                <DiffView diff=d before=label aid=aid.get() id="cmp" />
            </section>
        })
    };

    view! {
        <section class="results snapshots-page" aria-labelledby="snap-h">
            <h1 id="snap-h" class="page-title">"Snapshots"</h1>
            <p class="lede">"A snapshot keeps the ratings as they are now, with a name and a date, so that you can show progress later. Snapshots stay in this browser with the assessment."</p>
            <form class="card snap-form" on:submit=save>
                <label class="field" for="snap-name">
                    <span>"Snapshot name"</span>
                    <input id="snap-name" maxlength=NAME_MAX.to_string() placeholder=move || format!("Snapshot {}", today())
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <button type="submit" disabled=move || busy.get()>"Save snapshot"</button>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </form>
            {list}
            {comparison}
        </section>
    }
}
