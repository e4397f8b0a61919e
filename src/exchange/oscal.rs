//! OSCAL 1.1.2 exports: assessment results and a plan of action and milestones (POA&M), in JSON,
//! built from typed structs (never by string concatenation).
//!
//! # Mapping
//!
//! - **Control ids.** ISO/IEC 42001 has no official OSCAL catalog, so items are referred to by an
//!   OSCAL-style token derived from their id by [`oscal_control_id`]: Annex A controls are
//!   lower-cased (`A.6.2.4` → `a.6.2.4`); clause requirements, whose ids start with a digit (not
//!   allowed in an OSCAL token), get a `clause-` prefix (`6.1.2` → `clause-6.1.2`). The same id is
//!   used for `control-id` in reviewed controls and for the finding `target-id`
//!   (type `objective-id`).
//! - **Findings.** One per applicable, assessed item (excluded Annex A controls and items not yet
//!   rated have none). `target.status.state` is `satisfied` when maturity ≥ target maturity and
//!   `not-satisfied` otherwise. `target.implementation-status.state` follows the Statement of
//!   Applicability's status ([`ImplStatus`]): maturity 4–5 `implemented`, 2–3 `partial`, 0–1 with
//!   an action `planned`; 0–1 without any action has no implementation status (OSCAL has no
//!   "not implemented" value; the `not-satisfied` status and the `maturity` prop say it).
//! - **Observations.** One per finding, carrying the notes (as description) and each evidence
//!   entry as `relevant-evidence` (with `href` when the reference is an http(s) URL), methods
//!   `EXAMINE` and `INTERVIEW`, collected at the assessment's last update.
//! - **Props.** gap42's own props (maturity, readiness figures, owner, …) carry the namespace
//!   [`GAP42_NS`], as OSCAL requires for names outside the NIST namespace.
//! - **Back matter.** A resource standing in for the assessment plan (`import-ap` points to it
//!   with `#uuid`), one for the ISO/IEC 42001:2023 catalog, and one per catalog item with its id
//!   and title only — no text of the standard.
//! - **UUIDs.** Deterministic version-5 UUIDs ([`stable_uuid`]): SHA-1 of the seed, the
//!   assessment id and the object's role (e.g. `finding` + item id) in the gap42 namespace. The
//!   same inputs always give the same document. The document's own UUID also depends on the
//!   assessment revision and the generation time, so each export of a changed assessment is a new
//!   OSCAL document, while findings and observations keep their UUIDs across exports.
//!
//! Texts are written as given: OSCAL descriptions are Markdown, and gap42 does not reinterpret
//! what the assessor typed. Single-line OSCAL fields (titles, prop values, party names) have their
//! whitespace collapsed, as OSCAL requires.

use serde::Serialize;

use crate::catalog::{Catalog, Item, Part, CATALOG_VERSION};
use crate::domain::{action_plan, score, ActionRow, Assessment, ImplStatus, Readiness, Response};

use super::json::is_rfc3339;

/// OSCAL version the exports conform to.
pub const OSCAL_VERSION: &str = "1.1.2";

/// Namespace of gap42's own OSCAL props. The `.invalid` top-level domain never resolves.
pub const GAP42_NS: &str = "https://gap42.invalid/ns/oscal";

/// RFC 4122 name-space id for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
const NAMESPACE_URL: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

// ---------------------------------------------------------------------------------------------
// UUIDs and ids
// ---------------------------------------------------------------------------------------------

/// An RFC 4122 version-5 (SHA-1, name-based) UUID, lower-case hex.
pub fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut h = sha1_smol::Sha1::new();
    h.update(namespace);
    h.update(name);
    let d = h.digest().bytes();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// gap42's UUID name space: the v5 UUID of the URL [`GAP42_NS`] in the RFC 4122 URL name space.
