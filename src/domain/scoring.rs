//! Readiness scores: per item, per group (clause 4–10 or Annex A category), per part and overall.
//!
//! The formula is stated in plain words in [`METHOD`]; the UI and README show that text.

use std::collections::BTreeMap;

use crate::catalog::{Catalog, Item, Part};

use super::model::{Maturity, Response};

/// The scoring formula in plain text, for the UI and the README.
pub const METHOD: &str = "Each applicable item scores min(maturity, 4) / 4: level 4 (fully implemented with evidence) counts as fully ready, and level 5 earns no extra credit. Readiness is the sum of item scores divided by the number of applicable items. Items not yet assessed count as 0 but stay in the denominator; Annex A controls excluded in the Statement of Applicability leave the denominator. Every item weighs the same: group, clause, Annex A and overall figures use the same formula, and the overall figure pools all applicable clause requirements and Annex A controls. Coverage is the share of applicable items assessed. Target readiness applies the same formula to the target maturities. A figure with no assessed item is shown as \"not assessed\", never as 0%.";

/// Readiness contribution of one item: `min(level, 4) / 4`; not assessed (`None`) counts 0.
pub fn item_readiness(m: Option<Maturity>) -> f64 {
    match m {
        Some(m) => f64::from(m.level().min(4)) / 4.0,
        None => 0.0,
    }
}

/// Whether an item is excluded from the assessment. Only Annex A controls can be excluded; an
/// exclusion recorded against a clause requirement (possible only in hand-edited imports) is
/// ignored and the requirement stays applicable.
pub(crate) fn is_excluded(item: &Item, response: Option<&Response>) -> bool {
    item.part == Part::AnnexA && response.is_some_and(Response::is_excluded)
}

/// Recorded maturity of an item (`None` when not assessed or without a response).
pub(crate) fn maturity_of(response: Option<&Response>) -> Option<Maturity> {
    response.and_then(|r| r.maturity)
}

/// Target maturity of an item (the default target, 3, when there is no response).
pub(crate) fn target_of(response: Option<&Response>) -> Maturity {
    response.map(|r| r.target).unwrap_or_default()
}

/// Round a share (0.0–1.0) to a whole percent.
fn to_percent(v: f64) -> u32 {
    (v * 100.0).round() as u32
}

/// Readiness totals for a set of items.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Readiness {
    /// Items in scope (not excluded), assessed or not.
    pub applicable: usize,
    /// Applicable items that have a maturity rating.
    pub assessed: usize,
    /// Annex A controls excluded in the Statement of Applicability.
    pub excluded: usize,
    /// Sum of [`item_readiness`] over the applicable items.
    pub points: f64,
    /// Sum of `min(target, 4) / 4` over the applicable items.
    pub target_points: f64,
}

impl Readiness {
    /// Count one item. `excluded` items only add to [`Readiness::excluded`].
    pub fn add(&mut self, maturity: Option<Maturity>, target: Maturity, excluded: bool) {
        if excluded {
            self.excluded += 1;
            return;
        }
        self.applicable += 1;
        if maturity.is_some() {
            self.assessed += 1;
        }
        self.points += item_readiness(maturity);
        self.target_points += item_readiness(Some(target));
    }

    /// The two totals pooled (each item keeps the same weight).
    pub fn merged(self, other: Readiness) -> Readiness {
        Readiness {
            applicable: self.applicable + other.applicable,
            assessed: self.assessed + other.assessed,
            excluded: self.excluded + other.excluded,
            points: self.points + other.points,
            target_points: self.target_points + other.target_points,
        }
    }

    /// Readiness 0.0–1.0: `points / applicable`. `None` when no applicable item is assessed
    /// ("not assessed" is never shown as a score).
    pub fn value(&self) -> Option<f64> {
        if self.assessed == 0 || self.applicable == 0 {
            None
        } else {
            Some(self.points / self.applicable as f64)
        }
    }

    /// [`Readiness::value`] rounded to a whole percent.
    pub fn percent(&self) -> Option<u32> {
        self.value().map(to_percent)
    }

    /// Share of applicable items assessed, 0.0–1.0. `None` when nothing is applicable.
    pub fn coverage(&self) -> Option<f64> {
        if self.applicable == 0 {
            None
        } else {
            Some(self.assessed as f64 / self.applicable as f64)
        }
    }

    /// [`Readiness::coverage`] rounded to a whole percent.
    pub fn coverage_percent(&self) -> Option<u32> {
        self.coverage().map(to_percent)
    }

    /// Target readiness 0.0–1.0: `target_points / applicable`. `None` when nothing is applicable.
    pub fn target(&self) -> Option<f64> {
        if self.applicable == 0 {
            None
        } else {
            Some(self.target_points / self.applicable as f64)
        }
    }

    /// [`Readiness::target`] rounded to a whole percent.
    pub fn target_percent(&self) -> Option<u32> {
        self.target().map(to_percent)
    }

    /// Applicable items not yet assessed.
    pub fn not_assessed(&self) -> usize {
        self.applicable - self.assessed
    }
}

/// Readiness of one group: a top-level clause (`"6"`) or an Annex A category (`"A.6"`).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupScore {
    pub group: &'static str,
    pub title: &'static str,
    pub part: Part,
    pub readiness: Readiness,
}

/// All scores of one set of responses.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// In catalog order: clauses 4–10, then A.2–A.10.
    pub groups: Vec<GroupScore>,
    /// Clause 4–10 requirements pooled.
    pub clauses: Readiness,
    /// Annex A controls pooled.
    pub annex_a: Readiness,
    /// Clause requirements and Annex A controls pooled, each item weighing the same.
    pub overall: Readiness,
    /// Number of applicable, assessed items at each maturity level 0–5.
    pub levels: [usize; 6],
    /// Applicable items not yet assessed.
    pub not_assessed: usize,
}

impl Scores {
    /// The score of one group by id (`"6"`, `"A.6"`).
    pub fn group(&self, id: &str) -> Option<&GroupScore> {
        self.groups.iter().find(|g| g.group == id)
    }
}

/// Score a set of responses (an assessment's or a snapshot's). Items without a response are
/// blank: applicable and not assessed.
pub fn score(catalog: &Catalog, responses: &BTreeMap<String, Response>) -> Scores {
    let mut groups: Vec<GroupScore> = catalog
        .groups
        .iter()
        .map(|g| GroupScore {
            group: g.id,
            title: g.title,
            part: g.part,
            readiness: Readiness::default(),
        })
        .collect();
    let mut clauses = Readiness::default();
    let mut annex_a = Readiness::default();
    let mut levels = [0usize; 6];

    for item in &catalog.items {
        let r = responses.get(item.id);
        let excluded = is_excluded(item, r);
        let maturity = maturity_of(r);
        let target = target_of(r);
        let part_total = match item.part {
            Part::Clauses => &mut clauses,
            Part::AnnexA => &mut annex_a,
        };
        part_total.add(maturity, target, excluded);
        if let Some(g) = groups.iter_mut().find(|g| g.group == item.group) {
            g.readiness.add(maturity, target, excluded);
        }
        if let (false, Some(m)) = (excluded, maturity) {
            levels[usize::from(m.level())] += 1;
        }
    }

    let overall = clauses.merged(annex_a);
    Scores {
        groups,
        clauses,
        annex_a,
        overall,
        levels,
        not_assessed: overall.not_assessed(),
    }
}
