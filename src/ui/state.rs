//! Application state shared through context: the assessments list, the open assessment and its
//! saving machinery. Derived values (scores, predictions) are `Memo`s over the open assessment.
//!
//! Saving follows the pattern of tldraw's and Excalidraw's local persistence: every edit marks the
//! document dirty and schedules a save ~300 ms later (debounced); one write is in flight at a time;
//! nothing is written before the initial load has finished; when the page is hidden or closed the
//! unsaved state goes synchronously to a localStorage journal and a save starts at once.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog::catalog;
use crate::domain::{predict, score, Assessment, Prediction, Scores, Snapshot};
use crate::storage::journal::{self, JournalEntry};
use crate::storage::prefs::Prefs;
use crate::storage::sync::{Channel, Notice};
use crate::storage::{quota, Db, StorageError};

use super::util::{new_id, now};

/// Debounce delay between an edit and its save.
pub const SAVE_DELAY_MS: u64 = 300;

thread_local! {
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
    static CHANNEL: RefCell<Option<Channel>> = const { RefCell::new(None) };
}

/// The open database, once the initial load has finished.
pub fn db() -> Option<Rc<Db>> {
    DB.with(|d| d.borrow().clone())
}

fn broadcast(n: Notice) {
    CHANNEL.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            c.post(&n)
        }
    });
}

/// What the assessments list shows per assessment (computed once per load or save).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub updated: String,
    pub readiness: Option<u32>,
    pub coverage: Option<u32>,
    pub verdict: &'static str,
    pub last_exported: Option<String>,
    pub edits_since_export: u32,
}

impl Summary {
    pub fn of(a: &Assessment) -> Summary {
        let s = score(catalog(), &a.responses);
        Summary {
            id: a.id.clone(),
            name: a.name.clone(),
            organisation: a.organisation.clone(),
            updated: a.updated.clone(),
            readiness: s.overall.percent(),
            coverage: s.overall.coverage_percent(),
            verdict: predict(catalog(), &a.responses).verdict.label(),
            last_exported: a.last_exported.clone(),
            edits_since_export: a.edits_since_export,
        }
    }
}

/// Where the storage stands, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    /// Storage could not be opened; the app keeps working in memory.
    Failed(StorageError),
}

/// A short message shown at the bottom of the screen; may offer an undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub undo: Option<Undo>,
}

/// What an undo restores.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A deleted assessment and its snapshots.
    Deleted(Box<Assessment>, Vec<Snapshot>),
}

/// The open assessment and its save status.
#[derive(Clone, Copy)]
pub struct Editor {
    pub doc: RwSignal<Option<Assessment>>,
    /// Stored revision the open document derives from.
    pub base: RwSignal<u64>,
    /// Edits not yet in IndexedDB.
    pub dirty: RwSignal<bool>,
    pub saving: RwSignal<bool>,
    /// Set when another tab saved a newer revision while this one has unsaved edits.
    pub conflict: RwSignal<Option<u64>>,
    pub save_error: RwSignal<Option<StorageError>>,
    pub snapshots: RwSignal<Vec<Snapshot>>,
    /// When the debounced save is due (ms since the epoch); `None` when no save is scheduled.
    save_due: StoredValue<Option<f64>>,
    /// A save timer is pending (one at a time: edits in a burst only move `save_due`).
    timer_armed: StoredValue<bool>,
    /// Scores of the open assessment.
    pub scores: Memo<Option<Scores>>,
    /// Predicted findings of the open assessment.
    pub prediction: Memo<Option<Prediction>>,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub load: RwSignal<LoadState>,
    pub list: RwSignal<Vec<Summary>>,
    pub prefs: RwSignal<Prefs>,
    pub toast: RwSignal<Option<Toast>>,
    pub editor: Editor,
    /// Persistent storage granted (None until known).
    pub persisted: RwSignal<Option<bool>>,
}

