//! Emergency journal in localStorage. When the page is hidden or closed, the unsaved state of the
//! open assessment is written here synchronously (localStorage writes finish before the page goes
//! away; an IndexedDB transaction started at that moment may not). On the next start, a journal
//! entry newer than the stored record is written to IndexedDB, then cleared.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::Assessment;

const KEY: &str = "gap42.journal";

/// An unsaved state of one assessment, and the stored revision it was edited from.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, PartialEq)]
pub struct JournalEntry {
    pub base: u64,
    pub assessment: Assessment,
}

/// Write the entry at once. Returns false when localStorage refused (full or unavailable).
pub fn write(entry: &JournalEntry) -> bool {
    LocalStorage::set(KEY, entry).is_ok()
}

/// The pending entry, if any.
pub fn read() -> Option<JournalEntry> {
    LocalStorage::get(KEY).ok()
}

/// Forget the pending entry (after it reached IndexedDB).
pub fn clear() {
    LocalStorage::delete(KEY);
}
