//! The action plan: every applicable, assessed item below its target, with its action.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::catalog::{Catalog, Part};

use super::model::{ActionStatus, Maturity, Priority, Response};
use super::scoring::{is_excluded, target_of};

/// One row of the action plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRow {
    pub id: &'static str,
    pub title: &'static str,
    pub part: Part,
    /// Top-level clause or Annex A category.
    pub group: &'static str,
    pub maturity: Maturity,
    pub target: Maturity,
    /// `target - maturity`, at least 1.
    pub gap: u8,
    pub action: String,
    pub owner: String,
    /// ISO date `YYYY-MM-DD`, or empty.
    pub due: String,
    pub priority: Priority,
    pub status: ActionStatus,
    /// Due date set and before today, and the action not done.
    pub overdue: bool,
}

/// Whether an action is overdue on `today` (ISO dates compare as strings).
pub fn is_overdue(due: &str, status: ActionStatus, today: &str) -> bool {
    let due = due.trim();
    !due.is_empty() && due < today.trim() && status != ActionStatus::Done
}

/// The action plan on `today` (`YYYY-MM-DD`): every applicable, assessed item whose maturity
/// is below its target. Default order: priority (High first), then due date (earliest first,
/// none last), then catalog order.
pub fn action_plan(
    catalog: &Catalog,
    responses: &BTreeMap<String, Response>,
    today: &str,
) -> Vec<ActionRow> {
    let mut rows: Vec<ActionRow> = catalog
        .items
        .iter()
        .filter_map(|item| {
            let r = responses.get(item.id)?;
            if is_excluded(item, Some(r)) {
                return None;
            }
            let maturity = r.maturity?;
            let target = target_of(Some(r));
            if maturity >= target {
                return None;
            }
            Some(ActionRow {
                id: item.id,
                title: item.title,
                part: item.part,
                group: item.group,
                maturity,
                target,
                gap: target.level() - maturity.level(),
                action: r.action.clone(),
                owner: r.owner.clone(),
                due: r.due.clone(),
                priority: r.priority,
                status: r.action_status,
                overdue: is_overdue(&r.due, r.action_status, today),
            })
        })
        .collect();
    sort_rows(&mut rows, SortKey::Priority, true);
    rows
}

/// Column to sort the action plan by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Priority,
    Due,
    Gap,
    Id,
    Owner,
    Status,
}

impl SortKey {
    /// All keys, in column order.
    pub const ALL: [SortKey; 6] = [
        SortKey::Priority,
        SortKey::Due,
        SortKey::Gap,
        SortKey::Id,
        SortKey::Owner,
        SortKey::Status,
    ];

    /// Column label.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Priority => "Priority",
            SortKey::Due => "Due",
            SortKey::Gap => "Gap",
            SortKey::Id => "Item",
            SortKey::Owner => "Owner",
            SortKey::Status => "Status",
        }
    }
}

/// Compare item ids in the standard's order: clauses before Annex A, then numerically by
/// segment (`"A.2.2" < "A.10.2"`, `"9.3.3" < "10.1"`).
pub fn compare_ids(a: &str, b: &str) -> Ordering {
    fn key(id: &str) -> (bool, Vec<u32>) {
        let (annex, rest) = match id.strip_prefix("A.") {
            Some(rest) => (true, rest),
            None => (false, id),
        };
        let nums = rest
            .split('.')
            .map(|s| s.parse::<u32>().unwrap_or(u32::MAX))
            .collect();
        (annex, nums)
    }
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// Compare optional text with empty values last, whatever the direction.
fn empty_last(a: &str, b: &str, descending: bool) -> Ordering {
    let (a, b) = (a.trim(), b.trim());
    match (a.is_empty(), b.is_empty()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => {
            let o = a.to_lowercase().cmp(&b.to_lowercase());
            if descending {
                o.reverse()
            } else {
                o
            }
        }
    }
}

/// The default order: priority High first, due date earliest first (none last), catalog order.
fn default_order(a: &ActionRow, b: &ActionRow) -> Ordering {
    b.priority
        .cmp(&a.priority)
        .then_with(|| empty_last(&a.due, &b.due, false))
        .then_with(|| compare_ids(a.id, b.id))
}

/// Sort action rows by a column. `descending` reverses the column's natural order
/// (Low < Medium < High; earlier < later date; smaller < larger gap; catalog order of ids;
/// owner alphabetically; Not started < In progress < Done). Empty due dates and owners stay
/// last in either direction. Ties fall back to the default order.
pub fn sort_rows(rows: &mut [ActionRow], key: SortKey, descending: bool) {
    let dir = |o: Ordering| if descending { o.reverse() } else { o };
    rows.sort_by(|a, b| {
        let primary = match key {
            SortKey::Priority => dir(a.priority.cmp(&b.priority)),
            SortKey::Due => empty_last(&a.due, &b.due, descending),
            SortKey::Gap => dir(a.gap.cmp(&b.gap)),
            SortKey::Id => dir(compare_ids(a.id, b.id)),
            SortKey::Owner => empty_last(&a.owner, &b.owner, descending),
            SortKey::Status => dir(a.status.cmp(&b.status)),
        };
        primary.then_with(|| default_order(a, b))
    });
}
