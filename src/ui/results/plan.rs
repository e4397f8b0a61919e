//! The action plan: every assessed item below its target, with its action, owner, due date,
//! priority and status, edited in place; sortable by column and filterable.

use leptos::prelude::*;

use super::{count_text, item_link, open_id};
use crate::catalog::catalog;
use crate::domain::{
    action_plan, compare_ids, sort_rows, ActionRow, ActionStatus, Priority, Response, SortKey,
};
use crate::exchange::csv::action_plan_csv;
use crate::ui::components::level_class;
use crate::ui::route::{page_href, Page};
use crate::ui::state::AppState;
use crate::ui::util::{download, file_stem, today};

/// Write one field of an item's response through the editor (checked and saved like any edit).
fn write(state: AppState, id: &'static str, f: impl FnOnce(&mut Response)) {
    state.edit(|a| {
        let mut r = a.response(id);
        f(&mut r);
        let _ = a.set_response(catalog(), id, r);
    });
}

/// The direction a column sorts in when first clicked.
fn first_direction(key: SortKey) -> bool {
    matches!(key, SortKey::Priority | SortKey::Gap)
}

/// The filters of the plan.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    status: Option<ActionStatus>,
    priority: Option<Priority>,
    overdue_only: bool,
    text: String,
}

impl Filters {
    fn keeps(&self, r: &ActionRow) -> bool {
        let q = self.text.trim().to_lowercase();
        self.status.is_none_or(|s| r.status == s)
            && self.priority.is_none_or(|p| r.priority == p)
            && (!self.overdue_only || r.overdue)
            && (q.is_empty()
                || r.id.to_lowercase().contains(&q)
                || r.title.to_lowercase().contains(&q)
                || r.action.to_lowercase().contains(&q)
                || r.owner.to_lowercase().contains(&q))
    }
}

/// "Overdue" marker: a symbol and the word, never colour alone.
fn overdue_marker() -> impl IntoView {
    view! { <span class="badge overdue-badge"><span aria-hidden="true">"⏰ "</span>"Overdue"</span> }
}

