//! Predicted audit findings, graded as a certification body would (ISO/IEC 17021-1 sense:
//! major and minor nonconformities, observations), the readiness verdict they imply, and the
//! checklist of mandatory documented information.

use std::collections::BTreeMap;

use crate::catalog::{Catalog, DocInfo};

use super::model::{Maturity, Response};
use super::scoring::{is_excluded, maturity_of, target_of};

/// Grade of a predicted finding. Ordered so that `Major` sorts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Blocks certification until corrected.
    Major,
    /// Must be corrected, with a plan accepted by the auditor.
    Minor,
    /// An opportunity for improvement; does not block certification.
    Observation,
}

impl Severity {
    /// All grades, most severe first.
    pub const ALL: [Severity; 3] = [Severity::Major, Severity::Minor, Severity::Observation];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Major => "Major nonconformity",
            Severity::Minor => "Minor nonconformity",
            Severity::Observation => "Observation",
        }
    }
}

/// The rule that produced a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// R1: an applicable item at maturity 0–1.
    LowMaturity,
    /// R2: mandatory documented information that is missing.
    MissingDocumentedInformation,
    /// R3: an applicable item at maturity 2.
    PartialImplementation,
    /// R4: two or more R3 minors in one clause or Annex A category.
    SystemicMinors,
    /// R5: an item at maturity 3 whose target is 4 or 5.
    BelowTarget,
}

impl Rule {
    /// All rules, R1 first.
    pub const ALL: [Rule; 5] = [
        Rule::LowMaturity,
        Rule::MissingDocumentedInformation,
        Rule::PartialImplementation,
        Rule::SystemicMinors,
        Rule::BelowTarget,
    ];

    /// Short code, `"R1"`–`"R5"`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::LowMaturity => "R1",
            Rule::MissingDocumentedInformation => "R2",
            Rule::PartialImplementation => "R3",
            Rule::SystemicMinors => "R4",
            Rule::BelowTarget => "R5",
        }
    }

    /// The rule stated in one sentence.
    pub fn text(self) -> &'static str {
        match self {
            Rule::LowMaturity => "An applicable requirement or control rated 0 (none) or 1 (initial / ad hoc) predicts a major nonconformity: the auditor will find it absent.",
            Rule::MissingDocumentedInformation => "Mandatory documented information that is missing (its clause rated 0–1) predicts a major nonconformity, one per missing document or record.",
            Rule::PartialImplementation => "An applicable requirement or control rated 2 (partially implemented) predicts a minor nonconformity.",
            Rule::SystemicMinors => "Two or more minor nonconformities under one top-level clause or one Annex A category predict an additional major nonconformity for a systemic failure of that area.",
            Rule::BelowTarget => "An item rated 3 (largely implemented) whose target is 4 or 5 predicts an observation: an opportunity for improvement that does not block certification.",
        }
    }
}

/// One predicted audit finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub rule: Rule,
    /// Item id; for R2 the clause that requires the documented information; for R4 the group id.
    pub item: &'static str,
    /// Top-level clause or Annex A category.
    pub group: &'static str,
    /// Item title; for R2 the documented-information title; for R4 the group title.
    pub title: &'static str,
    /// Why the finding is predicted, with the rating that triggered it.
    pub detail: String,
    /// For R3 minors: rolled into a systemic major (R4) of their group.
    pub escalated: bool,
    /// For R4: the ids of the minors it rolls up, in catalog order. Empty otherwise.
    pub related: Vec<&'static str>,
}

/// Readiness verdict for a certification audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    NotAssessed,
    NotReady,
    /// No major so far, but applicable items remain unrated: no "ready" verdict can be given.
    Incomplete,
    ReadyWithGaps,
    Ready,
}

impl Verdict {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotAssessed => "Not assessed",
            Verdict::NotReady => "Not ready for certification audit",
            Verdict::Incomplete => "Incomplete: no major found so far, keep assessing",
            Verdict::ReadyWithGaps => "Ready for Stage 1, with gaps to close before Stage 2",
            Verdict::Ready => "Ready for certification audit",
        }
    }
}

