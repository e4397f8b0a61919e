//! Shared helpers for the exchange tests: a realistic sample assessment.
#![allow(dead_code)]

use std::collections::BTreeSet;

use gap42::catalog::catalog;
use gap42::domain::{
    ActionStatus, AiRole, Applicability, Assessment, Evidence, InclusionReason, Maturity, Priority,
    Response, Snapshot,
};
use gap42::exchange::AssessmentFile;

/// Path of a fixture file.
pub fn fixture(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn m(level: u8) -> Maturity {
    Maturity::new(level).expect("0-5")
}

/// A realistic assessment touching every field, with unicode and markup-looking text.
pub fn sample() -> Assessment {
    let c = catalog();
    let mut a = Assessment::new("asm-2025-acme", "ACME AI readiness", "2025-01-31T09:30:00Z");
    a.organisation = "ACME Robotik GmbH — Zürich".into();
    a.scope = "All ML models in the «Vision» product line.\nExcludes R&D sandboxes.".into();
    a.roles = [AiRole::Provider, AiRole::Producer].into_iter().collect();
    a.assessor = "Zoë Ångström".into();
    a.updated = "2025-02-14T16:05:07.123Z".into();
    a.revision = 42;
    a.last_exported = Some("2025-02-01T08:00:00+01:00".into());
    a.edits_since_export = 7;
    let set = |a: &mut Assessment, id: &str, r: Response| {
        a.set_response(c, id, r).expect("valid sample response");
    };
    set(
        &mut a,
        "4.1",
        Response {
            maturity: Some(m(4)),
            target: m(4),
            notes: "Context analysis done in the 2024 strategy review.".into(),
            evidence: vec![Evidence {
                title: "Strategy review minutes".into(),
                reference: "https://intranet.example/strategy/2024".into(),
                date: "2024-11-03".into(),
            }],
            ..Response::default()
        },
    );
    set(
        &mut a,
        "6.1.2",
        Response {
            maturity: Some(m(1)),
            target: m(3),
            notes: "Risk assessment is ad hoc. <script>alert('x')</script> & \"quotes\"".into(),
            owner: "=HYPERLINK(\"http://evil\")".into(),
            due: "2025-06-30".into(),
            action: "Define an AI risk assessment process; 中文 テスト 🚀".into(),
            action_status: ActionStatus::InProgress,
            priority: Priority::High,
            ..Response::default()
        },
    );
    set(
        &mut a,
        "A.6.2.4",
        Response {
            maturity: Some(m(2)),
            target: m(4),
            notes: "Verification partly documented.".into(),
            evidence: vec![
                Evidence {
                    title: "Test plan".into(),
                    reference: "QA-PLAN-07 v2".into(),
                    date: String::new(),
                },
                Evidence {
                    title: "+Validation report".into(),
                    reference: String::new(),
                    date: "2025-01-15".into(),
                },
            ],
            owner: "Head of QA".into(),
            due: "2025-03-31".into(),
            action: "Write the verification and validation procedure.".into(),
            applicability: Applicability::Applicable {
                reasons: [InclusionReason::RiskTreatment, InclusionReason::Contractual]
                    .into_iter()
                    .collect(),
            },
            ..Response::default()
        },
    );
    set(
        &mut a,
        "A.10.4",
        Response {
            applicability: Applicability::Excluded {
                justification: "We have no customers: internal use only.".into(),
            },
            ..Response::default()
        },
    );
    set(
        &mut a,
        "A.2.2",
        Response {
            maturity: Some(m(5)),
            target: m(3),
            applicability: Applicability::Applicable {
                reasons: BTreeSet::from([InclusionReason::BestPractice]),
            },
            ..Response::default()
        },
    );
    set(
        &mut a,
        "5.2",
        Response {
            maturity: Some(m(0)),
            action: String::new(),
            ..Response::default()
        },
    );
    a
}

/// The sample with two snapshots.
pub fn sample_file() -> AssessmentFile {
    let a = sample();
    let mut older = a.clone();
    older.responses.remove("A.2.2");
    let s1 = Snapshot::of(&older, "snap-1", "Kick-off", "2025-01-31T10:00:00Z");
    let s2 = Snapshot::of(&a, "snap-2", "After workshop 1", "2025-02-14T17:00:00Z");
    AssessmentFile {
        assessment: a,
        snapshots: vec![s1, s2],
    }
}

/// A second, small assessment for backups.
pub fn second() -> AssessmentFile {
    let mut a = Assessment::new("asm-beta", "Beta Ltd", "2025-03-01T12:00:00Z");
    a.set_maturity(catalog(), "9.2.1", Some(m(3)))
        .expect("valid");
    AssessmentFile {
        assessment: a,
        snapshots: Vec::new(),
    }
}