/// The action plan page.
#[component]
pub fn PlanPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = state.editor;
    let aid = open_id(state);
    let rows = Memo::new(move |_| {
        ed.doc.with(|d| {
            d.as_ref()
                .map(|a| action_plan(catalog(), &a.responses, &today()))
                .unwrap_or_default()
        })
    });
    // Which items are in the plan, in catalog order: changes only when an item enters or
    // leaves the plan, not when a field is edited.
    let members = Memo::new(move |_| {
        let mut ids: Vec<&'static str> = rows.with(|r| r.iter().map(|r| r.id).collect());
        ids.sort_by(|a, b| compare_ids(a, b));
        ids
    });
    let sort = RwSignal::new((SortKey::Priority, true));
    let filters = RwSignal::new(Filters::default());
    // The rows shown, in order. Re-sorted and re-filtered when the sort, the filters or the
    // plan's members change; rows do not jump while their fields are being edited.
    let order = Memo::new(move |_| {
        members.track();
        let (key, desc) = sort.get();
        let f = filters.get();
        let mut shown: Vec<ActionRow> =
            rows.with_untracked(|r| r.iter().filter(|r| f.keeps(r)).cloned().collect());
        sort_rows(&mut shown, key, desc);
        shown.into_iter().map(|r| r.id).collect::<Vec<_>>()
    });

    let header = move |key: SortKey, class: &'static str| {
        let aria = move || {
            let (k, desc) = sort.get();
            if k != key {
                "none"
            } else if desc {
                "descending"
            } else {
                "ascending"
            }
        };
        let arrow = move || match aria() {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        };
        view! {
            <th scope="col" class=class aria-sort=aria>
                <button type="button" class="sort" data-sort=key.label()
                    on:click=move |_| sort.update(|(k, d)| {
                        if *k == key { *d = !*d } else { *k = key; *d = first_direction(key) }
                    })>
                    {key.label()}<span class="arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let on_download = move |_| {
        let name = ed
            .doc
            .with_untracked(|d| d.as_ref().map(|a| a.name.clone()))
            .unwrap_or_default();
        let ids = order.get_untracked();
        let shown: Vec<ActionRow> = rows.with_untracked(|r| {
            ids.iter()
                .filter_map(|id| r.iter().find(|x| x.id == *id).cloned())
                .collect()
        });
        let csv = action_plan_csv(&shown);
        if !download(
            &format!("{}-action-plan.csv", file_stem(&name)),
            "text/csv;charset=utf-8",
            &csv,
        ) {
            state.notify("The browser did not allow the download. Try again, or allow downloads for this site.");
        }
    };

    let status_options = || {
        ActionStatus::ALL
            .into_iter()
            .map(|s| view! { <option value=s.label()>{s.label()}</option> })
            .collect_view()
    };
    let priority_options = || {
        Priority::ALL
            .into_iter()
            .map(|p| view! { <option value=p.label()>{p.label()}</option> })
            .collect_view()
    };

    let summary = move || {
        let total = rows.with(|r| r.len());
        let overdue = rows.with(|r| r.iter().filter(|r| r.overdue).count());
        let done = rows.with(|r| r.iter().filter(|r| r.status == ActionStatus::Done).count());
        format!(
            "{} below target; {} done; {} overdue. Showing {}.",
            count_text(total, "item", "items"),
            done,
            overdue,
            order.with(|o| o.len())
        )
    };

    view! {
        <section class="results plan-page" aria-labelledby="plan-h">
            <div class="page-head">
                <div>
                    <h1 id="plan-h" class="page-title">"Action plan"</h1>
                    <p class="lede">"Every assessed item below its target. Edit the action, owner, due date, priority and status here; changes save like any other edit."</p>
                </div>
                <button type="button" class="secondary no-print" on:click=on_download>"Download CSV"</button>
            </div>
            <Show when=move || !rows.with(|r| r.is_empty())
                fallback=move || view! {
                    <p class="empty" data-testid="plan-empty">
                        {move || if ed.scores.with(|s| s.as_ref().map(|s| s.overall.assessed == 0).unwrap_or(true)) {
                            "Nothing is rated yet: rate items to build the plan."
                        } else {
                            "No assessed item is below its target."
                        }}
                        " "<a href=move || page_href(&aid.get(), Page::Clauses)>"Go to the clauses"</a>
                    </p>
                }>
                <div class="toolbar plan-filters no-print" role="search" aria-label="Filter the action plan">
                    <label class="search">
                        <span class="sr-only">"Search the plan"</span>
                        <input type="search" placeholder="Search items, actions, owners…" prop:value=move || filters.with(|f| f.text.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); filters.update(|f| f.text = v) } />
                    </label>
                    <label>
                        <span class="sr-only">"Status"</span>
                        <select aria-label="Filter by status" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            filters.update(|f| f.status = ActionStatus::ALL.into_iter().find(|s| s.label() == v));
                        }>
                            <option value="">"Any status"</option>
                            {status_options()}
                        </select>
                    </label>
                    <label>
                        <span class="sr-only">"Priority"</span>
                        <select aria-label="Filter by priority" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            filters.update(|f| f.priority = Priority::ALL.into_iter().find(|p| p.label() == v));
                        }>
                            <option value="">"Any priority"</option>
                            {priority_options()}
                        </select>
                    </label>
                    <label class="inline">
                        <input type="checkbox" prop:checked=move || filters.with(|f| f.overdue_only)
                            on:change=move |ev| { let on = event_target_checked(&ev); filters.update(|f| f.overdue_only = on) } />
                        " Overdue only"
                    </label>
                </div>
                <p class="small muted" aria-live="polite" data-testid="plan-summary">{summary}" Rows keep their place while you edit; click a column heading to sort again."</p>
                <div class="table-wrap" tabindex="0">
                    <table class="data plan-table" data-testid="plan-table">
                        <thead>
                            <tr>
                                {header(SortKey::Id, "col-item")}
                                {header(SortKey::Gap, "col-gap")}
                                <th scope="col" class="col-action">"Action"</th>
                                {header(SortKey::Owner, "col-owner")}
                                {header(SortKey::Due, "col-due")}
                                {header(SortKey::Priority, "col-priority")}
                                {header(SortKey::Status, "col-status")}
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || order.get() key=|id| *id let:id>
                                <PlanRow id=id rows=rows aid=aid />
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || order.with(|o| o.is_empty())>
                    <p class="empty">"No action matches these filters."</p>
                </Show>
            </Show>
        </section>
    }
}

