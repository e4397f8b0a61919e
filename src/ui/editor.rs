//! The assessment editor for clauses 4–10 or Annex A: grouped items with their guidance, fast
//! keyboard rating (j/k or arrows, 0–5, n, Enter, ?), filters and search, and the details form.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::components::{level_class, percent_text, Meter};
use super::keyed::Keyed;
use super::route::focused_item;
use super::state::AppState;
use crate::catalog::{catalog, Item, Part, CROSSWALK_PROVENANCE};
use crate::domain::{
    check_response, ActionStatus, Applicability, Assessment, DomainError, Evidence,
    InclusionReason, Maturity, Priority, Response,
};

/// Which items the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    NotAssessed,
    BelowTarget,
    Excluded,
}

impl Filter {
    const ALL: [Filter; 4] = [
        Filter::All,
        Filter::NotAssessed,
        Filter::BelowTarget,
        Filter::Excluded,
    ];
    fn label(self) -> &'static str {
        match self {
            Filter::All => "All",
            Filter::NotAssessed => "Not assessed",
            Filter::BelowTarget => "Below target",
            Filter::Excluded => "Excluded",
        }
    }
    fn keeps(self, r: Option<&Response>) -> bool {
        let r = r.cloned().unwrap_or_default();
        match self {
            Filter::All => true,
            Filter::NotAssessed => r.maturity.is_none() && !r.is_excluded(),
            Filter::BelowTarget => {
                !r.is_excluded() && r.maturity.map(|m| m < r.target).unwrap_or(false)
            }
            Filter::Excluded => r.is_excluded(),
        }
    }
}

/// A change to one item's response, applied by [`update_response`].
type Change = Box<dyn FnOnce(&mut Response) + Send + Sync>;

/// Apply a change to one item's response, checked against the domain rules first: a refused
/// change (an exclusion without justification) leaves the assessment untouched.
fn update_response(
    state: AppState,
    id: &'static str,
    f: impl FnOnce(&mut Response),
) -> Result<(), DomainError> {
    let mut r = state
        .editor
        .doc
        .with_untracked(|d| d.as_ref().map(|a| a.response(id)))
        .unwrap_or_default();
    f(&mut r);
    check_response(catalog(), id, &r)?;
    let mut result = Ok(());
    state.edit(|a| result = a.set_response(catalog(), id, r));
    result
}