impl AppState {
    /// Create the state, provide it as context, and start the initial load.
    pub fn install() -> AppState {
        let doc: RwSignal<Option<Assessment>> = RwSignal::new(None);
        let scores =
            Memo::new(move |_| doc.with(|d| d.as_ref().map(|a| score(catalog(), &a.responses))));
        let prediction =
            Memo::new(move |_| doc.with(|d| d.as_ref().map(|a| predict(catalog(), &a.responses))));
        let state = AppState {
            load: RwSignal::new(LoadState::Loading),
            list: RwSignal::new(Vec::new()),
            prefs: RwSignal::new(Prefs::load()),
            toast: RwSignal::new(None),
            persisted: RwSignal::new(None),
            editor: Editor {
                doc,
                base: RwSignal::new(0),
                dirty: RwSignal::new(false),
                saving: RwSignal::new(false),
                conflict: RwSignal::new(None),
                save_error: RwSignal::new(None),
                snapshots: RwSignal::new(Vec::new()),
                save_due: StoredValue::new(None),
                timer_armed: StoredValue::new(false),
                scores,
                prediction,
            },
        };
        provide_context(state);
        spawn_local(async move { state.initial_load().await });
        state.install_page_lifecycle();
        state
    }

    async fn initial_load(self) {
        match Db::open().await {
            Ok(db) => {
                let db = Rc::new(db);
                DB.with(|d| *d.borrow_mut() = Some(db.clone()));
                self.recover_journal(&db).await;
                let channel = Channel::open(move |n| self.on_notice(n));
                CHANNEL.with(|c| *c.borrow_mut() = channel);
                self.refresh_list().await;
                self.persisted.set(quota::persisted().await);
                self.load.set(LoadState::Ready);
                // An assessment opened before the load finished is loaded now.
                if let Some(id) = self
                    .editor
                    .doc
                    .with_untracked(|d| d.as_ref().map(|a| a.id.clone()))
                {
                    self.editor.doc.set(None);
                    self.open(&id).await;
                }
            }
            Err(e) => self.load.set(LoadState::Failed(e)),
        }
    }

    /// A journal left by a page closed with unsaved edits is written back, or kept as a copy if
    /// another tab saved in the meantime: nothing typed is ever dropped.
    async fn recover_journal(&self, db: &Db) {
        let Some(entry) = journal::read() else { return };
        let stored = db.assessment(&entry.assessment.id).await.ok().flatten();
        let result = match stored {
            Some(s) if s.revision != entry.base => {
                let mut copy = entry.assessment.clone();
                copy.id = new_id();
                copy.name = format!("{} (recovered unsaved edits)", copy.name);
                copy.revision = 0;
                db.put_assessment(&copy).await
            }
            _ => db
                .save_assessment(&entry.assessment, entry.base)
                .await
                .map(|_| ()),
        };
        if result.is_ok() {
            journal::clear();
        }
    }

    /// Reload the assessments list from storage.
    pub async fn refresh_list(&self) {
        let Some(db) = db() else { return };
        match db.map_assessments(|a| Summary::of(&a)).await {
            Ok(mut list) => {
                list.sort_by(|a, b| b.updated.cmp(&a.updated));
                self.list.set(list)
            }
            Err(e) => self.notify(e.to_string()),
        }
    }

    /// Show a short message.
    pub fn notify(&self, text: impl Into<String>) {
        self.toast.set(Some(Toast {
            text: text.into(),
            undo: None,
        }));
    }

    /// Update preferences and save them.
    pub fn update_prefs(&self, f: impl FnOnce(&mut Prefs)) {
        self.prefs.update(f);
        self.prefs.with_untracked(|p| p.save());
    }

    /// Open an assessment in the editor (no-op when it is already open).
    pub async fn open(&self, id: &str) {
        let ed = self.editor;
        if ed
            .doc
            .with_untracked(|d| d.as_ref().map(|a| a.id == id).unwrap_or(false))
        {
            return;
        }
        self.flush().await;
        let Some(db) = db() else {
            return;
        };
        match db.assessment(id).await {
            Ok(Some(a)) => {
                ed.base.set(a.revision);
                ed.dirty.set(false);
                ed.conflict.set(None);
                ed.save_error.set(None);
                ed.doc.set(Some(a));
                ed.snapshots
                    .set(db.snapshots_of(id).await.unwrap_or_default());
                self.update_prefs(|p| p.last_opened = Some(id.to_string()));
            }
            Ok(None) => ed.doc.set(None),
            Err(e) => self.notify(e.to_string()),
        }
    }

