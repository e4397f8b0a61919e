//! The assessment model: what a person records about each clause requirement and Annex A control.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Part};

/// Version of the assessment data shape. Bump it and add a migration in `exchange::migrate`
/// (and `storage`) whenever a stored or exported field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// Errors from domain rules.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DomainError {
    #[error("{0} is not a clause requirement or Annex A control of ISO/IEC 42001")]
    UnknownItem(String),
    #[error("{0} is a clause 4–10 requirement; only Annex A controls can be excluded")]
    ClauseNotExcludable(String),
    #[error("an exclusion of {0} needs a justification: say why the control does not apply")]
    JustificationRequired(String),
    #[error("maturity {0} is not 0–5")]
    MaturityOutOfRange(u8),
}

/// Maturity level 0–5. "Not assessed" is `Option::None` at the use site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Maturity(u8);

impl Maturity {
    pub const NONE: Maturity = Maturity(0);
    pub const INITIAL: Maturity = Maturity(1);
    pub const PARTIAL: Maturity = Maturity(2);
    pub const LARGELY: Maturity = Maturity(3);
    pub const FULL: Maturity = Maturity(4);
    pub const IMPROVING: Maturity = Maturity(5);
    /// All six levels, lowest first.
    pub const ALL: [Maturity; 6] = [
        Maturity(0),
        Maturity(1),
        Maturity(2),
        Maturity(3),
        Maturity(4),
        Maturity(5),
    ];

    /// A level from its number, if 0–5.
    pub fn new(level: u8) -> Result<Maturity, DomainError> {
        if level <= 5 {
            Ok(Maturity(level))
        } else {
            Err(DomainError::MaturityOutOfRange(level))
        }
    }

    /// The number 0–5.
    pub fn level(self) -> u8 {
        self.0
    }

    /// Short name of the level.
    pub fn label(self) -> &'static str {
        match self.0 {
            0 => "None",
            1 => "Initial / ad hoc",
            2 => "Partially implemented",
            3 => "Largely implemented",
            4 => "Fully implemented with evidence",
            _ => "Measured and improving",
        }
    }

    /// What the level means, in one sentence, for the rating scale shown to assessors.
    pub fn meaning(self) -> &'static str {
        match self.0 {
            0 => "Nothing exists yet, or no one can show it.",
            1 => "Done informally by some people; not defined, not repeatable.",
            2 => "Defined in part; gaps in scope, approval or records.",
            3 => "Defined and mostly operating; some evidence or coverage missing.",
            4 => "Defined, operating across the scope, and evidenced by records.",
            _ => "Operating with evidence, measured and improved on a cycle.",
        }
    }
}

impl TryFrom<u8> for Maturity {
    type Error = DomainError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Maturity::new(v)
    }
}

impl From<Maturity> for u8 {
    fn from(m: Maturity) -> u8 {
        m.0
    }
}

impl Default for Maturity {
    /// The default *target* maturity is 3.
    fn default() -> Self {
        Maturity::LARGELY
    }
}

/// Roles an organisation can play towards AI systems (ISO/IEC 22989 terms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AiRole {
    Provider,
    Producer,
    Customer,
    Partner,
    Subject,
    RelevantAuthority,
}

impl AiRole {
    pub const ALL: [AiRole; 6] = [
        AiRole::Provider,
        AiRole::Producer,
        AiRole::Customer,
        AiRole::Partner,
        AiRole::Subject,
        AiRole::RelevantAuthority,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AiRole::Provider => "AI provider",
            AiRole::Producer => "AI producer",
            AiRole::Customer => "AI customer",
            AiRole::Partner => "AI partner",
            AiRole::Subject => "AI subject",
            AiRole::RelevantAuthority => "Relevant authority",
        }
    }
}

/// Why an Annex A control is included in the Statement of Applicability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InclusionReason {
    RiskTreatment,
    LegalRegulatory,
    Contractual,
    BestPractice,
}

impl InclusionReason {
    pub const ALL: [InclusionReason; 4] = [
        InclusionReason::RiskTreatment,
        InclusionReason::LegalRegulatory,
        InclusionReason::Contractual,
        InclusionReason::BestPractice,
    ];
    pub fn label(self) -> &'static str {
        match self {
            InclusionReason::RiskTreatment => "Risk treatment",
            InclusionReason::LegalRegulatory => "Legal / regulatory",
            InclusionReason::Contractual => "Contractual",
            InclusionReason::BestPractice => "Best practice",
        }
    }
}

/// Applicability of an Annex A control. Clause requirements are always applicable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Applicability {
    /// Included, for zero or more stated reasons (zero reasons is flagged in the SoA).
    Applicable { reasons: BTreeSet<InclusionReason> },
    /// Excluded; the justification must not be blank.
    Excluded { justification: String },
}

impl Default for Applicability {
    fn default() -> Self {
        Applicability::Applicable {
            reasons: BTreeSet::new(),
        }
    }
}

impl Applicability {
    pub fn is_excluded(&self) -> bool {
        matches!(self, Applicability::Excluded { .. })
    }
}

/// Status of a planned action.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }
}

/// Priority of an item's action. Ordered: `High > Medium > Low`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Medium,
    High,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
    pub fn label(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Medium => "Medium",
            Priority::High => "High",
        }
    }
}

/// One piece of evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub title: String,
    /// A URL or a document reference ("ISMS-POL-07 v2").
    #[serde(default)]
    pub reference: String,
    /// ISO date `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub date: String,
}

