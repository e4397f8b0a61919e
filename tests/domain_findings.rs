//! Predicted audit findings (R1–R5), the verdict, and the documented-information checklist.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use gap42::catalog::{catalog, DocType};
use gap42::domain::*;

#[path = "domain_support/mod.rs"]
mod support;
use support::*;

fn excluded(level: Option<u8>) -> Response {
    Response {
        maturity: level.map(m),
        applicability: Applicability::Excluded {
            justification: "Out of scope".into(),
        },
        ..Response::default()
    }
}

/// Every item rated `level`, then the overrides.
fn all_at(level: u8, overrides: Vec<(&str, Response)>) -> BTreeMap<String, Response> {
    let mut r: BTreeMap<String, Response> = catalog()
        .items
        .iter()
        .map(|i| (i.id.to_string(), rated(level)))
        .collect();
    for (k, v) in overrides {
        r.insert(k.to_string(), v);
    }
    r
}

fn summary(p: &Prediction) -> Vec<(Severity, Rule, &'static str)> {
    p.findings
        .iter()
        .map(|f| (f.severity, f.rule, f.item))
        .collect()
}

#[test]
fn labels_codes_and_order() {
    assert!(Severity::Major < Severity::Minor && Severity::Minor < Severity::Observation);
    assert_eq!(Severity::Major.label(), "Major nonconformity");
    assert_eq!(Severity::Minor.label(), "Minor nonconformity");
    assert_eq!(Severity::Observation.label(), "Observation");
    let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(codes, ["R1", "R2", "R3", "R4", "R5"]);
    assert!(Rule::ALL.iter().all(|r| r.text().ends_with('.')));
    assert_eq!(Verdict::NotAssessed.label(), "Not assessed");
    assert_eq!(
        Verdict::NotReady.label(),
        "Not ready for certification audit"
    );
    assert_eq!(
        Verdict::ReadyWithGaps.label(),
        "Ready for Stage 1, with gaps to close before Stage 2"
    );
    assert_eq!(Verdict::Ready.label(), "Ready for certification audit");
    assert_eq!(
        Verdict::Incomplete.label(),
        "Incomplete: no major found so far, keep assessing"
    );
    assert!(!VERDICT_RULE.is_empty());
}

#[test]
fn nothing_assessed_gives_no_findings_and_no_verdict() {
    let p = predict(catalog(), &BTreeMap::new());
    assert!(p.findings.is_empty());
    assert_eq!((p.majors, p.minors, p.observations), (0, 0, 0));
    assert_eq!(p.verdict, Verdict::NotAssessed);
}

#[test]
fn only_excluded_ratings_is_still_not_assessed() {
    let p = predict(catalog(), &map(vec![("A.2.2", excluded(Some(0)))]));
    assert!(p.findings.is_empty());
    assert_eq!(p.verdict, Verdict::NotAssessed);
}

#[test]
fn r1_low_maturity_is_major() {
    for level in [0, 1] {
        let p = predict(catalog(), &map(vec![("4.1", rated(level))]));
        assert_eq!(
            summary(&p),
            [(Severity::Major, Rule::LowMaturity, "4.1")],
            "level {level}"
        );
        let f = &p.findings[0];
        assert_eq!(f.group, "4");
        assert_eq!(f.title, "Understanding the organization and its context");
        assert!(
            f.detail.starts_with(&format!("Rated {level} (")),
            "{}",
            f.detail
        );
        assert!(!f.escalated && f.related.is_empty());
        assert_eq!(p.majors, 1);
        assert_eq!(p.verdict, Verdict::NotReady);
    }
    let p = predict(catalog(), &map(vec![("4.1", rated(1))]));
    assert_eq!(
        p.findings[0].detail,
        "Rated 1 (Initial / ad hoc): an applicable item at 0–1 predicts a major nonconformity."
    );
}

#[test]
fn r2_missing_documented_information_is_one_major_per_document() {
    // 5.2 requires the AI policy: R1 for the clause and R2 for the document.
    let p = predict(catalog(), &map(vec![("5.2", rated(1))]));
    assert_eq!(
        summary(&p),
        [
            (Severity::Major, Rule::LowMaturity, "5.2"),
            (Severity::Major, Rule::MissingDocumentedInformation, "5.2"),
        ]
    );
    assert_eq!(p.findings[1].title, "AI policy");
    assert_eq!(p.findings[1].group, "5");
    assert_eq!(p.majors, 2);

    // 6.1.3 requires three documents: three R2 majors plus the R1.
    let p = predict(catalog(), &map(vec![("6.1.3", rated(0))]));
    let r2: Vec<&str> = p
        .findings
        .iter()
        .filter(|f| f.rule == Rule::MissingDocumentedInformation)
        .map(|f| f.title)
        .collect();
    assert_eq!(r2.len(), 3);
    assert!(r2.contains(&"AI risk treatment process"));
    assert_eq!(p.majors, 4);
}