    /// Work on an assessment that only lives in memory (storage unavailable): it stays open in
    /// this tab and is marked unsaved, so the user knows to export it.
    pub fn open_in_memory(&self, a: Assessment) {
        let ed = self.editor;
        self.list.update(|l| l.insert(0, Summary::of(&a)));
        ed.base.set(0);
        ed.conflict.set(None);
        ed.snapshots.set(Vec::new());
        ed.doc.set(Some(a));
        ed.dirty.set(true);
    }

    /// Apply an edit to the open assessment and schedule its save.
    pub fn edit(&self, f: impl FnOnce(&mut Assessment)) {
        let ed = self.editor;
        ed.doc.update(|d| {
            if let Some(a) = d.as_mut() {
                f(a);
                a.updated = now();
                a.edits_since_export = a.edits_since_export.saturating_add(1);
            }
        });
        if !ed.dirty.get_untracked() {
            ed.dirty.set(true);
        }
        self.schedule_save();
        self.ask_persistence_once();
    }

    /// Record that the open assessment was just exported to a file: resets the counter behind the
    /// export reminder and saves like an edit does, without counting as an edit.
    pub fn mark_exported(&self) {
        let ed = self.editor;
        ed.doc.update(|d| {
            if let Some(a) = d.as_mut() {
                a.last_exported = Some(now());
                a.edits_since_export = 0;
            }
        });
        ed.dirty.set(true);
        self.schedule_save();
    }

    /// Debounce: the save runs `SAVE_DELAY_MS` after the last edit. A burst of edits (a workshop
    /// rating items in quick succession) keeps one timer, which re-arms itself for the time left
    /// when it fires early, instead of a timer per edit.
    fn schedule_save(&self) {
        let ed = self.editor;
        ed.save_due
            .set_value(Some(js_sys::Date::now() + SAVE_DELAY_MS as f64));
        if !ed.timer_armed.get_value() {
            self.arm_save_timer(SAVE_DELAY_MS as f64);
        }
    }

    fn arm_save_timer(&self, delay_ms: f64) {
        let ed = self.editor;
        ed.timer_armed.set_value(true);
        let this = *self;
        set_timeout(
            move || {
                ed.timer_armed.set_value(false);
                match ed.save_due.get_value() {
                    Some(due) if due - js_sys::Date::now() > 1.0 => {
                        this.arm_save_timer(due - js_sys::Date::now())
                    }
                    Some(_) => {
                        ed.save_due.set_value(None);
                        spawn_local(async move { this.flush().await });
                    }
                    None => {}
                }
            },
            Duration::from_millis(delay_ms.max(0.0) as u64),
        );
    }

    /// Write the open assessment now if it has unsaved edits. One write at a time: a flush
    /// requested while a write is in flight is picked up when that write ends.
    pub async fn flush(&self) {
        let ed = self.editor;
        if ed.saving.get_untracked()
            || !ed.dirty.get_untracked()
            || ed.conflict.get_untracked().is_some()
        {
            return;
        }
        let (Some(db), Some(doc)) = (db(), ed.doc.get_untracked()) else {
            return;
        };
        ed.saving.set(true);
        ed.dirty.set(false);
        let base = ed.base.get_untracked();
        match db.save_assessment(&doc, base).await {
            Ok(rev) => {
                ed.base.set(rev);
                ed.doc.update_untracked(|d| {
                    if let Some(a) = d.as_mut() {
                        a.revision = rev;
                    }
                });
                ed.save_error.set(None);
                broadcast(Notice::Saved {
                    id: doc.id.clone(),
                    revision: rev,
                });
                let mut saved = doc.clone();
                saved.revision = rev;
                let summary = Summary::of(&saved);
                self.list
                    .update(|l| match l.iter_mut().find(|s| s.id == summary.id) {
                        Some(s) => *s = summary,
                        None => l.insert(0, summary),
                    });
                if !ed.dirty.get_untracked() {
                    journal::clear();
                }
            }
            Err(StorageError::Conflict { stored, .. }) => {
                ed.dirty.set(true);
                ed.conflict.set(Some(stored));
            }
            Err(e) => {
                ed.dirty.set(true);
                ed.save_error.set(Some(e));
            }
        }
        ed.saving.set(false);
        if ed.dirty.get_untracked()
            && ed.conflict.get_untracked().is_none()
            && ed.save_error.get_untracked().is_none()
        {
            self.schedule_save();
        }
    }