fn focus_row(id: &str) {
    if let Some(el) = document().get_element_by_id(&format!("item-{id}")) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

/// The editor for one part of the standard.
#[component]
pub fn EditorPage(
    /// Clauses 4–10 or Annex A.
    part: Part,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let doc = state.editor.doc;
    let (filter, set_filter) = signal(Filter::All);
    let (group, set_group) = signal(String::new());
    let (query, set_query) = signal(String::new());
    let focused: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let expanded: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let marks = RowMarks::new(focused, expanded);
    let (help, set_help) = signal(false);

    // What each row shows of its item's response: a rating change notifies the changed row only.
    let rows = StoredValue::new(Keyed::new(
        catalog().items_of(part).map(|i| i.id),
        move |id| doc.with(|d| RowState::of(d.as_ref(), id)),
    ));

    // The flat list of visible item ids, in order: what j/k walk through.
    let visible = Memo::new(move |_| {
        let q = query.get().to_lowercase();
        let g = group.get();
        let f = filter.get();
        // Without a search or a filter the list does not depend on the assessment (and is not
        // marked on each rating change).
        if q.is_empty() && f == Filter::All {
            return catalog()
                .items_of(part)
                .filter(|i| g.is_empty() || i.group == g)
                .map(|i| i.id)
                .collect::<Vec<_>>();
        }
        doc.with(|d| {
            catalog()
                .items_of(part)
                .filter(|i| g.is_empty() || i.group == g)
                .filter(|i| {
                    q.is_empty()
                        || i.id.to_lowercase().contains(&q)
                        || i.title.to_lowercase().contains(&q)
                        || i.guidance.summary.to_lowercase().contains(&q)
                        || d.as_ref()
                            .and_then(|a| a.response_ref(i.id))
                            .map(|r| {
                                r.notes.to_lowercase().contains(&q)
                                    || r.owner.to_lowercase().contains(&q)
                            })
                            .unwrap_or(false)
                })
                .filter(|i| f.keeps(d.as_ref().and_then(|a| a.response_ref(i.id))))
                .map(|i| i.id)
                .collect::<Vec<_>>()
        })
    });

    // A deep link to an item (`…/annex-a:A.6.2.4`) focuses and opens it.
    if let Some(target) = focused_item(&window().location().hash().unwrap_or_default()) {
        if let Some(item) = catalog().item(&target) {
            focused.set(Some(item.id));
            expanded.set(Some(item.id));
            request_animation_frame(move || focus_row(item.id));
        }
    }

    let move_focus = move |delta: i32| {
        let list = visible.get_untracked();
        if list.is_empty() {
            return;
        }
        let pos = focused
            .get_untracked()
            .and_then(|f| list.iter().position(|x| *x == f))
            .map(|p| (p as i32 + delta).clamp(0, list.len() as i32 - 1) as usize)
            .unwrap_or(0);
        let id = list[pos];
        focused.set(Some(id));
        focus_row(id);
    };

    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            if help.get_untracked() {
                set_help.set(false);
            } else if expanded.get_untracked().is_some() {
                let id = expanded.get_untracked();
                expanded.set(None);
                if let Some(id) = id {
                    focus_row(id);
                }
            }
            return;
        }
        if typing_in_field(&ev) {
            return;
        }
        let current = focused.get_untracked();
        match key.as_str() {
            "j" | "ArrowDown" => move_focus(1),
            "k" | "ArrowUp" => move_focus(-1),
            "?" => set_help.update(|h| *h = !*h),
            "Enter" => {
                // Buttons and links keep their own Enter.
                let on_control = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .map(|e| {
                        matches!(
                            e.tag_name().to_ascii_lowercase().as_str(),
                            "button" | "a" | "summary"
                        )
                    })
                    .unwrap_or(false);
                if let (Some(id), false) = (current, on_control) {
                    expanded.update(|e| *e = if *e == Some(id) { None } else { Some(id) });
                } else {
                    return;
                }
            }
            "n" => {
                if let Some(id) = current {
                    let _ = update_response(state, id, |r| r.maturity = None);
                }
            }
            d if d.len() == 1 && ('0'..='5').contains(&d.chars().next().unwrap_or('x')) => {
                if let Some(id) = current {
                    let level = d.as_bytes()[0] - b'0';
                    let _ = update_response(state, id, |r| r.maturity = Maturity::new(level).ok());
                }
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());

    let groups: Vec<_> = catalog().groups_of(part).collect();
    // Each group's figures, notified only when they change (a rating moves one group's figures).
    let scores = state.editor.scores;
    let group_figures = StoredValue::new(Keyed::new(groups.iter().map(|g| g.id), move |gid| {
        scores.with(|s| {
            s.as_ref()
                .and_then(|s| s.group(gid))
                .map(|g| (g.readiness.percent(), g.readiness.coverage_percent()))
                .unwrap_or((None, None))
        })
    }));
    let group_options = groups
        .iter()
        .map(|g| view! { <option value=g.id>{format!("{} {}", g.id, g.title)}</option> })
        .collect_view();

    let sections = groups
        .into_iter()
        .map(|g| {
            let gid = g.id;
            let in_group = Memo::new(move |_| {
                visible.with(|v| v.iter().copied().filter(|id| catalog().item(id).map(|i| i.group == gid).unwrap_or(false)).collect::<Vec<_>>())
            });
            let collapsed = move || state.prefs.with(|p| p.collapsed.contains(gid));
            let toggle = move |_| {
                state.update_prefs(|p| {
                    if !p.collapsed.remove(gid) {
                        p.collapsed.insert(gid.to_string());
                    }
                })
            };
            let figures = group_figures.with_value(|f| f.signal(&gid)).unwrap_or_default();
            let readiness = Memo::new(move |_| figures.get().0);
            let coverage = Memo::new(move |_| figures.get().1);
            view! {
                <Show when=move || !in_group.with(|v| v.is_empty())>
                    <section class="group" aria-labelledby=format!("group-{gid}")>
                        <header class="group-head">
                            <button type="button" class="ghost collapse" aria-expanded=move || (!collapsed()).to_string()
                                aria-controls=format!("group-body-{gid}") on:click=toggle>
                                <span class="chev" aria-hidden="true">{move || if collapsed() { "▸" } else { "▾" }}</span>
                                <h2 id=format!("group-{gid}")><span class="gid">{gid}</span>" "{g.title}</h2>
                            </button>
                            <span class="group-score">
                                <Meter value=readiness label=format!("Readiness of {gid}") />
                                <span class="num">{move || percent_text(readiness.get())}</span>
                                <span class="muted small">{move || format!("coverage {}", percent_text(coverage.get()))}</span>
                            </span>
                        </header>
                        <ol class="items" id=format!("group-body-{gid}") hidden=collapsed>
                            <For each=move || in_group.get() key=|id| *id let:id>
                                {rows.with_value(|r| r.signal(&id)).map(|row| view! { <ItemRow id=id row=row marks=marks /> })}
                            </For>
                        </ol>
                    </section>
                </Show>
            }
        })
        .collect_view();

    view! {
        <section class="editor" aria-label=part.label()>
            <div class="toolbar no-print" role="search">
                <label class="search">
                    <span class="sr-only">"Search items"</span>
                    <input type="search" placeholder="Search ids, titles, guidance, notes…" prop:value=move || query.get()
                        on:input=move |ev| set_query.set(event_target_value(&ev)) />
                </label>
                <div class="filters" role="group" aria-label="Filter">
                    {Filter::ALL.into_iter().map(|f| view! {
                        <button type="button" class="chip" aria-pressed=move || (filter.get() == f).to_string()
                            on:click=move |_| set_filter.set(f)>{f.label()}</button>
                    }).collect_view()}
                </div>
                <label>
                    <span class="sr-only">"Group"</span>
                    <select on:change=move |ev| set_group.set(event_target_value(&ev)) prop:value=move || group.get()>
                        <option value="">{if part == Part::Clauses { "All clauses" } else { "All categories" }}</option>
                        {group_options}
                    </select>
                </label>
                <button type="button" class="ghost" on:click=move |_| set_help.set(true) aria-keyshortcuts="?">"Keyboard ?"</button>
            </div>
            <p class="hint no-print">"Workshop mode: " <kbd>"j"</kbd>"/"<kbd>"k"</kbd>" or arrows to move, "<kbd>"0"</kbd>"–"<kbd>"5"</kbd>" to rate, "<kbd>"n"</kbd>" not assessed, "<kbd>"Enter"</kbd>" details, "<kbd>"?"</kbd>" help."</p>
            <Show when=move || visible.with(|v| v.is_empty())>
                <p class="empty">"No item matches these filters."</p>
            </Show>
            {sections}
            <Show when=move || help.get()>
                <HelpOverlay on_close=Callback::new(move |_| set_help.set(false)) />
            </Show>
        </section>
    }
}

/// The keyboard help.
#[component]
fn HelpOverlay(
    /// Called to close the overlay.
    on_close: Callback<()>,
) -> impl IntoView {
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close_ref.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="overlay" on:click=move |_| on_close.run(())>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" on:click=|ev| ev.stop_propagation()>
                <h2 id="help-title">"Keyboard shortcuts"</h2>
                <dl class="keys">
                    <dt><kbd>"j"</kbd>" / "<kbd>"↓"</kbd></dt><dd>"Next item"</dd>
                    <dt><kbd>"k"</kbd>" / "<kbd>"↑"</kbd></dt><dd>"Previous item"</dd>
                    <dt><kbd>"0"</kbd>"–"<kbd>"5"</kbd></dt><dd>"Rate the focused item"</dd>
                    <dt><kbd>"n"</kbd></dt><dd>"Mark as not assessed"</dd>
                    <dt><kbd>"Enter"</kbd></dt><dd>"Open or close the details"</dd>
                    <dt><kbd>"Esc"</kbd></dt><dd>"Close details or this help"</dd>
                    <dt><kbd>"?"</kbd></dt><dd>"Show or hide this help"</dd>
                </dl>
                <h3>"Maturity levels"</h3>
                <ul class="levels">
                    {Maturity::ALL.into_iter().map(|m| view! {
                        <li><span class=level_class(Some(m))>{m.level()}</span>" "<strong>{m.label()}</strong>" — "{m.meaning()}</li>
                    }).collect_view()}
                </ul>
                <button type="button" node_ref=close_ref on:click=move |_| on_close.run(())>"Close"</button>
            </div>
        </div>
    }
}

