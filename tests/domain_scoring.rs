//! Readiness scoring: item formula, group/part/overall totals, exclusions, empty cases.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use gap42::catalog::{catalog, Part};
use gap42::domain::*;

#[path = "domain_support/mod.rs"]
mod support;
use support::*;

fn excluded(level: Option<u8>) -> Response {
    Response {
        maturity: level.map(m),
        applicability: Applicability::Excluded {
            justification: "We build no AI systems in-house.".into(),
        },
        ..Response::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn item_readiness_caps_at_four_and_none_is_zero() {
    assert_eq!(item_readiness(None), 0.0);
    let expected = [0.0, 0.25, 0.5, 0.75, 1.0, 1.0];
    for (level, want) in expected.iter().enumerate() {
        assert_eq!(item_readiness(Some(m(level as u8))), *want, "level {level}");
    }
}

#[test]
fn empty_responses_are_not_assessed_never_zero() {
    let s = score(catalog(), &BTreeMap::new());
    assert_eq!(s.overall.applicable, 70);
    assert_eq!(s.overall.assessed, 0);
    assert_eq!(s.overall.excluded, 0);
    assert_eq!(s.overall.value(), None);
    assert_eq!(s.overall.percent(), None);
    assert_eq!(s.clauses.value(), None);
    assert_eq!(s.annex_a.value(), None);
    assert_eq!(s.overall.coverage(), Some(0.0));
    assert_eq!(s.overall.coverage_percent(), Some(0));
    // Default target is 3 -> 0.75 per item.
    assert!(close(s.overall.target().unwrap(), 0.75));
    assert_eq!(s.overall.target_percent(), Some(75));
    assert_eq!(s.not_assessed, 70);
    assert_eq!(s.levels, [0; 6]);
    assert!(s.groups.iter().all(|g| g.readiness.value().is_none()));
}

#[test]
fn groups_are_in_catalog_order_with_their_sizes() {
    let s = score(catalog(), &BTreeMap::new());
    let ids: Vec<&str> = s.groups.iter().map(|g| g.group).collect();
    assert_eq!(
        ids,
        [
            "4", "5", "6", "7", "8", "9", "10", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8",
            "A.9", "A.10"
        ]
    );
    let sizes: Vec<usize> = s.groups.iter().map(|g| g.readiness.applicable).collect();
    assert_eq!(sizes, [4, 3, 6, 7, 4, 6, 2, 3, 2, 5, 4, 9, 5, 4, 3, 3]);
    assert_eq!(s.group("A.6").unwrap().title, "AI system life cycle");
    assert_eq!(s.group("A.6").unwrap().part, Part::AnnexA);
    assert_eq!(s.group("7").unwrap().part, Part::Clauses);
    assert!(s.group("A.11").is_none());
    assert_eq!(s.clauses.applicable, 32);
    assert_eq!(s.annex_a.applicable, 38);
}

#[test]
fn not_assessed_items_count_zero_in_the_denominator() {
    // A.2 has three controls: 4 -> 1.0, 2 -> 0.5, not assessed -> 0. Readiness 1.5 / 3 = 0.5.
    let r = map(vec![("A.2.2", rated(4)), ("A.2.3", rated(2))]);
    let s = score(catalog(), &r);
    let g = s.group("A.2").unwrap().readiness;
    assert_eq!(g.applicable, 3);
    assert_eq!(g.assessed, 2);
    assert_eq!(g.excluded, 0);
    assert!(close(g.points, 1.5));
    assert!(close(g.value().unwrap(), 0.5));
    assert_eq!(g.percent(), Some(50));
    assert!(close(g.coverage().unwrap(), 2.0 / 3.0));
    assert_eq!(g.coverage_percent(), Some(67));
    assert_eq!(s.not_assessed, 68);
}

#[test]
fn exclusion_leaves_the_denominator() {
    // Same ratings, A.2.4 excluded: 1.5 / 2 = 0.75.
    let r = map(vec![
        ("A.2.2", rated(4)),
        ("A.2.3", rated(2)),
        ("A.2.4", excluded(None)),
    ]);
    let s = score(catalog(), &r);
    let g = s.group("A.2").unwrap().readiness;
    assert_eq!(g.applicable, 2);
    assert_eq!(g.excluded, 1);
    assert!(close(g.value().unwrap(), 0.75));
    assert_eq!(g.percent(), Some(75));
    assert_eq!(g.coverage_percent(), Some(100));
    assert_eq!(s.annex_a.applicable, 37);
    assert_eq!(s.annex_a.excluded, 1);
    assert_eq!(s.overall.applicable, 69);
    assert_eq!(s.overall.excluded, 1);
    assert_eq!(s.not_assessed, 67);
}

#[test]
fn rating_of_an_excluded_control_is_ignored() {
    let r = map(vec![
        ("A.2.2", rated(4)),
        ("A.2.3", rated(2)),
        ("A.2.4", excluded(Some(0))),
    ]);
    let s = score(catalog(), &r);
    let g = s.group("A.2").unwrap().readiness;
    assert_eq!(g.assessed, 2);
    assert!(close(g.value().unwrap(), 0.75));
    assert_eq!(s.levels, [0, 0, 1, 0, 1, 0]);
}

#[test]
fn fully_excluded_group_has_no_figures() {
    let r = map(vec![("A.3.2", excluded(None)), ("A.3.3", excluded(None))]);
    let g = score(catalog(), &r).group("A.3").unwrap().readiness;
    assert_eq!(g.applicable, 0);
    assert_eq!(g.excluded, 2);
    assert_eq!(g.value(), None);
    assert_eq!(g.coverage(), None);
    assert_eq!(g.target(), None);
    assert_eq!(g.target_percent(), None);
}

#[test]
fn clause_exclusion_from_an_import_is_ignored() {
    // set_response refuses this, but a hand-edited file could contain it.
    let r = map(vec![("4.1", excluded(Some(4)))]);
    let g = score(catalog(), &r).group("4").unwrap().readiness;
    assert_eq!(g.applicable, 4);
    assert_eq!(g.excluded, 0);
    assert_eq!(g.assessed, 1);
    assert!(close(g.value().unwrap(), 0.25));
}

#[test]
fn level_five_earns_no_extra_credit_and_targets_use_the_same_formula() {
    let r = map(vec![
        ("A.3.2", rated_target(5, 5)),
        ("A.3.3", rated_target(4, 2)),
    ]);
    let g = score(catalog(), &r).group("A.3").unwrap().readiness;
    assert!(close(g.value().unwrap(), 1.0));
    assert_eq!(g.percent(), Some(100));
    // targets 5 -> 1.0 and 2 -> 0.5: (1.0 + 0.5) / 2
    assert!(close(g.target_points, 1.5));
    assert!(close(g.target().unwrap(), 0.75));
    assert_eq!(g.target_percent(), Some(75));
}

#[test]
fn not_assessed_items_keep_their_target() {
    let r = map(vec![
        ("A.9.2", rated_target(4, 4)),
        (
            "A.9.3",
            Response {
                target: m(5),
                ..Response::default()
            },
        ),
    ]);
    let g = score(catalog(), &r).group("A.9").unwrap().readiness;
    // targets 4, 5 and the default 3: (1 + 1 + 0.75) / 3
    assert!(close(g.target().unwrap(), 2.75 / 3.0));
    assert_eq!(g.target_percent(), Some(92));
    assert_eq!(g.assessed, 1);
}

#[test]
fn overall_pools_items_with_equal_weight() {
    // One clause at 4 (1 point of 32), one control at 2 (0.5 of 38).
    let r = map(vec![("4.1", rated(4)), ("A.2.2", rated(2))]);
    let s = score(catalog(), &r);
    assert!(close(s.clauses.value().unwrap(), 1.0 / 32.0));
    assert!(close(s.annex_a.value().unwrap(), 0.5 / 38.0));
    assert!(close(s.overall.value().unwrap(), 1.5 / 70.0));
    assert_eq!(s.overall.percent(), Some(2));
    assert_eq!(s.overall.assessed, 2);
    // Pooling differs from averaging the two parts.
    let mean = (1.0 / 32.0 + 0.5 / 38.0) / 2.0;
    assert!(!close(s.overall.value().unwrap(), mean));
    assert_eq!(s.overall, s.clauses.merged(s.annex_a));
}

#[test]
fn percent_rounds_to_nearest() {
    // Clause 5 has three requirements: one at 4 -> 1/3 -> 33 %; two at 4 -> 2/3 -> 67 %.
    let one = score(catalog(), &map(vec![("5.1", rated(4))]));
    assert_eq!(one.group("5").unwrap().readiness.percent(), Some(33));
    let two = score(catalog(), &map(vec![("5.1", rated(4)), ("5.2", rated(4))]));
    assert_eq!(two.group("5").unwrap().readiness.percent(), Some(67));
    // Clause 4 has four: one at 1 -> 0.25 / 4 = 6.25 % -> 6 %.
    let low = score(catalog(), &map(vec![("4.1", rated(1))]));
    assert_eq!(low.group("4").unwrap().readiness.percent(), Some(6));
}

#[test]
fn a_group_rated_zero_scores_zero_not_none() {
    let r = map(vec![("10.1", rated(0))]);
    let g = score(catalog(), &r).group("10").unwrap().readiness;
    assert_eq!(g.value(), Some(0.0));
    assert_eq!(g.percent(), Some(0));
}

#[test]
fn everything_at_four_is_fully_ready() {
    let r: BTreeMap<String, Response> = catalog()
        .items
        .iter()
        .map(|i| (i.id.to_string(), rated(4)))
        .collect();
    let s = score(catalog(), &r);
    assert_eq!(s.overall.percent(), Some(100));
    assert_eq!(s.overall.coverage_percent(), Some(100));
    assert_eq!(s.not_assessed, 0);
    assert_eq!(s.levels, [0, 0, 0, 0, 70, 0]);
    assert!(s.groups.iter().all(|g| g.readiness.percent() == Some(100)));
}

#[test]
fn levels_count_applicable_assessed_items() {
    let r = map(vec![
        ("4.1", rated(0)),
        ("4.2", rated(1)),
        ("4.3", rated(1)),
        ("5.1", rated(3)),
        ("A.2.2", rated(5)),
        ("A.2.3", excluded(Some(5))),
    ]);
    let s = score(catalog(), &r);
    assert_eq!(s.levels, [1, 2, 0, 1, 0, 1]);
    assert_eq!(s.not_assessed, 69 - 5);
}

#[test]
fn readiness_add_and_not_assessed() {
    let mut r = Readiness::default();
    r.add(Some(m(3)), m(4), false);
    r.add(None, m(3), false);
    r.add(Some(m(0)), m(3), true);
    assert_eq!(r.applicable, 2);
    assert_eq!(r.assessed, 1);
    assert_eq!(r.excluded, 1);
    assert_eq!(r.not_assessed(), 1);
    assert!(close(r.points, 0.75));
    assert!(close(r.target_points, 1.75));
    assert!(close(r.value().unwrap(), 0.375));
    assert_eq!(r.percent(), Some(38));
}

#[test]
fn method_states_the_formula() {
    assert!(METHOD.contains("min(maturity, 4) / 4"));
    assert!(METHOD.contains("not assessed"));
    assert!(METHOD.contains("denominator"));
}
