//! Statement of Applicability, action plan and snapshot comparison.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use gap42::catalog::{catalog, Part};
use gap42::domain::*;

#[path = "domain_support/mod.rs"]
mod support;
use support::*;

fn with_reason(level: Option<u8>, reason: InclusionReason) -> Response {
    Response {
        maturity: level.map(m),
        applicability: Applicability::Applicable {
            reasons: BTreeSet::from([reason]),
        },
        ..Response::default()
    }
}

fn excluded(justification: &str) -> Response {
    Response {
        applicability: Applicability::Excluded {
            justification: justification.into(),
        },
        ..Response::default()
    }
}

fn row<'a>(rows: &'a [SoaRow], id: &str) -> &'a SoaRow {
    rows.iter().find(|r| r.id == id).unwrap()
}

// ---------------------------------------------------------------- SoA

#[test]
fn soa_lists_all_38_controls_in_catalog_order() {
    let rows = soa(catalog(), &BTreeMap::new());
    assert_eq!(rows.len(), 38);
    assert_eq!(rows[0].id, "A.2.2");
    assert_eq!(rows[0].category, "A.2");
    assert_eq!(rows[0].title, "AI policy");
    assert_eq!(rows[37].id, "A.10.4");
    assert_eq!(rows[37].category, "A.10");
    let catalog_ids: Vec<&str> = catalog().items_of(Part::AnnexA).map(|i| i.id).collect();
    let ids: Vec<&str> = rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, catalog_ids);
}

#[test]
fn soa_blank_rows_are_flagged_not_assessed_and_without_reason() {
    let rows = soa(catalog(), &BTreeMap::new());
    for r in &rows {
        assert!(r.applicable);
        assert_eq!(r.status, ImplStatus::NotAssessed);
        assert_eq!(
            r.flags,
            [SoaFlag::ApplicableNotAssessed, SoaFlag::NoInclusionReason]
        );
    }
}

#[test]
fn soa_statuses() {
    let planned = Response {
        action: "Write the procedure".into(),
        ..rated(1)
    };
    let no_action = Response {
        action: "   ".into(),
        ..rated(0)
    };
    let r = map(vec![
        ("A.2.2", rated(5)),
        ("A.2.3", rated(4)),
        ("A.2.4", rated(3)),
        ("A.3.2", rated(2)),
        ("A.3.3", planned),
        ("A.4.2", no_action),
        ("A.4.3", rated(1)),
        ("A.4.4", excluded("We use no third-party tooling")),
    ]);
    let rows = soa(catalog(), &r);
    let status = |id| row(&rows, id).status;
    assert_eq!(status("A.2.2"), ImplStatus::Implemented);
    assert_eq!(status("A.2.3"), ImplStatus::Implemented);
    assert_eq!(status("A.2.4"), ImplStatus::Partial);
    assert_eq!(status("A.3.2"), ImplStatus::Partial);
    assert_eq!(status("A.3.3"), ImplStatus::Planned);
    assert_eq!(status("A.4.2"), ImplStatus::NotImplemented);
    assert_eq!(status("A.4.3"), ImplStatus::NotImplemented);
    assert_eq!(status("A.4.4"), ImplStatus::Excluded);
    assert_eq!(status("A.4.5"), ImplStatus::NotAssessed);
    assert_eq!(row(&rows, "A.3.2").maturity, Some(m(2)));
    assert_eq!(ImplStatus::Planned.label(), "Planned");
}

#[test]
fn soa_excluded_row() {
    let r = map(vec![("A.10.4", excluded("We have no customers for AI"))]);
    let x = row(&soa(catalog(), &r), "A.10.4").clone();
    assert!(!x.applicable);
    assert!(x.reasons.is_empty());
    assert_eq!(x.justification, "We have no customers for AI");
    assert_eq!(x.status, ImplStatus::Excluded);
    assert_eq!(x.maturity, None);
    assert!(x.flags.is_empty(), "{:?}", x.flags);
}

#[test]
fn soa_flags_exclusion_without_justification() {
    // set_response refuses this; an imported file may still contain it.
    let r = map(vec![("A.10.4", excluded("  "))]);
    let x = row(&soa(catalog(), &r), "A.10.4").clone();
    assert_eq!(x.flags, [SoaFlag::ExcludedWithoutJustification]);
    assert!(SoaFlag::ExcludedWithoutJustification
        .label()
        .contains("justification"));
}