fn gap42_namespace() -> [u8; 16] {
    let s = uuid_v5(&NAMESPACE_URL, GAP42_NS.as_bytes()).replace('-', "");
    let mut out = [0u8; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    out
}

/// A deterministic UUID for `parts` (e.g. `["finding", "A.6.2.4"]`) of assessment
/// `assessment_id` under `seed`. Parts are length-prefixed, so no two lists collide.
pub fn stable_uuid(seed: &str, assessment_id: &str, parts: &[&str]) -> String {
    let mut name = String::new();
    for p in [seed, assessment_id].iter().chain(parts) {
        name.push_str(&p.len().to_string());
        name.push(':');
        name.push_str(p);
    }
    uuid_v5(&gap42_namespace(), name.as_bytes())
}

/// The OSCAL token used for an item id: `A.6.2.4` → `a.6.2.4`, `6.1.2` → `clause-6.1.2`.
pub fn oscal_control_id(item_id: &str) -> String {
    let lower = item_id.to_ascii_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_alphabetic()) {
        lower
    } else {
        format!("clause-{lower}")
    }
}

/// Collapse whitespace to single spaces and trim (OSCAL single-line strings).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` as a single line, or `fallback` when blank.
fn line_or(s: &str, fallback: &str) -> String {
    let l = one_line(s);
    if l.is_empty() {
        fallback.to_string()
    } else {
        l
    }
}

// ---------------------------------------------------------------------------------------------
// OSCAL structures (the subset gap42 writes)
// ---------------------------------------------------------------------------------------------

/// A property. Values are never empty (empty ones are not emitted).
#[derive(Clone, Debug, Serialize)]
pub struct Prop {
    pub name: String,
    pub value: String,
    pub ns: &'static str,
}

fn prop(name: &str, value: impl AsRef<str>) -> Option<Prop> {
    let value = one_line(value.as_ref());
    (!value.is_empty()).then(|| Prop {
        name: name.to_string(),
        value,
        ns: GAP42_NS,
    })
}

