//! UI preferences in localStorage, behind a small typed wrapper. Losing them loses nothing that
//! matters, so read failures fall back to defaults.

use std::collections::BTreeSet;

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const KEY: &str = "gap42.prefs";

/// Colour theme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the operating system (prefers-color-scheme).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

/// Everything remembered about the UI between visits.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: Theme,
    pub last_opened: Option<String>,
    /// Ids of collapsed groups in the editor ("4", "A.6").
    pub collapsed: BTreeSet<String>,
    /// Whether persistent storage was already requested.
    pub persist_asked: bool,
}

impl Prefs {
    /// Load, or defaults when absent or unreadable.
    pub fn load() -> Prefs {
        LocalStorage::get(KEY).unwrap_or_default()
    }

    /// Save; a failure is ignored on purpose (preferences are a convenience).
    pub fn save(&self) {
        let _ = LocalStorage::set(KEY, self);
    }

    /// Remove every preference (part of "erase all data").
    pub fn erase() {
        LocalStorage::delete(KEY);
    }
}