/// What the assessor recorded for one item. The default (blank) response is not assessed,
/// targets maturity 3 ([`Maturity::default`]) and is applicable with no stated reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Response {
    /// `None` = not assessed.
    pub maturity: Option<Maturity>,
    pub target: Maturity,
    pub notes: String,
    pub evidence: Vec<Evidence>,
    pub owner: String,
    /// ISO date `YYYY-MM-DD`, or empty.
    pub due: String,
    pub action: String,
    pub action_status: ActionStatus,
    pub priority: Priority,
    /// Only meaningful for Annex A controls.
    pub applicability: Applicability,
}

impl Response {
    /// True when nothing differs from a fresh response (such responses need not be stored).
    pub fn is_blank(&self) -> bool {
        *self == Response::default()
    }

    pub fn is_excluded(&self) -> bool {
        self.applicability.is_excluded()
    }
}

/// One assessment of one organisation's AI management system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub roles: BTreeSet<AiRole>,
    #[serde(default)]
    pub assessor: String,
    /// RFC 3339 timestamps.
    pub created: String,
    pub updated: String,
    pub schema_version: u32,
    /// Incremented on every saved change; used to detect another tab's newer save.
    #[serde(default)]
    pub revision: u64,
    /// Responses by item id. Items without an entry are blank (not assessed).
    #[serde(default)]
    pub responses: BTreeMap<String, Response>,
    /// When this assessment was last exported to a file (RFC 3339), if ever.
    #[serde(default)]
    pub last_exported: Option<String>,
    /// Edits since the last export (drives the gentle export reminder).
    #[serde(default)]
    pub edits_since_export: u32,
}

impl Assessment {
    /// A new, empty assessment.
    pub fn new(id: impl Into<String>, name: impl Into<String>, now: impl Into<String>) -> Self {
        let now = now.into();
        Assessment {
            id: id.into(),
            name: name.into(),
            organisation: String::new(),
            scope: String::new(),
            roles: BTreeSet::new(),
            assessor: String::new(),
            created: now.clone(),
            updated: now,
            schema_version: SCHEMA_VERSION,
            revision: 0,
            responses: BTreeMap::new(),
            last_exported: None,
            edits_since_export: 0,
        }
    }

    /// The response for an item (a blank one when none was recorded).
    pub fn response(&self, id: &str) -> Response {
        self.responses.get(id).cloned().unwrap_or_default()
    }

    /// Borrow the recorded response, if any.
    pub fn response_ref(&self, id: &str) -> Option<&Response> {
        self.responses.get(id)
    }

    /// Replace an item's response after checking the domain rules: the item exists, clause
    /// requirements are never excluded, an exclusion carries a justification.
    /// Blank responses are removed so that storage and exports stay small.
    pub fn set_response(
        &mut self,
        catalog: &Catalog,
        id: &str,
        response: Response,
    ) -> Result<(), DomainError> {
        check_response(catalog, id, &response)?;
        if response.is_blank() {
            self.responses.remove(id);
        } else {
            self.responses.insert(id.to_string(), response);
        }
        Ok(())
    }

    /// Set only the maturity of an item (the fast workshop path).
    pub fn set_maturity(
        &mut self,
        catalog: &Catalog,
        id: &str,
        maturity: Option<Maturity>,
    ) -> Result<(), DomainError> {
        let mut r = self.response(id);
        r.maturity = maturity;
        self.set_response(catalog, id, r)
    }

    /// Copy as a template for a new client: same structure and targets, applicability kept,
    /// ratings, notes, evidence and actions cleared.
    pub fn duplicate_as_template(
        &self,
        id: impl Into<String>,
        name: impl Into<String>,
        now: impl Into<String>,
    ) -> Assessment {
        let mut copy = Assessment::new(id, name, now);
        copy.scope = self.scope.clone();
        copy.roles = self.roles.clone();
        for (item, r) in &self.responses {
            let kept = Response {
                target: r.target,
                applicability: r.applicability.clone(),
                ..Response::default()
            };
            if !kept.is_blank() {
                copy.responses.insert(item.clone(), kept);
            }
        }
        copy
    }
}

/// Check one response against the domain rules.
pub fn check_response(catalog: &Catalog, id: &str, r: &Response) -> Result<(), DomainError> {
    let item = catalog
        .item(id)
        .ok_or_else(|| DomainError::UnknownItem(id.to_string()))?;
    if let Applicability::Excluded { justification } = &r.applicability {
        if item.part == Part::Clauses {
            return Err(DomainError::ClauseNotExcludable(id.to_string()));
        }
        if justification.trim().is_empty() {
            return Err(DomainError::JustificationRequired(id.to_string()));
        }
    }
    Ok(())
}

/// A named, dated copy of an assessment's responses, for comparing progress over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub id: String,
    pub assessment_id: String,
    pub name: String,
    /// RFC 3339.
    pub taken: String,
    pub responses: BTreeMap<String, Response>,
}

impl Snapshot {
    /// Take a snapshot of the assessment as it is now.
    pub fn of(
        a: &Assessment,
        id: impl Into<String>,
        name: impl Into<String>,
        now: impl Into<String>,
    ) -> Snapshot {
        Snapshot {
            id: id.into(),
            assessment_id: a.id.clone(),
            name: name.into(),
            taken: now.into(),
            responses: a.responses.clone(),
        }
    }
}