#[test]
fn r2_not_raised_for_partial_or_unknown_documents() {
    let p = predict(catalog(), &map(vec![("5.2", rated(2))]));
    assert_eq!(
        summary(&p),
        [(Severity::Minor, Rule::PartialImplementation, "5.2")]
    );
    let p = predict(catalog(), &map(vec![("4.1", rated(4))]));
    assert!(p.findings.is_empty(), "unassessed 5.2 must not raise R2");
}

#[test]
fn doc_checklist_statuses_follow_the_requiring_clause() {
    let empty = doc_checklist(catalog(), &BTreeMap::new());
    assert_eq!(empty.len(), 20);
    assert!(empty
        .iter()
        .all(|c| c.status == DocStatus::Unknown && c.maturity.is_none()));

    let r = map(vec![
        ("4.3", rated(3)),
        ("4.4", rated(2)),
        ("5.2", rated(1)),
        ("6.2", rated(0)),
        ("6.1.3", rated(5)),
    ]);
    let list = doc_checklist(catalog(), &r);
    let status = |clause: &str| -> Vec<DocStatus> {
        list.iter()
            .filter(|c| c.doc.clause == clause)
            .map(|c| c.status)
            .collect()
    };
    assert_eq!(status("4.3"), [DocStatus::InPlace]);
    assert_eq!(status("4.4"), [DocStatus::Partial]);
    assert_eq!(status("5.2"), [DocStatus::Missing]);
    assert_eq!(status("6.2"), [DocStatus::Missing]);
    assert_eq!(status("6.1.3"), [DocStatus::InPlace; 3]);
    assert_eq!(status("7.2"), [DocStatus::Unknown]);
    let policy = list.iter().find(|c| c.doc.clause == "5.2").unwrap();
    assert_eq!(policy.maturity, Some(m(1)));
    assert_eq!(policy.doc.title, "AI policy");
    assert_eq!(policy.doc.doc_type, DocType::Document);
    // Catalog order is kept.
    assert_eq!(list[0].doc.clause, "4.3");
    assert_eq!(list[19].doc.clause, "10.2");
    assert_eq!(DocStatus::from_maturity(Some(m(3))), DocStatus::InPlace);
    assert_eq!(DocStatus::from_maturity(Some(m(2))), DocStatus::Partial);
    assert_eq!(DocStatus::Missing.label(), "Missing");
}

#[test]
fn r3_partial_is_minor() {
    let p = predict(catalog(), &map(vec![("A.2.2", rated(2))]));
    assert_eq!(
        summary(&p),
        [(Severity::Minor, Rule::PartialImplementation, "A.2.2")]
    );
    assert!(!p.findings[0].escalated);
    assert_eq!((p.majors, p.minors), (0, 1));
    assert_eq!(p.verdict, Verdict::Incomplete);
}

#[test]
fn r4_one_minor_in_a_group_does_not_escalate() {
    let p = predict(
        catalog(),
        &map(vec![("A.2.2", rated(2)), ("A.3.2", rated(2))]),
    );
    assert!(p.findings.iter().all(|f| f.rule != Rule::SystemicMinors));
    assert!(p.findings.iter().all(|f| !f.escalated));
    assert_eq!((p.majors, p.minors), (0, 2));
}

#[test]
fn r4_two_minors_in_a_category_escalate() {
    let p = predict(
        catalog(),
        &map(vec![("A.2.2", rated(2)), ("A.2.4", rated(2))]),
    );
    assert_eq!(
        summary(&p),
        [
            (Severity::Major, Rule::SystemicMinors, "A.2"),
            (Severity::Minor, Rule::PartialImplementation, "A.2.2"),
            (Severity::Minor, Rule::PartialImplementation, "A.2.4"),
        ]
    );
    let sys = &p.findings[0];
    assert_eq!(sys.group, "A.2");
    assert_eq!(sys.title, "Policies related to AI");
    assert_eq!(sys.related, ["A.2.2", "A.2.4"]);
    assert!(!sys.escalated);
    assert!(p.findings[1].escalated && p.findings[2].escalated);
    assert_eq!((p.majors, p.minors, p.observations), (1, 2, 0));
    assert_eq!(p.verdict, Verdict::NotReady);
}

#[test]
fn r4_applies_to_top_level_clauses_across_headings() {
    // 6.1.2 (under heading 6.1) and 6.3 share top-level clause 6.
    let p = predict(
        catalog(),
        &map(vec![("6.1.2", rated(2)), ("6.3", rated(2))]),
    );
    let sys: Vec<&Finding> = p
        .findings
        .iter()
        .filter(|f| f.rule == Rule::SystemicMinors)
        .collect();
    assert_eq!(sys.len(), 1);
    assert_eq!(sys[0].item, "6");
    assert_eq!(sys[0].related, ["6.1.2", "6.3"]);
    assert_eq!((p.majors, p.minors), (1, 2));
}

