//! The only code that touches browser storage: IndexedDB (through rexie) for assessments and
//! snapshots, localStorage (through gloo-storage) for UI preferences and the emergency journal.

pub mod db;
pub mod journal;
pub mod prefs;
pub mod quota;
pub mod sync;

pub use db::{Db, DB_NAME, DB_VERSION, SHIPPED_STORES};

/// What can go wrong when storing data. Every variant carries a message fit for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error("This browser is not letting gap42 store data (private mode, or storage switched off). Your work stays in this tab until you close it: export it to a file to keep it.")]
    Unavailable(String),
    #[error("The browser refused to store the last change: the storage for this site (or the disk) is full. Your work is still open here: free some space or export it to a file, then try again.")]
    QuotaExceeded,
    #[error("An older gap42 tab is still open and blocks the storage upgrade. Close other gap42 tabs, then reload this one.")]
    Blocked,
    #[error("Another tab saved a newer version of this assessment (revision {stored}, this tab has {ours}). Nothing was overwritten.")]
    Conflict { stored: u64, ours: u64 },
    #[error("Saving failed: {0}. Your work is still open here.")]
    Transaction(String),
    #[error("Stored data could not be read: {0}")]
    Corrupt(String),
}

impl StorageError {
    /// Classify a rexie error, recognising a full disk.
    pub(crate) fn from_rexie(e: rexie::Error) -> StorageError {
        let text = format!("{e} {e:?}");
        if text.contains("QuotaExceeded") {
            StorageError::QuotaExceeded
        } else {
            StorageError::Transaction(e.to_string())
        }
    }
}

impl From<rexie::Error> for StorageError {
    fn from(e: rexie::Error) -> Self {
        StorageError::from_rexie(e)
    }
}