#[test]
fn soa_flags_applicable_not_assessed_only() {
    let r = map(vec![(
        "A.5.2",
        with_reason(None, InclusionReason::LegalRegulatory),
    )]);
    let x = row(&soa(catalog(), &r), "A.5.2").clone();
    assert_eq!(x.flags, [SoaFlag::ApplicableNotAssessed]);
    assert_eq!(x.reasons, [InclusionReason::LegalRegulatory]);
}

#[test]
fn soa_flags_no_inclusion_reason_only() {
    let x = row(&soa(catalog(), &map(vec![("A.5.2", rated(3))])), "A.5.2").clone();
    assert_eq!(x.flags, [SoaFlag::NoInclusionReason]);
}

#[test]
fn soa_clean_row_copies_reasons_and_evidence() {
    let mut r = with_reason(Some(4), InclusionReason::RiskTreatment);
    if let Applicability::Applicable { reasons } = &mut r.applicability {
        reasons.insert(InclusionReason::Contractual);
    }
    r.evidence = vec![Evidence {
        title: "Impact assessment procedure".into(),
        reference: "AIMS-PRO-03 v1".into(),
        date: "2024-03-01".into(),
    }];
    let x = row(&soa(catalog(), &map(vec![("A.5.2", r)])), "A.5.2").clone();
    assert!(x.flags.is_empty());
    assert_eq!(
        x.reasons,
        [InclusionReason::RiskTreatment, InclusionReason::Contractual]
    );
    assert_eq!(x.evidence.len(), 1);
    assert_eq!(x.evidence[0].reference, "AIMS-PRO-03 v1");
    assert_eq!(x.status, ImplStatus::Implemented);
}

// ---------------------------------------------------------------- Action plan

fn action(level: u8, target: u8, priority: Priority, due: &str) -> Response {
    Response {
        maturity: Some(m(level)),
        target: m(target),
        priority,
        due: due.into(),
        action: format!("raise to {target}"),
        owner: String::new(),
        ..Response::default()
    }
}

#[test]
fn plan_rows_are_applicable_assessed_items_below_target() {
    let mut ex = excluded("n/a");
    ex.maturity = Some(m(0));
    let r = map(vec![
        ("4.1", rated(2)), // target 3: gap 1
        ("4.2", rated(3)), // at target
        ("4.3", rated(4)), // above target
        (
            "4.4",
            Response {
                target: m(5),
                ..Response::default()
            },
        ), // not assessed
        ("A.2.2", ex),     // excluded
        ("A.2.3", action(0, 5, Priority::Low, "")), // gap 5
    ]);
    let rows = action_plan(catalog(), &r, "2024-06-01");
    let ids: Vec<(&str, u8)> = rows.iter().map(|r| (r.id, r.gap)).collect();
    assert_eq!(ids, [("4.1", 1), ("A.2.3", 5)]);
    let a = &rows[1];
    assert_eq!(a.part, Part::AnnexA);
    assert_eq!(a.group, "A.2");
    assert_eq!(a.maturity, m(0));
    assert_eq!(a.target, m(5));
    assert_eq!(a.action, "raise to 5");
    assert_eq!(a.priority, Priority::Low);
}

#[test]
fn plan_overdue() {
    let today = "2024-06-01";
    let mut done = action(1, 3, Priority::High, "2024-05-01");
    done.action_status = ActionStatus::Done;
    let mut in_progress = action(1, 3, Priority::High, "2024-05-31");
    in_progress.action_status = ActionStatus::InProgress;
    let r = map(vec![
        ("5.1", in_progress),                                // yesterday, in progress
        ("5.2", done),                                       // past, but done
        ("5.3", action(1, 3, Priority::High, "2024-06-01")), // due today
        ("6.2", action(1, 3, Priority::High, "")),           // no date
        ("6.3", action(1, 3, Priority::High, "2023-12-31")), // past, not started
    ]);
    let rows = action_plan(catalog(), &r, today);
    let overdue: BTreeMap<&str, bool> = rows.iter().map(|r| (r.id, r.overdue)).collect();
    assert_eq!(
        overdue,
        BTreeMap::from([
            ("5.1", true),
            ("5.2", false),
            ("5.3", false),
            ("6.2", false),
            ("6.3", true)
        ])
    );
    assert!(is_overdue("2024-05-31", ActionStatus::NotStarted, today));
    assert!(!is_overdue("2024-06-02", ActionStatus::NotStarted, today));
}