/// The verdict rule, stated for the UI and README.
pub const VERDICT_RULE: &str = "Not assessed until at least one applicable item is rated. Not ready when at least one major nonconformity is predicted. Incomplete when no major is predicted but some applicable item is not yet assessed: readiness cannot be claimed for what has not been looked at. Ready for Stage 1 with gaps when every applicable item is assessed, no major is predicted, but at least one minor is. Ready for certification audit when every applicable item is assessed and no major or minor is predicted; observations do not block.";

/// Predicted findings and the verdict they imply.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// Sorted by severity, then catalog order (a systemic R4 major sits with its group's first item).
    pub findings: Vec<Finding>,
    /// Major findings, systemic (R4) ones included.
    pub majors: usize,
    /// Minor findings, escalated ones included.
    pub minors: usize,
    pub observations: usize,
    pub verdict: Verdict,
    /// Why this verdict, with counts.
    pub reason: String,
}

impl Prediction {
    /// Findings of one severity, in order.
    pub fn of_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }
}

fn rated(m: Maturity) -> String {
    format!("Rated {} ({})", m.level(), m.label())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Predict the findings of a certification audit from a set of responses.
/// Excluded controls and not-assessed items produce no finding.
pub fn predict(catalog: &Catalog, responses: &BTreeMap<String, Response>) -> Prediction {
    // (finding, catalog position) — position orders findings within a severity.
    let mut found: Vec<(Finding, usize)> = Vec::new();
    let mut applicable = 0usize;
    let mut assessed = 0usize;

    for (pos, item) in catalog.items.iter().enumerate() {
        let r = responses.get(item.id);
        if is_excluded(item, r) {
            continue;
        }
        applicable += 1;
        let Some(m) = maturity_of(r) else { continue };
        assessed += 1;
        let target = target_of(r);
        let base = Finding {
            severity: Severity::Major,
            rule: Rule::LowMaturity,
            item: item.id,
            group: item.group,
            title: item.title,
            detail: String::new(),
            escalated: false,
            related: Vec::new(),
        };
        match m.level() {
            0 | 1 => found.push((
                Finding {
                    detail: format!(
                        "{}: an applicable item at 0–1 predicts a major nonconformity.",
                        rated(m)
                    ),
                    ..base
                },
                pos,
            )),
            2 => found.push((
                Finding {
                    severity: Severity::Minor,
                    rule: Rule::PartialImplementation,
                    detail: format!(
                        "{}: an applicable item at 2 predicts a minor nonconformity.",
                        rated(m)
                    ),
                    ..base
                },
                pos,
            )),
            3 if target.level() >= 4 => found.push((
                Finding {
                    severity: Severity::Observation,
                    rule: Rule::BelowTarget,
                    detail: format!(
                        "{} against a target of {} ({}): an auditor is likely to note the remaining gap as an opportunity for improvement.",
                        rated(m),
                        target.level(),
                        target.label()
                    ),
                    ..base
                },
                pos,
            )),
            _ => {}
        }
    }

    // R2: mandatory documented information that is missing.
    for check in doc_checklist(catalog, responses) {
        if check.status != DocStatus::Missing {
            continue;
        }
        let Some(pos) = catalog.index_of(check.doc.clause) else {
            continue;
        };
        let item = &catalog.items[pos];
        let m = check.maturity.unwrap_or(Maturity::NONE);
        found.push((
            Finding {
                severity: Severity::Major,
                rule: Rule::MissingDocumentedInformation,
                item: check.doc.clause,
                group: item.group,
                title: check.doc.title,
                detail: format!(
                    "Required by {} ({}), {}: the {} is treated as missing, and missing mandatory documented information predicts a major nonconformity.",
                    item.id,
                    item.title,
                    rated(m).to_lowercase(),
                    check.doc.doc_type.label()
                ),
                escalated: false,
                related: Vec::new(),
            },
            pos,
        ));
    }

    // R4: two or more minors in one group roll up into a systemic major.
    for group in &catalog.groups {
        let minors: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, (f, _))| f.rule == Rule::PartialImplementation && f.group == group.id)
            .map(|(i, _)| i)
            .collect();
        if minors.len() < 2 {
            continue;
        }
        let related: Vec<&'static str> = minors.iter().map(|&i| found[i].0.item).collect();
        for &i in &minors {
            found[i].0.escalated = true;
            found[i].0.detail.push_str(&format!(
                " Escalated: one of {} minors in {} ({}).",
                minors.len(),
                group.id,
                group.title
            ));
        }
        let pos = catalog
            .items
            .iter()
            .position(|i| i.group == group.id)
            .unwrap_or(usize::MAX);
        found.push((
            Finding {
                severity: Severity::Major,
                rule: Rule::SystemicMinors,
                item: group.id,
                group: group.id,
                title: group.title,
                detail: format!(
                    "{} minor nonconformities under {} ({}): {}. Repeated minors in one area point to a systemic failure, which auditors grade as a major nonconformity.",
                    minors.len(),
                    group.id,
                    group.title,
                    related.join(", ")
                ),
                escalated: false,
                related,
            },
            pos,
        ));
    }

    found.sort_by(|(a, pa), (b, pb)| {
        (a.severity, *pa, a.rule, a.item).cmp(&(b.severity, *pb, b.rule, b.item))
    });
    let findings: Vec<Finding> = found.into_iter().map(|(f, _)| f).collect();
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let majors = count(Severity::Major);
    let minors = count(Severity::Minor);
    let observations = count(Severity::Observation);
    let not_assessed = applicable - assessed;

    let (verdict, reason) = if assessed == 0 {
        (
            Verdict::NotAssessed,
            "No applicable item has been rated yet, so no verdict can be given.".to_string(),
        )
    } else if majors > 0 {
        (
            Verdict::NotReady,
            format!(
                "{} predicted; any major nonconformity blocks certification. Also {} and {}.",
                plural(majors, "major nonconformity", "major nonconformities"),
                plural(minors, "minor", "minors"),
                plural(observations, "observation", "observations"),
            ),
        )
    } else if not_assessed > 0 {
        (
            Verdict::Incomplete,
            format!(
                "No major nonconformity predicted among the items rated so far, but {} of {} applicable items are not yet assessed; a verdict needs them all. So far: {} and {}.",
                not_assessed,
                applicable,
                plural(minors, "minor nonconformity", "minor nonconformities"),
                plural(observations, "observation", "observations"),
            ),
        )
    } else if minors > 0 {
        (
            Verdict::ReadyWithGaps,
            format!(
                "Every applicable item is assessed and no major nonconformity is predicted, but {} to correct before Stage 2 ({}).",
                plural(minors, "minor nonconformity", "minor nonconformities"),
                plural(observations, "observation", "observations"),
            ),
        )
    } else {
        (
            Verdict::Ready,
            format!(
                "All {} applicable items assessed with no major or minor nonconformity predicted ({}, which do not block certification).",
                applicable,
                plural(observations, "observation", "observations"),
            ),
        )
    };

    Prediction {
        findings,
        majors,
        minors,
        observations,
        verdict,
        reason,
    }
}