/// One item: its rating control, and its details when expanded.
#[component]
fn ItemRow(
    /// Item id.
    id: &'static str,
    /// What the row shows of the item's response (notified only when it changes).
    row: Signal<RowState>,
    /// The list's focused and open items.
    marks: RowMarks,
) -> impl IntoView {
    let RowMarks {
        focused, expanded, ..
    } = marks;
    let state = expect_context::<AppState>();
    let Some(item) = catalog().item(id) else {
        return ().into_any();
    };
    // A memo per figure: a change of the target does not re-render the rating buttons.
    let maturity = Memo::new(move |_| row.with(|r| r.maturity));
    let target = Memo::new(move |_| row.with(|r| r.target));
    let excluded = Memo::new(move |_| row.with(|r| r.excluded));
    let evidence_count = Memo::new(move |_| row.with(|r| r.evidence_count));
    let is_open = Memo::new(move |_| marks.is_open(id));

    let rate = move |m: Option<Maturity>| {
        focused.set(Some(id));
        let _ = update_response(state, id, |r| r.maturity = m);
    };
    let level_buttons = Maturity::ALL
        .into_iter()
        .map(|m| {
            view! {
                <button type="button" class=move || format!("{} rate", level_class(Some(m)))
                    aria-pressed=move || (maturity.get() == Some(m)).to_string()
                    title=format!("{} — {}: {}", m.level(), m.label(), m.meaning())
                    aria-label=format!("{} {}", m.level(), m.label())
                    tabindex="-1"
                    on:click=move |_| rate(Some(m))>{m.level()}</button>
            }
        })
        .collect_view();

    view! {
        <li class="item" class:focused=move || marks.is_focused(id) class:open=move || is_open.get() class:excluded=move || excluded.get()>
            <div class="item-row" id=format!("item-{id}") tabindex="0" data-item=id
                aria-label=move || format!("{} {}: {}", id, item.title, maturity.get().map(|m| format!("rated {} {}", m.level(), m.label())).unwrap_or_else(|| "not assessed".into()))
                on:focus=move |_| focused.set(Some(id))>
                <button type="button" class="ghost item-title" aria-expanded=move || is_open.get().to_string()
                    aria-controls=format!("details-{id}") tabindex="-1"
                    on:click=move |_| { focused.set(Some(id)); expanded.update(|e| *e = if *e == Some(id) { None } else { Some(id) }); }>
                    <span class="iid">{id}</span>
                    <span class="ititle">{item.title}</span>
                    {item.doc_required.then(|| view! { <span class="badge doc" title="Requires documented information">"Doc"</span> })}
                    {move || (evidence_count.get() > 0).then(|| view! { <span class="badge" title="Evidence entries">{format!("{} evidence", evidence_count.get())}</span> })}
                    {move || excluded.get().then(|| view! { <span class="badge excl">"Excluded"</span> })}
                </button>
                <div class="rating" role="group" aria-label=format!("Maturity of {id}")>
                    <button type="button" class=move || format!("{} rate", level_class(None)) tabindex="-1"
                        aria-pressed=move || maturity.get().is_none().to_string()
                        title="Not assessed" aria-label="Not assessed" on:click=move |_| rate(None)>"–"</button>
                    {level_buttons}
                </div>
                // Two lines at most, in a box of fixed height: rating never changes the row's height,
                // and the new text is laid out inside the box only (style/main.css).
                <span class="level-text"><span class="level-box"><span data-testid=format!("level-{id}")>
                    {move || maturity.get().map(|m| m.label()).unwrap_or("Not assessed")}" "
                    <span class="muted small nowrap">{move || format!("· target {}", target.get().level())}</span>
                </span></span></span>
            </div>
            <Show when=move || is_open.get()>
                <ItemDetails item=item />
            </Show>
        </li>
    }
    .into_any()
}