fn plan_fixture() -> Vec<ActionRow> {
    let mut r = map(vec![
        ("4.1", action(2, 3, Priority::Medium, "2024-09-01")),
        ("4.2", action(0, 4, Priority::High, "")),
        ("5.1", action(1, 3, Priority::High, "2024-07-01")),
        ("A.10.2", action(1, 5, Priority::High, "2024-07-01")),
        ("A.2.2", action(2, 4, Priority::Low, "2024-06-15")),
        ("6.2", action(2, 3, Priority::Medium, "")),
    ]);
    r.get_mut("4.1").unwrap().owner = "bob".into();
    r.get_mut("5.1").unwrap().owner = "Alice".into();
    r.get_mut("A.2.2").unwrap().owner = "carol".into();
    r.get_mut("4.1").unwrap().action_status = ActionStatus::Done;
    r.get_mut("A.2.2").unwrap().action_status = ActionStatus::InProgress;
    action_plan(catalog(), &r, "2024-06-01")
}

fn ids(rows: &[ActionRow]) -> Vec<&'static str> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn plan_default_order_priority_then_due_then_catalog() {
    let rows = plan_fixture();
    // High: 5.1 and A.10.2 (same due, catalog order), then 4.2 (no due).
    // Medium: 4.1 (dated) then 6.2 (no due). Low: A.2.2.
    assert_eq!(ids(&rows), ["5.1", "A.10.2", "4.2", "4.1", "6.2", "A.2.2"]);
    let mut again = rows.clone();
    sort_rows(&mut again, SortKey::Priority, true);
    assert_eq!(again, rows);
}

#[test]
fn plan_sort_by_each_key() {
    let mut rows = plan_fixture();

    sort_rows(&mut rows, SortKey::Priority, false);
    assert_eq!(ids(&rows), ["A.2.2", "4.1", "6.2", "5.1", "A.10.2", "4.2"]);

    sort_rows(&mut rows, SortKey::Due, false);
    assert_eq!(ids(&rows), ["A.2.2", "5.1", "A.10.2", "4.1", "4.2", "6.2"]);
    sort_rows(&mut rows, SortKey::Due, true);
    // Latest first; undated rows stay last (High before Medium).
    assert_eq!(ids(&rows), ["4.1", "5.1", "A.10.2", "A.2.2", "4.2", "6.2"]);

    sort_rows(&mut rows, SortKey::Gap, true);
    // Gaps: A.10.2 4, 4.2 4, 5.1 2, A.2.2 2, 4.1 1, 6.2 1.
    assert_eq!(ids(&rows), ["A.10.2", "4.2", "5.1", "A.2.2", "4.1", "6.2"]);
    sort_rows(&mut rows, SortKey::Gap, false);
    assert_eq!(ids(&rows), ["4.1", "6.2", "5.1", "A.2.2", "A.10.2", "4.2"]);

    sort_rows(&mut rows, SortKey::Id, false);
    assert_eq!(ids(&rows), ["4.1", "4.2", "5.1", "6.2", "A.2.2", "A.10.2"]);
    sort_rows(&mut rows, SortKey::Id, true);
    assert_eq!(ids(&rows), ["A.10.2", "A.2.2", "6.2", "5.1", "4.2", "4.1"]);

    sort_rows(&mut rows, SortKey::Owner, false);
    // Case-insensitive; no owner last.
    assert_eq!(ids(&rows), ["5.1", "4.1", "A.2.2", "A.10.2", "4.2", "6.2"]);
    sort_rows(&mut rows, SortKey::Owner, true);
    assert_eq!(ids(&rows), ["A.2.2", "4.1", "5.1", "A.10.2", "4.2", "6.2"]);

    sort_rows(&mut rows, SortKey::Status, true);
    assert_eq!(ids(&rows), ["4.1", "A.2.2", "5.1", "A.10.2", "4.2", "6.2"]);
}

#[test]
fn compare_ids_follows_the_standard() {
    use std::cmp::Ordering::Less;
    assert_eq!(compare_ids("9.3.3", "10.1"), Less);
    assert_eq!(compare_ids("10.2", "A.2.2"), Less);
    assert_eq!(compare_ids("A.2.4", "A.10.2"), Less);
    assert_eq!(compare_ids("A.6.1.3", "A.6.2.2"), Less);
    let mut all: Vec<&str> = catalog().items.iter().map(|i| i.id).collect();
    all.reverse();
    all.sort_by(|a, b| compare_ids(a, b));
    let expected: Vec<&str> = catalog().items.iter().map(|i| i.id).collect();
    assert_eq!(all, expected);
}

// ---------------------------------------------------------------- Diff