/// Whether a mandatory documented-information item is in place, judged from the maturity of
/// the clause that requires it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocStatus {
    /// Clause rated 3 or higher.
    InPlace,
    /// Clause rated 2.
    Partial,
    /// Clause rated 0–1.
    Missing,
    /// Clause not assessed.
    Unknown,
}

impl DocStatus {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            DocStatus::InPlace => "In place",
            DocStatus::Partial => "Partial",
            DocStatus::Missing => "Missing",
            DocStatus::Unknown => "Unknown (clause not assessed)",
        }
    }

    /// Status from the requiring clause's maturity.
    pub fn from_maturity(m: Option<Maturity>) -> DocStatus {
        match m.map(Maturity::level) {
            None => DocStatus::Unknown,
            Some(0 | 1) => DocStatus::Missing,
            Some(2) => DocStatus::Partial,
            Some(_) => DocStatus::InPlace,
        }
    }
}

/// One line of the mandatory documented-information checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct DocCheck {
    /// The documented-information item (a copy of the catalog entry).
    pub doc: DocInfo,
    pub status: DocStatus,
    /// Maturity of the clause that requires it.
    pub maturity: Option<Maturity>,
}

/// The 20 documented-information items that clauses 4–10 require, in catalog order, with
/// their status.
pub fn doc_checklist(catalog: &Catalog, responses: &BTreeMap<String, Response>) -> Vec<DocCheck> {
    catalog
        .doc_info
        .iter()
        .map(|d| {
            let maturity = maturity_of(responses.get(d.clause));
            DocCheck {
                doc: d.clone(),
                status: DocStatus::from_maturity(maturity),
                maturity,
            }
        })
        .collect()
}