/// Guidance and the full form for one item.
#[component]
fn ItemDetails(
    /// The catalog item.
    item: &'static Item,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = item.id;
    let doc = state.editor.doc;
    let resp =
        Memo::new(move |_| doc.with(|d| d.as_ref().map(|a| a.response(id)).unwrap_or_default()));
    let (error, set_error) = signal(None::<String>);
    let set = move |f: Box<dyn FnOnce(&mut Response)>| match update_response(state, id, f) {
        Ok(()) => set_error.set(None),
        Err(e) => set_error.set(Some(e.to_string())),
    };
    let text_field = move |label: &'static str,
                           get: fn(&Response) -> String,
                           put: fn(&mut Response, String),
                           kind: &'static str| {
        let input_id = format!("{kind}-{id}");
        view! {
            <label class="field" for=input_id.clone()>
                <span>{label}</span>
                <input id=input_id.clone() type=if kind == "due" { "date" } else { "text" }
                    prop:value=move || resp.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |r| put(r, v))) } />
            </label>
        }
    };
    let nist: Vec<_> = catalog().nist_for(id).map(|m| m.nist).collect();

    // Applicability draft: excluding needs a justification before it is applied.
    let (excluding, set_excluding) = signal(resp.get_untracked().is_excluded());
    let (justification, set_justification) = signal(match resp.get_untracked().applicability {
        Applicability::Excluded { justification } => justification,
        _ => String::new(),
    });
    let apply_exclusion = move || {
        let j = justification.get_untracked();
        set(Box::new(move |r| {
            r.applicability = Applicability::Excluded { justification: j }
        }));
    };

    view! {
        <div class="details" id=format!("details-{id}")>
            <div class="guidance">
                <h3>"What it asks"</h3>
                <p>{item.guidance.summary}</p>
                <h4>"Evidence an auditor expects"</h4>
                <ul>{item.guidance.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                <h4>"Questions to ask"</h4>
                <ul class="questions">{item.guidance.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul>
                {(!nist.is_empty()).then(|| view! {
                    <p class="small muted">"NIST AI RMF: " {nist.join(", ")} <br/> <span title=CROSSWALK_PROVENANCE>"Mapping source: Microsoft crosswalk (see Method page)"</span></p>
                })}
            </div>
            <div class="form">
                <div class="field-row">
                    <label class="field" for=format!("target-{id}")>
                        <span>"Target maturity"</span>
                        <select id=format!("target-{id}") prop:value=move || resp.with(|r| r.target.level().to_string())
                            on:change=move |ev| { let v: u8 = event_target_value(&ev).parse().unwrap_or(3); set(Box::new(move |r| r.target = Maturity::new(v).unwrap_or_default())) }>
                            {Maturity::ALL.into_iter().map(|m| view! { <option value=m.level().to_string()>{format!("{} — {}", m.level(), m.label())}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field" for=format!("priority-{id}")>
                        <span>"Priority"</span>
                        <select id=format!("priority-{id}") prop:value=move || resp.with(|r| r.priority.label().to_string())
                            on:change=move |ev| { let v = event_target_value(&ev); set(Box::new(move |r| r.priority = Priority::ALL.into_iter().find(|p| p.label() == v).unwrap_or_default())) }>
                            {Priority::ALL.into_iter().map(|p| view! { <option value=p.label()>{p.label()}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <label class="field" for=format!("notes-{id}")>
                    <span>"Notes / findings"</span>
                    <textarea id=format!("notes-{id}") rows="3" prop:value=move || resp.with(|r| r.notes.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |r| r.notes = v)) }></textarea>
                </label>
                <div class="field-row">
                    {text_field("Owner", |r| r.owner.clone(), |r, v| r.owner = v, "owner")}
                    {text_field("Due date", |r| r.due.clone(), |r, v| r.due = v, "due")}
                </div>
                <div class="field-row">
                    {text_field("Planned action", |r| r.action.clone(), |r, v| r.action = v, "action")}
                    <label class="field" for=format!("status-{id}")>
                        <span>"Action status"</span>
                        <select id=format!("status-{id}") prop:value=move || resp.with(|r| r.action_status.label().to_string())
                            on:change=move |ev| { let v = event_target_value(&ev); set(Box::new(move |r| r.action_status = ActionStatus::ALL.into_iter().find(|s| s.label() == v).unwrap_or_default())) }>
                            {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <EvidenceList id=id resp=resp set=Callback::new(move |f: Change| set(f)) />
                {(item.part == Part::AnnexA).then(|| view! {
                    <fieldset class="applicability">
                        <legend>"Applicability (Statement of Applicability)"</legend>
                        <label class="inline"><input type="radio" name=format!("app-{id}") prop:checked=move || !excluding.get()
                            on:change=move |_| { set_excluding.set(false); set(Box::new(|r| if r.is_excluded() { r.applicability = Applicability::default() })) } />" Applicable"</label>
                        <label class="inline"><input type="radio" name=format!("app-{id}") prop:checked=move || excluding.get()
                            on:change=move |_| set_excluding.set(true) />" Excluded"</label>
                        <Show when=move || !excluding.get()>
                            <div class="reasons" role="group" aria-label="Reasons for inclusion">
                                {InclusionReason::ALL.into_iter().map(|reason| view! {
                                    <label class="inline"><input type="checkbox"
                                        prop:checked=move || resp.with(|r| matches!(&r.applicability, Applicability::Applicable { reasons } if reasons.contains(&reason)))
                                        on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |r| {
                                            if let Applicability::Applicable { reasons } = &mut r.applicability {
                                                if on { reasons.insert(reason); } else { reasons.remove(&reason); }
                                            }
                                        })) } />" "{reason.label()}</label>
                                }).collect_view()}
                            </div>
                        </Show>
                        <Show when=move || excluding.get()>
                            <label class="field" for=format!("just-{id}")>
                                <span>"Justification for the exclusion (required)"</span>
                                <textarea id=format!("just-{id}") rows="2" prop:value=move || justification.get()
                                    on:input=move |ev| {
                                        set_justification.set(event_target_value(&ev));
                                        if resp.with_untracked(|r| r.is_excluded()) { apply_exclusion() }
                                    }></textarea>
                            </label>
                            <Show when=move || !resp.with(|r| r.is_excluded())>
                                <button type="button" on:click=move |_| apply_exclusion()>"Exclude this control"</button>
                            </Show>
                        </Show>
                    </fieldset>
                })}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
        </div>
    }
}

/// Evidence entries: title, link or reference, date; add, edit, remove.
#[component]
fn EvidenceList(
    /// Item id.
    id: &'static str,
    /// The item's response.
    resp: Memo<Response>,
    /// Applies a change to the response.
    set: Callback<Change>,
) -> impl IntoView {
    let count = Memo::new(move |_| resp.with(|r| r.evidence.len()));
    let field = move |i: usize,
                      label: &'static str,
                      get: fn(&Evidence) -> String,
                      put: fn(&mut Evidence, String)| {
        view! {
            <label class="field">
                <span class="small">{label}</span>
                <input type=if label == "Date" { "date" } else { "text" }
                    prop:value=move || resp.with(|r| r.evidence.get(i).map(get).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); set.run(Box::new(move |r| if let Some(e) = r.evidence.get_mut(i) { put(e, v) })) } />
            </label>
        }
    };
    view! {
        <fieldset class="evidence">
            <legend>"Evidence"</legend>
            <For each=move || 0..count.get() key=|i| *i let:i>
                <div class="evidence-row">
                    {field(i, "Title", |e| e.title.clone(), |e, v| e.title = v)}
                    {field(i, "Link or reference", |e| e.reference.clone(), |e, v| e.reference = v)}
                    {field(i, "Date", |e| e.date.clone(), |e, v| e.date = v)}
                    <button type="button" class="ghost danger" aria-label=format!("Remove evidence {} of {id}", i + 1)
                        on:click=move |_| set.run(Box::new(move |r| if i < r.evidence.len() { r.evidence.remove(i); }))>"Remove"</button>
                </div>
            </For>
            <button type="button" class="secondary" on:click=move |_| set.run(Box::new(|r| r.evidence.push(Evidence::default())))>"Add evidence"</button>
        </fieldset>
    }
}

/// The focused item and the open item of the list, with a [`Selector`] on each: moving the focus
/// (j/k) notifies the two rows it leaves and enters, not every row.
#[derive(Clone, Copy)]
struct RowMarks {
    focused: RwSignal<Option<&'static str>>,
    expanded: RwSignal<Option<&'static str>>,
    focused_sel: StoredValue<Selector<Option<&'static str>>>,
    expanded_sel: StoredValue<Selector<Option<&'static str>>>,
}

impl RowMarks {
    fn new(
        focused: RwSignal<Option<&'static str>>,
        expanded: RwSignal<Option<&'static str>>,
    ) -> RowMarks {
        RowMarks {
            focused,
            expanded,
            focused_sel: StoredValue::new(Selector::new(move || focused.get())),
            expanded_sel: StoredValue::new(Selector::new(move || expanded.get())),
        }
    }

    /// Whether `id` is the focused row (tracked: re-runs only when that changes).
    fn is_focused(&self, id: &'static str) -> bool {
        self.focused_sel.with_value(|s| s.selected(&Some(id)))
    }

    /// Whether `id`'s details are open (tracked: re-runs only when that changes).
    fn is_open(&self, id: &'static str) -> bool {
        self.expanded_sel.with_value(|s| s.selected(&Some(id)))
    }
}

/// What a row of the list shows of its item's response.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RowState {
    maturity: Option<Maturity>,
    target: Maturity,
    excluded: bool,
    evidence_count: usize,
}

impl RowState {
    fn of(a: Option<&Assessment>, id: &str) -> RowState {
        let r = a.and_then(|a| a.response_ref(id));
        RowState {
            maturity: r.and_then(|r| r.maturity),
            target: r.map(|r| r.target).unwrap_or_default(),
            excluded: r.map(|r| r.is_excluded()).unwrap_or(false),
            evidence_count: r.map(|r| r.evidence.len()).unwrap_or(0),
        }
    }
}