#[test]
fn r4_ignores_excluded_and_unassessed_controls() {
    let p = predict(
        catalog(),
        &map(vec![
            ("A.2.2", rated(2)),
            ("A.2.3", excluded(Some(2))),
            ("A.2.4", Response::default()),
        ]),
    );
    assert_eq!(
        summary(&p),
        [(Severity::Minor, Rule::PartialImplementation, "A.2.2")]
    );
}

#[test]
fn r5_largely_implemented_below_a_high_target_is_an_observation() {
    for target in [4, 5] {
        let p = predict(catalog(), &map(vec![("A.5.2", rated_target(3, target))]));
        assert_eq!(
            summary(&p),
            [(Severity::Observation, Rule::BelowTarget, "A.5.2")],
            "target {target}"
        );
        assert_eq!(p.observations, 1);
    }
    // Default target 3: nothing. Rated 4 with target 5: nothing (R5 is for exactly 3).
    assert!(predict(catalog(), &map(vec![("A.5.2", rated(3))]))
        .findings
        .is_empty());
    assert!(
        predict(catalog(), &map(vec![("A.5.2", rated_target(4, 5))]))
            .findings
            .is_empty()
    );
}

#[test]
fn excluded_and_unassessed_items_produce_nothing() {
    let p = predict(
        catalog(),
        &map(vec![
            ("A.6.2.2", excluded(Some(0))),
            ("A.6.2.3", excluded(Some(2))),
            (
                "A.6.2.4",
                Response {
                    target: m(5),
                    ..Response::default()
                },
            ),
            ("4.1", rated(4)),
        ]),
    );
    assert!(p.findings.is_empty());
}

#[test]
fn findings_sorted_by_severity_then_catalog_order() {
    let r = map(vec![
        ("A.10.2", rated(0)),
        ("4.1", rated(2)),
        ("A.2.2", rated_target(3, 4)),
        ("4.2", rated(0)),
        ("A.3.2", rated(2)),
    ]);
    let p = predict(catalog(), &r);
    assert_eq!(
        summary(&p),
        [
            (Severity::Major, Rule::LowMaturity, "4.2"),
            (Severity::Major, Rule::LowMaturity, "A.10.2"),
            (Severity::Minor, Rule::PartialImplementation, "4.1"),
            (Severity::Minor, Rule::PartialImplementation, "A.3.2"),
            (Severity::Observation, Rule::BelowTarget, "A.2.2"),
        ]
    );
    assert_eq!(p.of_severity(Severity::Minor).count(), 2);
}

#[test]
fn verdict_ready_when_everything_assessed_without_nonconformities() {
    let p = predict(catalog(), &all_at(4, vec![]));
    assert!(p.findings.is_empty());
    assert_eq!(p.verdict, Verdict::Ready);
    assert!(p.reason.contains("70"), "{}", p.reason);

    // Observations do not block; exclusions do not count as gaps.
    let p = predict(
        catalog(),
        &all_at(
            4,
            vec![("A.7.2", rated_target(3, 5)), ("A.7.3", excluded(None))],
        ),
    );
    assert_eq!(p.observations, 1);
    assert_eq!(p.verdict, Verdict::Ready);
    assert!(p.reason.contains("69"), "{}", p.reason);
}

#[test]
fn verdict_ready_with_gaps_on_minors_incomplete_on_unassessed_items() {
    let p = predict(catalog(), &all_at(4, vec![("A.7.2", rated(2))]));
    assert_eq!(p.verdict, Verdict::ReadyWithGaps);
    assert!(p.reason.contains("1 minor nonconformity"), "{}", p.reason);

    // One unrated item is enough to withhold any "ready" verdict.
    let p = predict(catalog(), &all_at(4, vec![("A.7.2", Response::default())]));
    assert!(p.findings.is_empty());
    assert_eq!(p.verdict, Verdict::Incomplete);
    assert!(p.reason.contains("1 of 70"), "{}", p.reason);

    // A single good rating is far from ready.
    let p = predict(catalog(), &map(vec![("4.1", rated(4))]));
    assert_eq!(p.verdict, Verdict::Incomplete);
    assert!(p.reason.contains("69 of 70"), "{}", p.reason);
}

#[test]
fn verdict_not_ready_on_any_major() {
    let p = predict(catalog(), &all_at(4, vec![("A.7.2", rated(1))]));
    assert_eq!(p.majors, 1);
    assert_eq!(p.verdict, Verdict::NotReady);
    assert!(p.reason.contains("1 major nonconformity"), "{}", p.reason);

    // A systemic major alone (two minors) also blocks.
    let p = predict(
        catalog(),
        &all_at(4, vec![("A.7.2", rated(2)), ("A.7.6", rated(2))]),
    );
    assert_eq!((p.majors, p.minors), (1, 2));
    assert_eq!(p.verdict, Verdict::NotReady);
}
