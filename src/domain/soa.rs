//! The Statement of Applicability: every Annex A control, whether it applies and why, its
//! implementation status, and what an auditor would challenge.

use std::collections::BTreeMap;

use crate::catalog::{Catalog, Part};

use super::model::{Applicability, Evidence, InclusionReason, Maturity, Response};
use super::scoring::maturity_of;

/// Implementation status of a control, as stated in the SoA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImplStatus {
    /// Maturity 4 or 5.
    Implemented,
    /// Maturity 2–3.
    Partial,
    /// Maturity 0–1 with an action recorded.
    Planned,
    /// Maturity 0–1 and no action recorded.
    NotImplemented,
    /// Applicable and not yet rated.
    NotAssessed,
    /// Excluded from the SoA.
    Excluded,
}

impl ImplStatus {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ImplStatus::Implemented => "Implemented",
            ImplStatus::Partial => "Partially implemented",
            ImplStatus::Planned => "Planned",
            ImplStatus::NotImplemented => "Not implemented",
            ImplStatus::NotAssessed => "Not assessed",
            ImplStatus::Excluded => "Excluded",
        }
    }

    /// Status of an applicable control from its maturity and planned action.
    pub fn of(maturity: Option<Maturity>, action: &str) -> ImplStatus {
        match maturity.map(Maturity::level) {
            None => ImplStatus::NotAssessed,
            Some(0 | 1) if action.trim().is_empty() => ImplStatus::NotImplemented,
            Some(0 | 1) => ImplStatus::Planned,
            Some(2 | 3) => ImplStatus::Partial,
            Some(_) => ImplStatus::Implemented,
        }
    }
}

/// Something in an SoA row that an auditor would challenge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SoaFlag {
    /// Excluded, but the justification is blank.
    ExcludedWithoutJustification,
    /// Applicable, but no implementation status has been assessed.
    ApplicableNotAssessed,
    /// Applicable, but no reason for inclusion is given.
    NoInclusionReason,
}

impl SoaFlag {
    /// What is wrong and what an auditor would challenge.
    pub fn label(self) -> &'static str {
        match self {
            SoaFlag::ExcludedWithoutJustification => "Excluded without justification: an auditor will ask why the control does not apply",
            SoaFlag::ApplicableNotAssessed => "Applicable but not assessed: the SoA must state whether the control is implemented",
            SoaFlag::NoInclusionReason => "No reason for inclusion: an auditor will ask why the control is included (risk treatment, legal, contractual or best practice)",
        }
    }
}

/// One row of the Statement of Applicability.
#[derive(Clone, Debug, PartialEq)]
pub struct SoaRow {
    pub id: &'static str,
    pub title: &'static str,
    /// Annex A category (`"A.6"`).
    pub category: &'static str,
    pub applicable: bool,
    /// Reasons for inclusion (empty when excluded).
    pub reasons: Vec<InclusionReason>,
    /// Justification of an exclusion (empty when applicable).
    pub justification: String,
    pub status: ImplStatus,
    /// Recorded maturity; `None` when not assessed or excluded.
    pub maturity: Option<Maturity>,
    pub evidence: Vec<Evidence>,
    /// Empty when the row would pass an auditor's reading.
    pub flags: Vec<SoaFlag>,
}

/// The Statement of Applicability: all 38 Annex A controls in catalog order.
pub fn soa(catalog: &Catalog, responses: &BTreeMap<String, Response>) -> Vec<SoaRow> {
    catalog
        .items_of(Part::AnnexA)
        .map(|item| {
            let r = responses.get(item.id);
            let evidence = r.map(|r| r.evidence.clone()).unwrap_or_default();
            let default_applicability = Applicability::default();
            let applicability = r.map_or(&default_applicability, |r| &r.applicability);
            match applicability {
                Applicability::Excluded { justification } => {
                    let flags = if justification.trim().is_empty() {
                        vec![SoaFlag::ExcludedWithoutJustification]
                    } else {
                        Vec::new()
                    };
                    SoaRow {
                        id: item.id,
                        title: item.title,
                        category: item.group,
                        applicable: false,
                        reasons: Vec::new(),
                        justification: justification.clone(),
                        status: ImplStatus::Excluded,
                        maturity: None,
                        evidence,
                        flags,
                    }
                }
                Applicability::Applicable { reasons } => {
                    let maturity = maturity_of(r);
                    let action = r.map_or("", |r| r.action.as_str());
                    let mut flags = Vec::new();
                    if maturity.is_none() {
                        flags.push(SoaFlag::ApplicableNotAssessed);
                    }
                    if reasons.is_empty() {
                        flags.push(SoaFlag::NoInclusionReason);
                    }
                    SoaRow {
                        id: item.id,
                        title: item.title,
                        category: item.group,
                        applicable: true,
                        reasons: reasons.iter().copied().collect(),
                        justification: String::new(),
                        status: ImplStatus::of(maturity, action),
                        maturity,
                        evidence,
                        flags,
                    }
                }
            }
        })
        .collect()
}
