//! Comparison of two sets of responses (a snapshot and the current assessment, or two snapshots).

use std::collections::BTreeMap;

use crate::catalog::Catalog;

use super::model::{Maturity, Response};
use super::scoring::{is_excluded, maturity_of, score, Readiness};

/// Readiness of one group before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDelta {
    pub group: &'static str,
    pub title: &'static str,
    pub before: Readiness,
    pub after: Readiness,
}

impl GroupDelta {
    /// Change in readiness, in whole percentage points (`after - before`, each rounded first).
    /// `None` when either side is not assessed.
    pub fn delta_percent(&self) -> Option<i32> {
        delta_percent(&self.before, &self.after)
    }
}

/// Change in readiness between two totals, in whole percentage points; `None` when either side
/// is not assessed.
pub fn delta_percent(before: &Readiness, after: &Readiness) -> Option<i32> {
    let (b, a) = (before.percent()?, after.percent()?);
    Some(a as i32 - b as i32)
}

/// How an item's rating changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Rated higher than before.
    Improved,
    /// Rated lower than before.
    Regressed,
    /// Not assessed (or excluded) before, rated now.
    NewlyAssessed,
    /// Rated before, not assessed (or excluded) now.
    Unassessed,
}

impl ChangeKind {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Improved => "Improved",
            ChangeKind::Regressed => "Regressed",
            ChangeKind::NewlyAssessed => "Newly assessed",
            ChangeKind::Unassessed => "No longer assessed",
        }
    }
}

/// One item whose rating changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    pub id: &'static str,
    pub title: &'static str,
    pub before: Option<Maturity>,
    pub after: Option<Maturity>,
    pub kind: ChangeKind,
}

/// Differences between two sets of responses.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// Every group, in catalog order.
    pub groups: Vec<GroupDelta>,
    /// `(before, after)`.
    pub clauses: (Readiness, Readiness),
    pub annex_a: (Readiness, Readiness),
    pub overall: (Readiness, Readiness),
    /// Items whose rating changed, in catalog order. Unchanged items are not listed.
    pub changes: Vec<ItemChange>,
}

impl Diff {
    /// Items rated higher than before.
    pub fn improved(&self) -> impl Iterator<Item = &ItemChange> {
        self.of_kind(ChangeKind::Improved)
    }

    /// Items rated lower than before.
    pub fn regressed(&self) -> impl Iterator<Item = &ItemChange> {
        self.of_kind(ChangeKind::Regressed)
    }

    /// Items of one kind of change.
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &ItemChange> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }
}

/// Compare two sets of responses. An excluded control counts as not assessed on that side
/// (it also leaves the readiness denominator, as in [`score`]).
pub fn diff(
    catalog: &Catalog,
    before: &BTreeMap<String, Response>,
    after: &BTreeMap<String, Response>,
) -> Diff {
    let b = score(catalog, before);
    let a = score(catalog, after);
    let groups = b
        .groups
        .iter()
        .zip(&a.groups)
        .map(|(gb, ga)| GroupDelta {
            group: gb.group,
            title: gb.title,
            before: gb.readiness,
            after: ga.readiness,
        })
        .collect();

    let changes = catalog
        .items
        .iter()
        .filter_map(|item| {
            let rating = |responses: &BTreeMap<String, Response>| {
                let r = responses.get(item.id);
                if is_excluded(item, r) {
                    None
                } else {
                    maturity_of(r)
                }
            };
            let (mb, ma) = (rating(before), rating(after));
            let kind = match (mb, ma) {
                (None, None) => return None,
                (None, Some(_)) => ChangeKind::NewlyAssessed,
                (Some(_), None) => ChangeKind::Unassessed,
                (Some(x), Some(y)) if y > x => ChangeKind::Improved,
                (Some(x), Some(y)) if y < x => ChangeKind::Regressed,
                _ => return None,
            };
            Some(ItemChange {
                id: item.id,
                title: item.title,
                before: mb,
                after: ma,
                kind,
            })
        })
        .collect();

    Diff {
        groups,
        clauses: (b.clauses, a.clauses),
        annex_a: (b.annex_a, a.annex_a),
        overall: (b.overall, a.overall),
        changes,
    }
}