#[derive(Clone, Debug, Serialize)]
struct Link {
    href: String,
    rel: &'static str,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Party {
    uuid: String,
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Metadata {
    title: String,
    last_modified: String,
    version: String,
    oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parties: Vec<Party>,
}

#[derive(Clone, Debug, Serialize)]
struct Href {
    href: String,
}

#[derive(Clone, Debug, Serialize)]
struct IncludeAll {}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct SelectControl {
    control_id: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlSelection {
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    include_all: Option<IncludeAll>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    include_controls: Vec<SelectControl>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct ReviewedControls {
    control_selections: Vec<ControlSelection>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct RelevantEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<String>,
    description: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Actor {
    #[serde(rename = "type")]
    kind: &'static str,
    actor_uuid: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Origin {
    actors: Vec<Actor>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Observation {
    uuid: String,
    title: String,
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    methods: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    origins: Vec<Origin>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relevant_evidence: Vec<RelevantEvidence>,
    collected: String,
}

#[derive(Clone, Debug, Serialize)]
struct State {
    state: &'static str,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct FindingTarget {
    #[serde(rename = "type")]
    kind: &'static str,
    target_id: String,
    title: String,
    status: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    implementation_status: Option<State>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct RelatedObservation {
    observation_uuid: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct RelatedFinding {
    finding_uuid: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Finding {
    uuid: String,
    title: String,
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link>,
    target: FindingTarget,
    related_observations: Vec<RelatedObservation>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct OscalResult {
    uuid: String,
    title: String,
    description: String,
    start: String,
    props: Vec<Prop>,
    reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    observations: Vec<Observation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize)]
struct Citation {
    text: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Resource {
    uuid: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<Citation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
struct BackMatter {
    resources: Vec<Resource>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResults {
    uuid: String,
    metadata: Metadata,
    import_ap: Href,
    results: Vec<OscalResult>,
    back_matter: BackMatter,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct ArDocument {
    assessment_results: AssessmentResults,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct SystemId {
    identifier_type: &'static str,
    id: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PoamItem {
    uuid: String,
    title: String,
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_findings: Vec<RelatedFinding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_observations: Vec<RelatedObservation>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Poam {
    uuid: String,
    metadata: Metadata,
    system_id: SystemId,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    observations: Vec<Observation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    findings: Vec<Finding>,
    poam_items: Vec<PoamItem>,
    back_matter: BackMatter,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PoamDocument {
    plan_of_action_and_milestones: Poam,
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

/// Inputs shared by both documents.
struct Ctx<'a> {
    catalog: &'a Catalog,
    a: &'a Assessment,
    generated: &'a str,
    seed: &'a str,
}

impl Ctx<'_> {
    fn uuid(&self, parts: &[&str]) -> String {
        stable_uuid(self.seed, &self.a.id, parts)
    }

    /// A timestamp from the assessment if valid, else the generation time.
    fn time_or_generated(&self, t: &str) -> String {
        if is_rfc3339(t) {
            t.to_string()
        } else {
            self.generated.to_string()
        }
    }

    fn assessor_uuid(&self) -> Option<String> {
        (!one_line(&self.a.assessor).is_empty()).then(|| self.uuid(&["party", "assessor"]))
    }

    fn metadata(&self, title: String) -> Metadata {
        let mut parties = Vec::new();
        if !one_line(&self.a.organisation).is_empty() {
            parties.push(Party {
                uuid: self.uuid(&["party", "organisation"]),
                kind: "organization",
                name: one_line(&self.a.organisation),
            });
        }
        if let Some(uuid) = self.assessor_uuid() {
            parties.push(Party {
                uuid,
                kind: "person",
                name: one_line(&self.a.assessor),
            });
        }
        Metadata {
            title,
            last_modified: self.generated.to_string(),
            version: self.a.revision.to_string(),
            oscal_version: OSCAL_VERSION,
            props: [
                prop("tool", "gap42"),
                prop("catalog-version", CATALOG_VERSION),
                prop("assessment-id", &self.a.id),
            ]
            .into_iter()
            .flatten()
            .collect(),
            parties,
        }
    }

    fn item_resource_uuid(&self, item: &Item) -> String {
        self.uuid(&["resource", "item", item.id])
    }

    fn plan_resource_uuid(&self) -> String {
        self.uuid(&["resource", "assessment-plan"])
    }

    fn back_matter(&self, with_plan: bool) -> BackMatter {
        let mut resources = Vec::new();
        if with_plan {
            let scope = self.a.scope.trim();
            resources.push(Resource {
                uuid: self.plan_resource_uuid(),
                title: format!(
                    "Assessment plan: {}",
                    line_or(&self.a.name, "gap42 assessment")
                ),
                description: Some(if scope.is_empty() {
                    "Gap assessment against ISO/IEC 42001:2023 made with gap42: every clause \
                     4–10 requirement and every applicable Annex A control rated on a maturity \
                     scale of 0–5 by examination and interview."
                        .to_string()
                } else {
                    format!(
                        "Gap assessment against ISO/IEC 42001:2023 made with gap42: every clause \
                         4–10 requirement and every applicable Annex A control rated on a maturity \
                         scale of 0–5 by examination and interview.\n\nScope: {scope}"
                    )
                }),
                props: Vec::new(),
                citation: None,
                remarks: Some(
                    "gap42 does not produce a separate OSCAL assessment plan; this resource \
                     stands in for it."
                        .to_string(),
                ),
            });
        }
        resources.push(Resource {
            uuid: self.uuid(&["resource", "catalog"]),
            title: "ISO/IEC 42001:2023 Information technology — Artificial intelligence — \
                    Management system"
                .to_string(),
            description: Some(
                "The clause 4–10 requirements and Annex A reference controls assessed, referred \
                 to by id and title only; the text of the standard is not reproduced."
                    .to_string(),
            ),
            props: prop("catalog-version", CATALOG_VERSION)
                .into_iter()
                .collect(),
            citation: Some(Citation {
                text: "ISO/IEC 42001:2023".to_string(),
            }),
            remarks: None,
        });
        for item in &self.catalog.items {
            resources.push(Resource {
                uuid: self.item_resource_uuid(item),
                title: format!("{} {}", item.id, one_line(item.title)),
                description: None,
                props: [
                    prop("control-id", oscal_control_id(item.id)),
                    prop("label", item.id),
                    prop(
                        "part",
                        match item.part {
                            Part::Clauses => "clause",
                            Part::AnnexA => "annex-a",
                        },
                    ),
                ]
                .into_iter()
                .flatten()
                .collect(),
                citation: None,
                remarks: None,
            });
        }
        BackMatter { resources }
    }

    fn finding_uuid(&self, item: &Item) -> String {
        self.uuid(&["finding", item.id])
    }

    fn observation_uuid(&self, item: &Item) -> String {
        self.uuid(&["observation", item.id])
    }

    /// The observation of one assessed item.
    fn observation(&self, item: &Item, r: &Response) -> Observation {
        let notes = r.notes.trim();
        let relevant_evidence = r
            .evidence
            .iter()
            .map(|e| {
                let reference = e.reference.trim();
                let href = (reference.starts_with("https://") || reference.starts_with("http://"))
                    && !reference.contains(char::is_whitespace);
                let mut description = line_or(&e.title, "Evidence");
                if !reference.is_empty() && !href {
                    description.push_str(&format!(" ({})", one_line(reference)));
                }
                if !e.date.trim().is_empty() {
                    description.push_str(&format!(", dated {}", e.date.trim()));
                }
                RelevantEvidence {
                    href: href.then(|| reference.to_string()),
                    description,
                }
            })
            .collect();
        Observation {
            uuid: self.observation_uuid(item),
            title: format!("{} {}", item.id, one_line(item.title)),
            description: if notes.is_empty() {
                "No notes recorded.".to_string()
            } else {
                notes.to_string()
            },
            props: [
                r.maturity
                    .and_then(|m| prop("maturity", m.level().to_string())),
                prop("target-maturity", r.target.level().to_string()),
            ]
            .into_iter()
            .flatten()
            .collect(),
            methods: vec!["EXAMINE", "INTERVIEW"],
            origins: self
                .assessor_uuid()
                .map(|actor_uuid| Origin {
                    actors: vec![Actor {
                        kind: "party",
                        actor_uuid,
                    }],
                })
                .into_iter()
                .collect(),
            relevant_evidence,
            collected: self.time_or_generated(&self.a.updated),
        }
    }

    /// The finding of one assessed item (`None` when not assessed).
    fn finding(&self, item: &Item, r: &Response) -> Option<Finding> {
        let m = r.maturity?;
        let satisfied = m >= r.target;
        let implementation = match ImplStatus::of(Some(m), &r.action) {
            ImplStatus::Implemented => Some("implemented"),
            ImplStatus::Partial => Some("partial"),
            ImplStatus::Planned => Some("planned"),
            _ => None,
        };
        Some(Finding {
            uuid: self.finding_uuid(item),
            title: format!("{} {}", item.id, one_line(item.title)),
            description: format!(
                "Maturity {} ({}) against a target of {} ({}): {}.",
                m.level(),
                m.label(),
                r.target.level(),
                r.target.label(),
                if satisfied {
                    "target met"
                } else {
                    "below target"
                }
            ),
            props: [
                prop("maturity", m.level().to_string()),
                prop("target-maturity", r.target.level().to_string()),
                prop(
                    "gap",
                    r.target.level().saturating_sub(m.level()).to_string(),
                ),
                prop("priority", r.priority.label()),
            ]
            .into_iter()
            .flatten()
            .collect(),
            links: vec![Link {
                href: format!("#{}", self.item_resource_uuid(item)),
                rel: "reference",
            }],
            target: FindingTarget {
                kind: "objective-id",
                target_id: oscal_control_id(item.id),
                title: format!("{} {}", item.id, one_line(item.title)),
                status: State {
                    state: if satisfied {
                        "satisfied"
                    } else {
                        "not-satisfied"
                    },
                },
                implementation_status: implementation.map(|state| State { state }),
            },
            related_observations: vec![RelatedObservation {
                observation_uuid: self.observation_uuid(item),
            }],
        })
    }

    /// Applicable items with their responses, in catalog order.
    fn applicable(&self) -> impl Iterator<Item = (&Item, Option<&Response>)> + '_ {
        self.catalog.items.iter().filter_map(|item| {
            let r = self.a.responses.get(item.id);
            let excluded = item.part == Part::AnnexA && r.is_some_and(Response::is_excluded);
            (!excluded).then_some((item, r))
        })
    }
}

fn readiness_props(name: &str, r: &Readiness) -> Vec<Prop> {
    let pct = |v: Option<u32>| v.map_or_else(|| "not-assessed".to_string(), |p| p.to_string());
    [
        prop(&format!("readiness-{name}"), pct(r.percent())),
        prop(&format!("coverage-{name}"), pct(r.coverage_percent())),
        prop(&format!("target-readiness-{name}"), pct(r.target_percent())),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn to_pretty<T: Serialize>(v: &T) -> String {
    // Strings, vectors and plain structs only: serialising to a string cannot fail.
    let mut out = serde_json::to_string_pretty(v).expect("plain data serialises to JSON");
    out.push('\n');
    out
}

/// OSCAL 1.1.2 assessment results (JSON) for an assessment.
///
/// `generated` is the export time (RFC 3339 with offset, e.g. `2025-01-31T09:30:00Z`), written as
/// `metadata.last-modified`. `uuid_seed` is mixed into every UUID: the same assessment, time and
/// seed always give the same bytes. Pass `""` unless you need UUIDs distinct from another export
/// of the same assessment (for instance, a copy shared with a different party).
pub fn assessment_results(
    catalog: &Catalog,
    a: &Assessment,
    generated: &str,
    uuid_seed: &str,
) -> String {
    let ctx = Ctx {
        catalog,
        a,
        generated,
        seed: uuid_seed,
    };
    let scores = score(catalog, &a.responses);
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    for (item, r) in ctx.applicable() {
        let Some(r) = r else { continue };
        if let Some(f) = ctx.finding(item, r) {
            observations.push(ctx.observation(item, r));
            findings.push(f);
        }
    }
    let any_excluded = ctx.applicable().count() < catalog.items.len();
    let selection = if any_excluded {
        ControlSelection {
            description: "Every clause 4–10 requirement and every Annex A control not excluded \
                          in the Statement of Applicability."
                .to_string(),
            include_all: None,
            include_controls: ctx
                .applicable()
                .map(|(item, _)| SelectControl {
                    control_id: oscal_control_id(item.id),
                })
                .collect(),
        }
    } else {
        ControlSelection {
            description: "Every clause 4–10 requirement and every Annex A control.".to_string(),
            include_all: Some(IncludeAll {}),
            include_controls: Vec::new(),
        }
    };
    let mut props = readiness_props("overall", &scores.overall);
    props.extend(readiness_props("clauses", &scores.clauses));
    props.extend(readiness_props("annex-a", &scores.annex_a));
    props.extend(
        [
            prop("items-applicable", scores.overall.applicable.to_string()),
            prop("items-assessed", scores.overall.assessed.to_string()),
            prop("items-excluded", scores.overall.excluded.to_string()),
        ]
        .into_iter()
        .flatten(),
    );
    let name = line_or(&a.name, "gap42 assessment");
    let revision = a.revision.to_string();
    let doc = ArDocument {
        assessment_results: AssessmentResults {
            uuid: ctx.uuid(&["assessment-results", &revision, generated]),
            metadata: ctx.metadata(format!("ISO/IEC 42001:2023 gap assessment results: {name}")),
            import_ap: Href {
                href: format!("#{}", ctx.plan_resource_uuid()),
            },
            results: vec![OscalResult {
                uuid: ctx.uuid(&["result"]),
                title: format!("Gap assessment: {name}"),
                description: format!(
                    "Readiness against ISO/IEC 42001:2023 as recorded in gap42. Readiness scores \
                     each applicable item min(maturity, 4) / 4; see the props for the figures.{}",
                    if a.organisation.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" Organisation: {}.", one_line(&a.organisation))
                    }
                ),
                start: ctx.time_or_generated(&a.created),
                props,
                reviewed_controls: ReviewedControls {
                    control_selections: vec![selection],
                },
                observations,
                findings,
            }],
            back_matter: ctx.back_matter(true),
        },
    };
    to_pretty(&doc)
}

/// OSCAL 1.1.2 plan of action and milestones (JSON): one POA&M item per row of the action plan
/// ([`action_plan`] on the date part of `generated`), each related to its finding and
/// observation, which the document carries too. Arguments as for [`assessment_results`].
pub fn poam(catalog: &Catalog, a: &Assessment, generated: &str, uuid_seed: &str) -> String {
    let ctx = Ctx {
        catalog,
        a,
        generated,
        seed: uuid_seed,
    };
    let today = generated.get(..10).unwrap_or("");
    let rows: Vec<ActionRow> = action_plan(catalog, &a.responses, today);
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    let mut items = Vec::new();
    for row in &rows {
        let (Some(item), Some(r)) = (catalog.item(row.id), a.responses.get(row.id)) else {
            continue;
        };
        let Some(finding) = ctx.finding(item, r) else {
            continue;
        };
        observations.push(ctx.observation(item, r));
        let action = row.action.trim();
        items.push(PoamItem {
            uuid: ctx.uuid(&["poam-item", item.id]),
            title: format!(
                "{} {}: raise maturity from {} to {}",
                item.id,
                one_line(item.title),
                row.maturity.level(),
                row.target.level()
            ),
            description: if action.is_empty() {
                "No action recorded yet.".to_string()
            } else {
                action.to_string()
            },
            props: [
                prop("owner", &row.owner),
                prop("due-date", &row.due),
                prop("priority", row.priority.label()),
                prop("action-status", row.status.label()),
                prop("maturity", row.maturity.level().to_string()),
                prop("target-maturity", row.target.level().to_string()),
                prop("gap", row.gap.to_string()),
                prop("overdue", if row.overdue { "true" } else { "false" }),
            ]
            .into_iter()
            .flatten()
            .collect(),
            related_findings: vec![RelatedFinding {
                finding_uuid: finding.uuid.clone(),
            }],
            related_observations: vec![RelatedObservation {
                observation_uuid: ctx.observation_uuid(item),
            }],
        });
        findings.push(finding);
    }
    let name = line_or(&a.name, "gap42 assessment");
    let revision = a.revision.to_string();
    let doc = PoamDocument {
        plan_of_action_and_milestones: Poam {
            uuid: ctx.uuid(&["poam", &revision, generated]),
            metadata: ctx.metadata(format!(
                "ISO/IEC 42001:2023 plan of action and milestones: {name}"
            )),
            system_id: SystemId {
                identifier_type: "https://ietf.org/rfc/rfc4122",
                id: ctx.uuid(&["system"]),
            },
            observations,
            findings,
            poam_items: items,
            back_matter: ctx.back_matter(false),
        },
    };
    to_pretty(&doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v5_matches_rfc_example() {
        // uuid5(NAMESPACE_DNS, "python.org") from Python's uuid module documentation.
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_v5(&dns, b"python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }

    #[test]
    fn ids() {
        assert_eq!(oscal_control_id("A.6.2.4"), "a.6.2.4");
        assert_eq!(oscal_control_id("6.1.2"), "clause-6.1.2");
        assert_ne!(stable_uuid("", "ab", &["c"]), stable_uuid("", "a", &["bc"]));
    }
}
