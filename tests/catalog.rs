//! Catalog integrity: counts, ids and titles exactly as in the verified reference tables, every
//! control in a category, every documented-information clause present, guidance complete.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use gap42::catalog::{catalog, Catalog, ClauseKind, DocType, Part};

#[test]
fn embedded_catalog_parses() {
    Catalog::embedded().expect("embedded catalog parses");
}

#[test]
fn counts_match_the_standard() {
    let c = catalog();
    assert_eq!(c.clause_rows.len(), 43, "clause rows of clauses 4–10");
    assert_eq!(
        c.clause_rows
            .iter()
            .filter(|r| r.kind == ClauseKind::Clause)
            .count(),
        7
    );
    assert_eq!(
        c.clause_rows
            .iter()
            .filter(|r| r.kind == ClauseKind::Heading)
            .count(),
        4
    );
    assert_eq!(c.items_of(Part::Clauses).count(), 32, "requirement leaves");
    assert_eq!(c.items_of(Part::AnnexA).count(), 38, "Annex A controls");
    assert_eq!(c.groups_of(Part::AnnexA).count(), 9, "Annex A categories");
    assert_eq!(c.groups_of(Part::Clauses).count(), 7);
    assert_eq!(
        c.objectives.iter().map(|o| o.id).collect::<Vec<_>>(),
        ["A.6.1", "A.6.2"]
    );
    assert_eq!(c.doc_info.len(), 20);
    assert_eq!(c.crosswalk.len(), 280);
}

#[test]
fn the_named_leaves_exist() {
    let c = catalog();
    for id in [
        "6.1.1", "6.1.2", "6.1.3", "6.1.4", "7.5.1", "7.5.2", "7.5.3", "9.2.1", "9.2.2", "9.3.1",
        "9.3.2", "9.3.3",
    ] {
        assert!(c.item(id).is_some(), "{id} missing");
    }
    for heading in ["6.1", "7.5", "9.2", "9.3"] {
        assert!(
            c.item(heading).is_none(),
            "{heading} is a heading, not assessable"
        );
    }
    assert_eq!(c.item("9.2.2").unwrap().title, "Internal audit programme");
    assert_eq!(
        c.item("A.5.4").unwrap().title,
        "Assessing AI system impact on individuals or groups of individuals"
    );
    assert_eq!(c.item("A.6.2.4").unwrap().parent, Some("A.6.2"));
    assert_eq!(c.item("A.6.1.3").unwrap().parent, Some("A.6.1"));
    assert_eq!(c.item("6.1.2").unwrap().parent, Some("6.1"));
    assert_eq!(c.item("4.1").unwrap().parent, None);
    // Invented ids from public lists must not exist.
    for bogus in ["A.3.4", "A.6.10", "A.5.1.1", "A.1", "A.11.1"] {
        assert!(c.item(bogus).is_none(), "{bogus} must not exist");
    }
}

#[test]
fn ids_are_unique_and_every_control_sits_in_a_category() {
    let c = catalog();
    let ids: BTreeSet<_> = c.items.iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), c.items.len(), "duplicate item id");
    let rows: BTreeSet<_> = c.clause_rows.iter().map(|r| r.id).collect();
    assert_eq!(rows.len(), 43, "duplicate clause row id");
    for i in c.items_of(Part::AnnexA) {
        let g = c
            .group(i.group)
            .unwrap_or_else(|| panic!("{} has no category", i.id));
        assert_eq!(g.part, Part::AnnexA);
        assert!(
            i.id.starts_with(&format!("{}.", g.id)),
            "{} is not under {}",
            i.id,
            g.id
        );
    }
    for i in c.items_of(Part::Clauses) {
        assert_eq!(
            c.group(i.group).map(|g| g.part),
            Some(Part::Clauses),
            "{}",
            i.id
        );
    }
}

#[test]
fn documented_information_points_at_existing_clauses() {
    let c = catalog();
    for d in &c.doc_info {
        let item = c
            .item(d.clause)
            .unwrap_or_else(|| panic!("doc info for unknown clause {}", d.clause));
        assert_eq!(item.part, Part::Clauses);
        assert!(
            item.doc_required,
            "{} requires documented information",
            d.clause
        );
    }
    assert_eq!(
        c.doc_info
            .iter()
            .filter(|d| d.doc_type == DocType::Document)
            .count(),
        9
    );
    assert_eq!(c.doc_info_for("6.1.3").count(), 3);
    // Clause items without documented information are not marked.
    assert!(!c.item("5.1").unwrap().doc_required);
}

#[test]
fn every_item_has_complete_guidance_in_our_own_words() {
    for i in &catalog().items {
        let g = &i.guidance;
        let words = g.summary.split_whitespace().count();
        assert!(
            (20..=140).contains(&words),
            "{}: summary has {words} words",
            i.id
        );
        assert!(
            (2..=4).contains(&g.evidence.len()),
            "{}: {} evidence lines",
            i.id,
            g.evidence.len()
        );
        assert!(
            (1..=3).contains(&g.questions.len()),
            "{}: {} questions",
            i.id,
            g.questions.len()
        );
        for q in &g.questions {
            assert!(q.ends_with('?'), "{}: a question ends with '?': {q}", i.id);
        }
        assert!(!g.summary.contains("TODO"), "{}", i.id);
    }
}

#[test]
fn crosswalk_refers_to_existing_items() {
    let c = catalog();
    for m in &c.crosswalk {
        assert!(
            c.item(m.iso_id).is_some(),
            "crosswalk row for unknown id {}",
            m.iso_id
        );
        assert!(
            ["GOVERN", "MAP", "MEASURE", "MANAGE"]
                .iter()
                .any(|f| m.nist.starts_with(f)),
            "{}",
            m.nist
        );
    }
    assert_eq!(c.crosswalk.iter().filter(|m| !m.note.is_empty()).count(), 3);
}

/// The embedded tables are byte-identical to the verified reference in `../shared/reference/`
/// (present beside the repository on developer machines and in CI).
#[test]
fn embedded_tables_equal_the_shared_reference() {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    if !reference.exists() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must have ../shared/reference beside the clone"
        );
        eprintln!("skipped: {} not found", reference.display());
        return;
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/catalog/data");
    for f in [
        "iso42001-clauses.tsv",
        "iso42001-annex-a.tsv",
        "iso42001-annex-a-objectives.tsv",
        "iso42001-documented-information.tsv",
        "crosswalk-nist-ai-rmf.tsv",
    ] {
        let a = std::fs::read(reference.join(f)).unwrap();
        let b = std::fs::read(data.join(f)).unwrap();
        assert!(a == b, "{f} differs from the shared reference");
    }
}

#[test]
fn titles_equal_the_reference_rows() {
    // Independent of the embedded copy: re-read the reference when it is there.
    let reference =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/iso42001-annex-a.tsv");
    let Ok(text) = std::fs::read_to_string(reference) else {
        return;
    };
    let c = catalog();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<_> = line.split('\t').collect();
        let item = c.item(f[0]).unwrap_or_else(|| panic!("{} missing", f[0]));
        assert_eq!(item.title, f[2]);
        assert_eq!(item.group, f[1]);
    }
}