    /// Retry after a failed save (the user pressed "Try again").
    pub fn retry_save(&self) {
        self.editor.save_error.set(None);
        let this = *self;
        spawn_local(async move { this.flush().await });
    }

    /// Conflict resolution: load the other tab's version, dropping this tab's unsaved edits.
    pub fn take_theirs(&self) {
        let this = *self;
        let ed = self.editor;
        spawn_local(async move {
            let Some(id) = ed.doc.with_untracked(|d| d.as_ref().map(|a| a.id.clone())) else {
                return;
            };
            ed.conflict.set(None);
            ed.dirty.set(false);
            journal::clear();
            ed.doc.set(None);
            this.open(&id).await;
        });
    }

    /// Conflict resolution: keep this tab's version as a new assessment, then load theirs.
    pub fn keep_mine_as_copy(&self) {
        let this = *self;
        let ed = self.editor;
        spawn_local(async move {
            let Some(mut mine) = ed.doc.get_untracked() else {
                return;
            };
            let Some(db) = db() else { return };
            let id = mine.id.clone();
            mine.id = new_id();
            mine.name = format!("{} (copy from another tab)", mine.name);
            mine.revision = 0;
            match db.put_assessment(&mine).await {
                Ok(()) => {
                    broadcast(Notice::ListChanged);
                    ed.conflict.set(None);
                    ed.dirty.set(false);
                    journal::clear();
                    ed.doc.set(None);
                    this.refresh_list().await;
                    this.open(&id).await;
                    this.notify(format!("Your version was kept as “{}”.", mine.name));
                }
                Err(e) => this.notify(e.to_string()),
            }
        });
    }

    fn on_notice(&self, n: Notice) {
        let this = *self;
        match n {
            Notice::Saved { id, revision } => {
                let ed = self.editor;
                let open_here = ed
                    .doc
                    .with_untracked(|d| d.as_ref().map(|a| a.id == id).unwrap_or(false));
                if open_here && revision > ed.base.get_untracked() {
                    if ed.dirty.get_untracked() || ed.saving.get_untracked() {
                        ed.conflict.set(Some(revision));
                    } else {
                        spawn_local(async move {
                            if let Some(db) = db() {
                                if let Ok(Some(a)) = db.assessment(&id).await {
                                    if !ed.dirty.get_untracked() {
                                        ed.base.set(a.revision);
                                        ed.doc.set(Some(a));
                                    }
                                }
                            }
                        });
                    }
                }
                spawn_local(async move { this.refresh_list().await });
            }
            Notice::ListChanged => spawn_local(async move { this.refresh_list().await }),
        }
    }

    /// Tell other tabs the list changed.
    pub fn announce_list_change(&self) {
        broadcast(Notice::ListChanged);
    }

    /// Ask the browser for persistent storage after the first real edit.
    fn ask_persistence_once(&self) {
        if self.prefs.with_untracked(|p| p.persist_asked) {
            return;
        }
        self.update_prefs(|p| p.persist_asked = true);
        let this = *self;
        spawn_local(async move {
            let granted = quota::request_persist().await;
            this.persisted.set(granted);
        });
    }

    /// On hide or close: journal the unsaved state synchronously, then start a save.
    fn install_page_lifecycle(&self) {
        let this = *self;
        let on_hide = move || {
            let ed = this.editor;
            if !ed.dirty.get_untracked() {
                return;
            }
            if let Some(a) = ed.doc.get_untracked() {
                journal::write(&JournalEntry {
                    base: ed.base.get_untracked(),
                    assessment: a,
                });
            }
            spawn_local(async move { this.flush().await });
        };
        let h1 = window_event_listener(leptos::ev::pagehide, move |_| on_hide());
        let h2 = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                on_hide();
            }
        });
        on_cleanup(move || {
            h1.remove();
            h2.remove();
        });
    }
}
