//! Storage layer in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! IndexedDB round trips, the revision check that protects another tab's work, migration of a
//! database created by version 1 with records of an older schema, the store list, and the
//! localStorage journal and preferences.
#![cfg(target_arch = "wasm32")]

use gap42::catalog::catalog;
use gap42::domain::{Assessment, Maturity, Snapshot, SCHEMA_VERSION};
use gap42::storage::db::{declared_store_names, Db, DB_VERSION, SHIPPED_STORES};
use gap42::storage::journal::{self, JournalEntry};
use gap42::storage::prefs::{Prefs, Theme};
use gap42::storage::StorageError;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", (js_sys::Math::random() * 1e12) as u64)
}

fn sample(id: &str) -> Assessment {
    let mut a = Assessment::new(id, "Round trip", "2026-11-25T10:00:00.000Z");
    a.organisation = "Acme <script>alert(1)</script> Ltd".into();
    a.set_maturity(catalog(), "6.1.2", Some(Maturity::new(2).unwrap()))
        .unwrap();
    let mut r = a.response("A.6.2.4");
    r.notes = "Validation report v3 — ünïcödé ✓".into();
    r.maturity = Some(Maturity::new(4).unwrap());
    a.set_response(catalog(), "A.6.2.4", r).unwrap();
    a
}

#[wasm_bindgen_test]
fn every_store_ever_shipped_is_still_declared() {
    let declared = declared_store_names();
    for s in SHIPPED_STORES {
        assert!(
            declared.contains(s),
            "store {s} was shipped but is no longer declared: rexie would delete it"
        );
    }
}

#[wasm_bindgen_test]
async fn opened_database_has_every_shipped_store() {
    let db = Db::open_named(&unique("stores")).await.unwrap();
    let names = db.store_names();
    for s in SHIPPED_STORES {
        assert!(
            names.iter().any(|n| n == s),
            "missing store {s} in {names:?}"
        );
    }
    assert_eq!(db.schema_version().await.unwrap(), SCHEMA_VERSION);
}

#[wasm_bindgen_test]
async fn assessment_round_trip_and_revisions() {
    let db = Db::open_named(&unique("roundtrip")).await.unwrap();
    let a = sample("a1");
    db.put_assessment(&a).await.unwrap();
    let back = db.assessment("a1").await.unwrap().unwrap();
    assert_eq!(back, a);

    let rev = db.save_assessment(&back, 0).await.unwrap();
    assert_eq!(rev, 1);
    let stored = db.assessment("a1").await.unwrap().unwrap();
    assert_eq!(stored.revision, 1);
    assert_eq!(stored.responses, a.responses);
    assert_eq!(db.all_assessments().await.unwrap().len(), 1);

    db.delete_assessment("a1").await.unwrap();
    assert!(db.assessment("a1").await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_save_from_an_older_revision_is_refused() {
    let db = Db::open_named(&unique("conflict")).await.unwrap();
    let a = sample("c1");
    db.put_assessment(&a).await.unwrap();
    // Tab 1 saves from revision 0.
    assert_eq!(db.save_assessment(&a, 0).await.unwrap(), 1);
    // Tab 2 also edited revision 0: its save must not overwrite tab 1's.
    let mut other = a.clone();
    other.name = "Tab 2".into();
    let err = db.save_assessment(&other, 0).await.unwrap_err();
    assert_eq!(err, StorageError::Conflict { stored: 1, ours: 0 });
    let stored = db.assessment("c1").await.unwrap().unwrap();
    assert_eq!(stored.name, "Round trip");
    assert_eq!(stored.revision, 1);
}

#[wasm_bindgen_test]
async fn snapshots_are_found_by_assessment() {
    let db = Db::open_named(&unique("snaps")).await.unwrap();
    let a = sample("s1");
    let b = sample("s2");
    let s1 = Snapshot::of(&a, "snap-1", "Before workshop", "2026-11-01T00:00:00Z");
    let s2 = Snapshot::of(&a, "snap-2", "After workshop", "2026-11-20T00:00:00Z");
    let s3 = Snapshot::of(&b, "snap-3", "Other", "2026-11-20T00:00:00Z");
    db.put_all(&[a.clone(), b], &[s2.clone(), s1.clone(), s3])
        .await
        .unwrap();
    let found = db.snapshots_of("s1").await.unwrap();
    assert_eq!(found, vec![s1, s2]);
    db.delete_assessment("s1").await.unwrap();
    assert!(db.snapshots_of("s1").await.unwrap().is_empty());
    assert_eq!(db.snapshots_of("s2").await.unwrap().len(), 1);
}

/// A database as version 1 created it, holding a record of the pre-release schema 0 (no
/// revision, no export counters, no schema stamp in `meta`), is opened and migrated in place.
#[wasm_bindgen_test]
async fn version_1_database_with_old_records_is_migrated() {
    assert_eq!(DB_VERSION, 1, "add a fixture for the new database version");
    let name = unique("fixture-v1");
    {
        use rexie::{Index, ObjectStore, Rexie, TransactionMode};
        let raw = Rexie::builder(&name)
            .version(1)
            .add_object_store(ObjectStore::new("assessments").key_path("id"))
            .add_object_store(
                ObjectStore::new("snapshots")
                    .key_path("id")
                    .add_index(Index::new("by_assessment", "assessment_id")),
            )
            .add_object_store(ObjectStore::new("meta"))
            .build()
            .await
            .unwrap();
        let record = serde_json::json!({
            "id": "old-1", "name": "Old record", "created": "2026-01-01T00:00:00Z",
            "updated": "2026-01-02T00:00:00Z", "schema_version": 0,
            "responses": { "5.2": { "maturity": 3, "target": 4 } }
        });
        let value = js_sys::JSON::parse(&record.to_string()).unwrap();
        let tx = raw
            .transaction(&["assessments"], TransactionMode::ReadWrite)
            .unwrap();
        tx.store("assessments")
            .unwrap()
            .put(&value, None)
            .await
            .unwrap();
        tx.done().await.unwrap();
        raw.close();
    }
    let db = Db::open_named(&name).await.unwrap();
    assert_eq!(db.schema_version().await.unwrap(), SCHEMA_VERSION);
    let a = db.assessment("old-1").await.unwrap().unwrap();
    assert_eq!(a.schema_version, SCHEMA_VERSION);
    assert_eq!(a.revision, 0);
    assert_eq!(a.response("5.2").maturity, Some(Maturity::new(3).unwrap()));
    assert_eq!(a.response("5.2").target, Maturity::new(4).unwrap());
}

#[wasm_bindgen_test]
fn journal_and_prefs_round_trip_in_local_storage() {
    journal::clear();
    assert!(journal::read().is_none());
    let entry = JournalEntry {
        base: 7,
        assessment: sample("j1"),
    };
    assert!(journal::write(&entry));
    assert_eq!(journal::read(), Some(entry));
    journal::clear();
    assert!(journal::read().is_none());

    let mut p = Prefs::load();
    p.theme = Theme::Dark;
    p.last_opened = Some("j1".into());
    p.collapsed.insert("A.6".into());
    p.save();
    assert_eq!(Prefs::load(), p);
    Prefs::erase();
    assert_eq!(Prefs::load(), Prefs::default());
}
