//! Domain rules of the assessment model: exclusions, maturity range, templates.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use gap42::catalog::catalog;
use gap42::domain::*;

fn m(level: u8) -> Maturity {
    Maturity::new(level).unwrap()
}

fn exclusion(justification: &str) -> Response {
    Response {
        applicability: Applicability::Excluded {
            justification: justification.into(),
        },
        ..Response::default()
    }
}

#[test]
fn set_response_refuses_clause_exclusion() {
    let mut a = Assessment::new("a1", "Acme", "2024-01-01T00:00:00Z");
    let err = a
        .set_response(catalog(), "4.1", exclusion("Not relevant to us"))
        .unwrap_err();
    assert_eq!(err, DomainError::ClauseNotExcludable("4.1".into()));
    assert!(a.responses.is_empty());
}

#[test]
fn set_response_refuses_blank_justification() {
    let mut a = Assessment::new("a1", "Acme", "2024-01-01T00:00:00Z");
    for blank in ["", "   ", "\n\t"] {
        let err = a
            .set_response(catalog(), "A.2.2", exclusion(blank))
            .unwrap_err();
        assert_eq!(err, DomainError::JustificationRequired("A.2.2".into()));
    }
    assert!(a.responses.is_empty());
    a.set_response(catalog(), "A.2.2", exclusion("No AI policy scope"))
        .unwrap();
    assert!(a.responses["A.2.2"].is_excluded());
}

#[test]
fn set_response_refuses_unknown_items_and_drops_blank_responses() {
    let mut a = Assessment::new("a1", "Acme", "2024-01-01T00:00:00Z");
    assert_eq!(
        a.set_maturity(catalog(), "A.1.1", Some(m(2))).unwrap_err(),
        DomainError::UnknownItem("A.1.1".into())
    );
    a.set_maturity(catalog(), "4.1", Some(m(2))).unwrap();
    assert_eq!(a.responses["4.1"].maturity, Some(m(2)));
    a.set_maturity(catalog(), "4.1", None).unwrap();
    assert!(!a.responses.contains_key("4.1"));
}

#[test]
fn maturity_range_and_serde() {
    assert_eq!(Maturity::new(6), Err(DomainError::MaturityOutOfRange(6)));
    assert!(serde_json::from_str::<Maturity>("6").is_err());
    assert!(serde_json::from_str::<Maturity>("255").is_err());
    assert!(serde_json::from_str::<Maturity>("-1").is_err());
    assert_eq!(serde_json::from_str::<Maturity>("5").unwrap(), m(5));
    assert_eq!(serde_json::to_string(&m(3)).unwrap(), "3");
    assert!(serde_json::from_str::<Response>(r#"{"maturity": 6}"#).is_err());
    let r: Response = serde_json::from_str(r#"{"maturity": 2}"#).unwrap();
    assert_eq!(r.maturity, Some(m(2)));
    assert_eq!(r.target, m(3));
}

#[test]
fn duplicate_as_template_clears_ratings_and_keeps_structure() {
    let mut a = Assessment::new("a1", "Acme", "2024-01-01T00:00:00Z");
    a.scope = "Credit scoring".into();
    a.roles = BTreeSet::from([AiRole::Provider]);
    a.organisation = "Acme Ltd".into();
    let full = Response {
        maturity: Some(m(2)),
        target: m(4),
        notes: "Policy in draft".into(),
        evidence: vec![Evidence {
            title: "Draft policy".into(),
            ..Evidence::default()
        }],
        owner: "CISO".into(),
        due: "2024-06-30".into(),
        action: "Approve the policy".into(),
        action_status: ActionStatus::InProgress,
        priority: Priority::High,
        applicability: Applicability::Applicable {
            reasons: BTreeSet::from([InclusionReason::RiskTreatment]),
        },
    };
    a.set_response(catalog(), "A.2.2", full).unwrap();
    a.set_response(
        catalog(),
        "A.10.4",
        Response {
            maturity: Some(m(1)),
            ..exclusion("No customers")
        },
    )
    .unwrap();
    // Only a rating: nothing survives, so the entry must be dropped.
    a.set_maturity(catalog(), "4.1", Some(m(4))).unwrap();

    let t = a.duplicate_as_template("a2", "Beta", "2024-02-01T00:00:00Z");
    assert_eq!(t.id, "a2");
    assert_eq!(t.name, "Beta");
    assert_eq!(t.scope, "Credit scoring");
    assert_eq!(t.roles, a.roles);
    assert_eq!(t.organisation, "");
    assert_eq!(t.revision, 0);
    assert!(!t.responses.contains_key("4.1"));
    let p = &t.responses["A.2.2"];
    assert_eq!(p.maturity, None);
    assert_eq!(p.target, m(4));
    assert!(p.notes.is_empty() && p.evidence.is_empty() && p.owner.is_empty());
    assert!(p.due.is_empty() && p.action.is_empty());
    assert_eq!(p.action_status, ActionStatus::NotStarted);
    assert_eq!(p.priority, Priority::Medium);
    assert_eq!(
        p.applicability,
        Applicability::Applicable {
            reasons: BTreeSet::from([InclusionReason::RiskTreatment])
        }
    );
    let x = &t.responses["A.10.4"];
    assert!(x.is_excluded());
    assert_eq!(x.maturity, None);
    assert!(t.responses.values().all(|r| r.maturity.is_none()));
    // Scoring the template: nothing assessed.
    assert_eq!(score(catalog(), &t.responses).overall.value(), None);
}
