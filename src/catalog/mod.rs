//! The standard as data: ISO/IEC 42001:2023 ids and titles (from the verified reference tables),
//! our own-words guidance for every requirement and control, and the loader that joins them.
//!
//! The data lives in plain text files under `src/catalog/data/`, embedded at build time:
//! - `iso42001-*.tsv` — ids and titles, copied verbatim from `shared/reference/`;
//! - `crosswalk-nist-ai-rmf.tsv` — the NIST AI RMF crosswalk (with its provenance, see [`CROSSWALK_PROVENANCE`]);
//! - `clauses.txt`, `annex_a.txt` — guidance written in our own words (see the header of either file).
//!
//! Nothing here copies the standard's text.

mod parse;

pub use parse::CatalogError;

use std::sync::OnceLock;

/// Version of the catalog data (ids, titles and guidance). Bump when the guidance changes.
pub const CATALOG_VERSION: &str = "iso42001:2023/gap42-guidance-1";

/// Where the NIST AI RMF mapping comes from; shown wherever a mapping is shown.
pub const CROSSWALK_PROVENANCE: &str = "Mapping from Microsoft's \"NIST AI RMF to ISO/IEC FDIS 42001 AI Management system Crosswalk\", listed on the NIST AI Resource Center (a listing is not an endorsement by NIST). Written against the final draft, whose Annex B ids equal the published Annex A ids.";

/// The two parts of the standard that gap42 assesses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Clauses 4–10: the management-system requirements. Never excludable.
    Clauses,
    /// Annex A reference controls. Excludable with a justification in the SoA.
    AnnexA,
}

impl Part {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Part::Clauses => "Clauses 4–10",
            Part::AnnexA => "Annex A controls",
        }
    }
}

/// Kind of a clause row in the reference table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    /// Top-level clause (4–10).
    Clause,
    /// Has sub-clauses and no requirement of its own (6.1, 7.5, 9.2, 9.3).
    Heading,
    /// An assessable requirement leaf.
    Requirement,
}

/// One row of clauses 4–10 (43 rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseRow {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: ClauseKind,
}

/// A group of items: a top-level clause (`"4"`) or an Annex A category (`"A.2"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: &'static str,
    pub title: &'static str,
    pub part: Part,
}

/// An Annex A objective inside a category (only A.6 has them: A.6.1 and A.6.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Objective {
    pub id: &'static str,
    pub title: &'static str,
    pub category: &'static str,
}

/// Our own-words guidance for one assessable item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Guidance {
    /// One paragraph: what the item asks of the organisation.
    pub summary: &'static str,
    /// 2–4 kinds of evidence an auditor typically expects to see.
    pub evidence: Vec<&'static str>,
    /// 1–3 interview questions an assessor can ask.
    pub questions: Vec<&'static str>,
}

/// An assessable item: one of the 32 clause requirements or one of the 38 Annex A controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub title: &'static str,
    pub part: Part,
    /// Top-level clause (`"6"`) or Annex A category (`"A.6"`).
    pub group: &'static str,
    /// Heading or objective directly above, when there is one (`"6.1"`, `"A.6.2"`).
    pub parent: Option<&'static str>,
    /// Whether the item requires documented information to exist.
    pub doc_required: bool,
    pub guidance: Guidance,
}

impl Item {
    /// Id namespaced for places where ISO/IEC 27001 Annex A ids could meet ours (`42001:A.6.2.4`).
    pub fn qualified_id(&self) -> String {
        format!("42001:{}", self.id)
    }
}

/// Whether documented information is maintained (a document) or retained (a record).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocType {
    Document,
    Record,
}

impl DocType {
    pub fn label(self) -> &'static str {
        match self {
            DocType::Document => "document (maintained)",
            DocType::Record => "record (retained)",
        }
    }
}

/// One of the 20 documented-information items that clauses 4–10 explicitly require.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocInfo {
    /// Clause that requires it.
    pub clause: &'static str,
    pub title: &'static str,
    pub doc_type: DocType,
}

/// One row of the NIST AI RMF crosswalk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    pub iso_id: &'static str,
    pub nist: &'static str,
    /// Set when the source itself has a fault in this row.
    pub note: &'static str,
}

/// The whole catalog.
#[derive(Debug)]
pub struct Catalog {
    pub version: &'static str,
    /// The 43 rows of clauses 4–10, in order.
    pub clause_rows: Vec<ClauseRow>,
    /// 7 clauses then 9 Annex A categories.
    pub groups: Vec<Group>,
    /// A.6.1 and A.6.2.
    pub objectives: Vec<Objective>,
    /// 32 requirements then 38 controls, in the standard's order.
    pub items: Vec<Item>,
    pub doc_info: Vec<DocInfo>,
    pub crosswalk: Vec<Mapping>,
}

const CLAUSES_TSV: &str = include_str!("data/iso42001-clauses.tsv");
const OBJECTIVES_TSV: &str = include_str!("data/iso42001-annex-a-objectives.tsv");
const CONTROLS_TSV: &str = include_str!("data/iso42001-annex-a.tsv");
const DOCINFO_TSV: &str = include_str!("data/iso42001-documented-information.tsv");
const CROSSWALK_TSV: &str = include_str!("data/crosswalk-nist-ai-rmf.tsv");
const CLAUSE_GUIDANCE: &str = include_str!("data/clauses.txt");
const CONTROL_GUIDANCE: &str = include_str!("data/annex_a.txt");

/// The embedded catalog, parsed once. The embedded data is validated by the native test suite
/// (`tests/catalog.rs`), so a parse failure here can only come from a broken build.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("embedded catalog is validated by tests"))
}

impl Catalog {
    /// Parse the embedded data files.
    pub fn embedded() -> Result<Catalog, CatalogError> {
        parse::build(parse::Sources {
            clauses: CLAUSES_TSV,
            objectives: OBJECTIVES_TSV,
            controls: CONTROLS_TSV,
            doc_info: DOCINFO_TSV,
            crosswalk: CROSSWALK_TSV,
            guidance: &[CLAUSE_GUIDANCE, CONTROL_GUIDANCE],
        })
    }

    /// An assessable item by id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Position of an item in [`Catalog::items`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// Items of one part, in order.
    pub fn items_of(&self, part: Part) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.part == part)
    }

    /// Items of one group, in order.
    pub fn items_in_group<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.group == group)
    }

    /// Groups of one part.
    pub fn groups_of(&self, part: Part) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(move |g| g.part == part)
    }

    /// A group by id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Title of any clause row, category or objective.
    pub fn title_of(&self, id: &str) -> Option<&'static str> {
        self.clause_rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.title)
            .or_else(|| self.groups.iter().find(|g| g.id == id).map(|g| g.title))
            .or_else(|| self.objectives.iter().find(|o| o.id == id).map(|o| o.title))
            .or_else(|| self.item(id).map(|i| i.title))
    }

    /// NIST AI RMF subcategories mapped to an item.
    pub fn nist_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Mapping> + 'a {
        self.crosswalk.iter().filter(move |m| m.iso_id == id)
    }

    /// Documented-information items required by one clause.
    pub fn doc_info_for<'a>(&'a self, clause: &'a str) -> impl Iterator<Item = &'a DocInfo> + 'a {
        self.doc_info.iter().filter(move |d| d.clause == clause)
    }
}