#[test]
fn diff_item_changes() {
    let before = map(vec![
        ("4.1", rated(1)),
        ("4.2", rated(3)),
        ("4.3", rated(2)),
        ("4.4", rated(2)),
    ]);
    let after = map(vec![
        ("4.1", rated(3)),
        ("4.2", rated(2)),
        ("4.3", rated(2)),
        ("A.2.2", rated(4)),
    ]);
    let d = diff(catalog(), &before, &after);
    let kinds: Vec<(&str, ChangeKind)> = d.changes.iter().map(|c| (c.id, c.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("4.1", ChangeKind::Improved),
            ("4.2", ChangeKind::Regressed),
            ("4.4", ChangeKind::Unassessed),
            ("A.2.2", ChangeKind::NewlyAssessed),
        ]
    );
    let improved: Vec<&str> = d.improved().map(|c| c.id).collect();
    assert_eq!(improved, ["4.1"]);
    let regressed: Vec<&ItemChange> = d.regressed().collect();
    assert_eq!(regressed.len(), 1);
    assert_eq!(regressed[0].id, "4.2");
    assert_eq!(regressed[0].before, Some(m(3)));
    assert_eq!(regressed[0].after, Some(m(2)));
    assert_eq!(
        regressed[0].title,
        "Understanding the needs and expectations of interested parties"
    );
}

#[test]
fn diff_group_deltas() {
    // Group 4 before: 0.25 + 0.75 + 0.5 + 0.5 = 2.0 / 4 = 50 %.
    // After: 0.75 + 0.5 + 0.5 + 0 = 1.75 / 4 = 43.75 % -> 44 %. Delta -6.
    let before = map(vec![
        ("4.1", rated(1)),
        ("4.2", rated(3)),
        ("4.3", rated(2)),
        ("4.4", rated(2)),
    ]);
    let after = map(vec![
        ("4.1", rated(3)),
        ("4.2", rated(2)),
        ("4.3", rated(2)),
        ("A.2.2", rated(4)),
    ]);
    let d = diff(catalog(), &before, &after);
    assert_eq!(d.groups.len(), 16);
    let g4 = d.groups.iter().find(|g| g.group == "4").unwrap();
    assert_eq!(g4.title, "Context of the organization");
    assert_eq!(g4.before.percent(), Some(50));
    assert_eq!(g4.after.percent(), Some(44));
    assert_eq!(g4.delta_percent(), Some(-6));
    // A.2 was not assessed before: no delta, but an after figure (1 / 3 -> 33 %).
    let a2 = d.groups.iter().find(|g| g.group == "A.2").unwrap();
    assert_eq!(a2.before.percent(), None);
    assert_eq!(a2.after.percent(), Some(33));
    assert_eq!(a2.delta_percent(), None);
    assert_eq!(d.clauses.0.assessed, 4);
    assert_eq!(d.clauses.1.assessed, 3);
    assert_eq!(d.annex_a.0.assessed, 0);
    assert_eq!(d.annex_a.1.assessed, 1);
    assert_eq!(d.overall.0, score(catalog(), &before).overall);
    assert_eq!(d.overall.1, score(catalog(), &after).overall);
    // Clauses: 2.0 / 32 = 6.25 % -> 6 %; 1.75 / 32 = 5.47 % -> 5 %. Delta of rounded figures: -1.
    assert_eq!(d.clauses.0.percent(), Some(6));
    assert_eq!(d.clauses.1.percent(), Some(5));
    assert_eq!(delta_percent(&d.clauses.0, &d.clauses.1), Some(-1));
}

#[test]
fn diff_of_identical_responses_is_empty() {
    let r = map(vec![("4.1", rated(2)), ("A.2.2", rated(4))]);
    let d = diff(catalog(), &r, &r);
    assert!(d.changes.is_empty());
    assert!(d
        .groups
        .iter()
        .all(|g| g.delta_percent().is_none() || g.delta_percent() == Some(0)));
}

#[test]
fn diff_treats_exclusion_as_unassessed() {
    let before = map(vec![("A.2.2", rated(3))]);
    let mut ex = excluded("Policy handled by parent company");
    ex.maturity = Some(m(3));
    let after = map(vec![("A.2.2", ex)]);
    let d = diff(catalog(), &before, &after);
    assert_eq!(d.changes.len(), 1);
    assert_eq!(d.changes[0].kind, ChangeKind::Unassessed);
    assert_eq!(d.changes[0].after, None);
    assert_eq!(d.annex_a.1.excluded, 1);
    assert_eq!(ChangeKind::Unassessed.label(), "No longer assessed");
}