/// One editable row of the plan.
#[component]
fn PlanRow(
    /// Item id.
    id: &'static str,
    /// The whole plan.
    rows: Memo<Vec<ActionRow>>,
    /// Assessment id, for links.
    aid: Memo<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = Memo::new(move |_| rows.with(|r| r.iter().find(|x| x.id == id).cloned()));
    let field = move |f: fn(&ActionRow) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let overdue = move || row.with(|r| r.as_ref().is_some_and(|r| r.overdue));
    let Some(first) = row.get_untracked() else {
        return ().into_any();
    };
    view! {
        <tr class="plan-row" class:overdue=overdue data-id=id>
            <td class="col-item">
                {move || item_link(&aid.get(), id)}
                <div class="small">{first.title}</div>
            </td>
            <td class="col-gap">
                {move || row.get().map(|r| view! {
                    <span class="rating-to-target" title=format!("Rated {} ({}), target {} ({})", r.maturity.level(), r.maturity.label(), r.target.level(), r.target.label())>
                        <span class=level_class(Some(r.maturity))>{r.maturity.level()}</span>
                        <span class="sr-only">" rated, target "</span>
                        <span aria-hidden="true">" → "</span>{r.target.level()}
                    </span>
                    <div class="small muted">{format!("gap {}", r.gap)}</div>
                })}
            </td>
            <td class="col-action">
                <textarea rows="2" aria-label=format!("Action for {id}") placeholder="What will be done"
                    prop:value=field(|r| r.action.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); write(state, id, |r| r.action = v) }></textarea>
            </td>
            <td class="col-owner">
                <input type="text" aria-label=format!("Owner of {id}") placeholder="Owner"
                    prop:value=field(|r| r.owner.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); write(state, id, |r| r.owner = v) } />
            </td>
            <td class="col-due">
                <input type="date" aria-label=format!("Due date of {id}")
                    prop:value=field(|r| r.due.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); write(state, id, |r| r.due = v) } />
                <Show when=overdue>{overdue_marker()}</Show>
            </td>
            <td class="col-priority">
                <select aria-label=format!("Priority of {id}") prop:value=field(|r| r.priority.label().to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        write(state, id, |r| r.priority = Priority::ALL.into_iter().find(|p| p.label() == v).unwrap_or_default())
                    }>
                    {Priority::ALL.into_iter().map(|p| view! { <option value=p.label()>{p.label()}</option> }).collect_view()}
                </select>
            </td>
            <td class="col-status">
                <select aria-label=format!("Status of {id}") prop:value=field(|r| r.status.label().to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        write(state, id, |r| r.action_status = ActionStatus::ALL.into_iter().find(|s| s.label() == v).unwrap_or_default())
                    }>
                    {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                </select>
            </td>
        </tr>
    }
    .into_any()
}

/// The action plan as a read-only table (for the report).
#[component]
pub fn PlanTable(
    /// Rows, in the order to show.
    rows: Vec<ActionRow>,
    /// Assessment id, for links.
    aid: String,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let text = |s: &str| {
                if s.trim().is_empty() {
                    view! { <span class="muted">"—"</span> }.into_any()
                } else {
                    s.to_string().into_any()
                }
            };
            view! {
                <tr class:overdue=r.overdue>
                    <td class="nowrap">{item_link(&aid, r.id)}<div class="small">{r.title}</div></td>
                    <td class="nowrap">{format!("{} → {}", r.maturity.level(), r.target.level())}</td>
                    <td>{text(&r.action)}</td>
                    <td>{text(&r.owner)}</td>
                    <td class="nowrap">{text(&r.due)}{r.overdue.then(overdue_marker)}</td>
                    <td>{r.priority.label()}</td>
                    <td>{r.status.label()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data plan-report">
            <thead><tr>
                <th scope="col">"Item"</th><th scope="col">"Rating → target"</th><th scope="col">"Action"</th>
                <th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Priority"</th><th scope="col">"Status"</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}
