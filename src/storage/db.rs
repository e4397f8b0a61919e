//! IndexedDB through rexie: the one place that declares every object store and index, opens the
//! database, runs data migrations, and reads and writes assessments and snapshots.
//!
//! Records are the JSON of the domain types turned into plain JS objects (`JSON.parse`), so the
//! stored shape is exactly the documented exchange shape of an assessment.

use std::collections::BTreeMap;

use rexie::{Index, KeyRange, ObjectStore, Rexie, TransactionMode, TransactionResult};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

use super::StorageError;
use crate::domain::{Assessment, Snapshot, SCHEMA_VERSION};

/// Name of the IndexedDB database.
pub const DB_NAME: &str = "gap42";

/// IndexedDB version. Bump it when a store or index is added, and add the store to
/// [`SHIPPED_STORES`] — never remove one from there: rexie deletes every store a new version
/// does not declare, which would delete users' data.
pub const DB_VERSION: u32 = 1;

const ASSESSMENTS: &str = "assessments";
const SNAPSHOTS: &str = "snapshots";
const META: &str = "meta";
const BY_ASSESSMENT: &str = "by_assessment";

/// Every object store that any released version of gap42 created. Append-only.
/// The wasm test suite fails if [`STORES`] does not declare each of them.
pub const SHIPPED_STORES: &[&str] = &[ASSESSMENTS, SNAPSHOTS, META];

/// One object store: its name, key path (None = explicit keys) and indexes (name, key path).
pub struct StoreDecl {
    pub name: &'static str,
    pub key_path: Option<&'static str>,
    pub indexes: &'static [(&'static str, &'static str)],
}

/// The declaration of every store and index of the current version. The one place they are named.
pub const STORES: &[StoreDecl] = &[
    StoreDecl {
        name: ASSESSMENTS,
        key_path: Some("id"),
        indexes: &[],
    },
    StoreDecl {
        name: SNAPSHOTS,
        key_path: Some("id"),
        indexes: &[(BY_ASSESSMENT, "assessment_id")],
    },
    // Key/value pairs: "schema_version" → number.
    StoreDecl {
        name: META,
        key_path: None,
        indexes: &[],
    },
];

fn stores() -> Vec<ObjectStore> {
    STORES
        .iter()
        .map(|d| {
            let mut s = ObjectStore::new(d.name);
            if let Some(k) = d.key_path {
                s = s.key_path(k);
            }
            for (name, path) in d.indexes {
                s = s.add_index(Index::new(name, path));
            }
            s
        })
        .collect()
}

/// Names of the stores [`STORES`] declares.
pub fn declared_store_names() -> Vec<&'static str> {
    STORES.iter().map(|d| d.name).collect()
}

/// A data migration: brings one stored assessment record from `from` to `from + 1`.
type Migration = fn(&mut serde_json::Value);

/// Data migrations, append-only, indexed by the schema version they start from.
/// Schema 0 was the pre-release record shape, which had no `revision` and no export fields.
const MIGRATIONS: &[(u32, Migration)] = &[(0, migrate_0_to_1)];

fn migrate_0_to_1(v: &mut serde_json::Value) {
    if let Some(o) = v.as_object_mut() {
        o.entry("revision").or_insert(serde_json::json!(0));
        o.entry("edits_since_export")
            .or_insert(serde_json::json!(0));
        o.insert("schema_version".into(), serde_json::json!(1));
    }
}

/// Apply every migration a record needs. Returns true if it changed.
pub fn migrate_record(v: &mut serde_json::Value) -> Result<bool, StorageError> {
    let mut version = v
        .get("schema_version")
        .and_then(|s| s.as_u64())
        .unwrap_or(0) as u32;
    if version > SCHEMA_VERSION {
        return Err(StorageError::Corrupt(format!(
            "this data was saved by a newer gap42 (schema {version}); reload to get the new version"
        )));
    }
    let changed = version < SCHEMA_VERSION;
    while version < SCHEMA_VERSION {
        let (_, m) = MIGRATIONS
            .iter()
            .find(|(from, _)| *from == version)
            .ok_or_else(|| StorageError::Corrupt(format!("no migration from schema {version}")))?;
        m(v);
        version += 1;
    }
    Ok(changed)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StorageError> {
    let text = serde_json::to_string(value).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| StorageError::Corrupt("JSON.parse failed".into()))
}

fn to_json(value: &JsValue) -> Result<serde_json::Value, StorageError> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|_| StorageError::Corrupt("JSON.stringify failed".into()))?
        .into();
    serde_json::from_str(&text).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// A stored record as an assessment: parsed straight from its text when it is of the current
/// schema, through the migrations otherwise.
fn record_to_assessment(value: &JsValue) -> Result<Assessment, StorageError> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|_| StorageError::Corrupt("JSON.stringify failed".into()))?
        .into();
    match serde_json::from_str::<Assessment>(&text) {
        Ok(a) if a.schema_version == SCHEMA_VERSION => Ok(a),
        _ => {
            let mut json: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            migrate_record(&mut json)?;
            from_json(json)
        }
    }
}

fn from_json<T: DeserializeOwned>(v: serde_json::Value) -> Result<T, StorageError> {
    serde_json::from_value(v).map_err(|e| StorageError::Corrupt(e.to_string()))
}

async fn finish(tx: rexie::Transaction) -> Result<(), StorageError> {
    match tx.done().await? {
        TransactionResult::Committed => Ok(()),
        // IndexedDB reports a full quota as an aborted transaction (its requests succeeded;
        // the commit was refused). rexie does not expose the transaction's error, and that is by
        // far the most common cause of an abort we did not ask for, so it is reported as such.
        TransactionResult::Aborted => Err(StorageError::QuotaExceeded),
    }
}

/// An open database.
pub struct Db {
    rexie: Rexie,
}

impl Db {
    /// Open (creating or upgrading) the database, then run data migrations in one transaction.
    pub async fn open() -> Result<Db, StorageError> {
        Self::open_named(DB_NAME).await
    }

    /// Open a database by name (tests use their own names).
    pub async fn open_named(name: &str) -> Result<Db, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.indexed_db() {
            Ok(Some(_)) => {}
            _ => {
                return Err(StorageError::Unavailable(
                    "IndexedDB is not available".into(),
                ))
            }
        }
        let mut builder = Rexie::builder(name).version(DB_VERSION);
        for store in stores() {
            builder = builder.add_object_store(store);
        }
        // An upgrade blocked by an old tab never resolves: give up after a few seconds.
        let open = builder.build();
        let timeout = crate::storage::sync::sleep(8_000);
        let rexie = futures_select(open, timeout)
            .await
            .ok_or(StorageError::Blocked)?
            .map_err(|e| StorageError::Unavailable(e.to_string()))?;
        Db { rexie }.migrated().await
    }

    async fn migrated(self) -> Result<Db, StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS, SNAPSHOTS, META], TransactionMode::ReadWrite)?;
        let store = tx.store(ASSESSMENTS)?;
        let meta = tx.store(META)?;
        let stored_version = meta
            .get(JsValue::from_str("schema_version"))
            .await?
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        if stored_version < SCHEMA_VERSION {
            for value in store.get_all(None, None).await? {
                let mut json = to_json(&value)?;
                if migrate_record(&mut json)? {
                    store.put(&to_js(&json)?, None).await?;
                }
            }
            meta.put(
                &JsValue::from_f64(SCHEMA_VERSION as f64),
                Some(&JsValue::from_str("schema_version")),
            )
            .await?;
        } else if stored_version > SCHEMA_VERSION {
            return Err(StorageError::Corrupt(format!(
                "the data on this device was saved by a newer gap42 (schema {stored_version}); reload to update"
            )));
        }
        finish(tx).await?;
        Ok(self)
    }

    /// Names of the stores that exist in the open database.
    pub fn store_names(&self) -> Vec<String> {
        self.rexie.store_names()
    }

    /// The data schema version recorded in the database.
    pub async fn schema_version(&self) -> Result<u32, StorageError> {
        let tx = self.rexie.transaction(&[META], TransactionMode::ReadOnly)?;
        let v = tx
            .store(META)?
            .get(JsValue::from_str("schema_version"))
            .await?
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        finish(tx).await?;
        Ok(v)
    }

    /// Every stored assessment, ordered by last change (newest first).
    pub async fn all_assessments(&self) -> Result<Vec<Assessment>, StorageError> {
        let mut out = self.map_assessments(|a| a).await?;
        out.sort_by(|a, b| b.updated.cmp(&a.updated));
        Ok(out)
    }

    /// Apply `f` to every stored assessment, parsing one record at a time, so that only the
    /// results (e.g. the list's summaries) are held, not every assessment at once.
    pub async fn map_assessments<T>(
        &self,
        mut f: impl FnMut(Assessment) -> T,
    ) -> Result<Vec<T>, StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS], TransactionMode::ReadOnly)?;
        let values = tx.store(ASSESSMENTS)?.get_all(None, None).await?;
        finish(tx).await?;
        let mut out = Vec::with_capacity(values.len());
        for v in values {
            out.push(f(record_to_assessment(&v)?));
        }
        Ok(out)
    }

    /// One assessment.
    pub async fn assessment(&self, id: &str) -> Result<Option<Assessment>, StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS], TransactionMode::ReadOnly)?;
        let v = tx.store(ASSESSMENTS)?.get(JsValue::from_str(id)).await?;
        finish(tx).await?;
        match v {
            Some(v) if !v.is_undefined() => {
                let mut json = to_json(&v)?;
                migrate_record(&mut json)?;
                Ok(Some(from_json(json)?))
            }
            _ => Ok(None),
        }
    }

    /// Save an assessment edited from revision `base`: in one transaction, check that the stored
    /// revision is still `base` (or absent), then write it as revision `base + 1`.
    /// Returns the new revision. Never overwrites another tab's newer save.
    pub async fn save_assessment(&self, a: &Assessment, base: u64) -> Result<u64, StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS], TransactionMode::ReadWrite)?;
        let store = tx.store(ASSESSMENTS)?;
        if let Some(v) = store.get(JsValue::from_str(&a.id)).await? {
            if !v.is_undefined() {
                let stored = to_json(&v)?
                    .get("revision")
                    .and_then(|r| r.as_u64())
                    .unwrap_or(0);
                if stored != base {
                    let _ = tx.abort().await;
                    return Err(StorageError::Conflict { stored, ours: base });
                }
            }
        }
        let mut record = a.clone();
        record.revision = base + 1;
        store.put(&to_js(&record)?, None).await?;
        finish(tx).await?;
        Ok(base + 1)
    }

    /// Write an assessment as is (import, restore, create): no revision check.
    pub async fn put_assessment(&self, a: &Assessment) -> Result<(), StorageError> {
        self.put_all(std::slice::from_ref(a), &[]).await
    }

    /// Write assessments and snapshots in one all-or-nothing transaction.
    pub async fn put_all(
        &self,
        assessments: &[Assessment],
        snapshots: &[Snapshot],
    ) -> Result<(), StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS, SNAPSHOTS], TransactionMode::ReadWrite)?;
        let a_store = tx.store(ASSESSMENTS)?;
        let s_store = tx.store(SNAPSHOTS)?;
        for a in assessments {
            a_store.put(&to_js(a)?, None).await?;
        }
        for s in snapshots {
            s_store.put(&to_js(s)?, None).await?;
        }
        finish(tx).await
    }

    /// Delete an assessment and its snapshots.
    pub async fn delete_assessment(&self, id: &str) -> Result<(), StorageError> {
        let snaps = self.snapshots_of(id).await?;
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS, SNAPSHOTS], TransactionMode::ReadWrite)?;
        tx.store(ASSESSMENTS)?.delete(JsValue::from_str(id)).await?;
        let s_store = tx.store(SNAPSHOTS)?;
        for s in snaps {
            s_store.delete(JsValue::from_str(&s.id)).await?;
        }
        finish(tx).await
    }

    /// Snapshots of one assessment, oldest first.
    pub async fn snapshots_of(&self, assessment_id: &str) -> Result<Vec<Snapshot>, StorageError> {
        let tx = self
            .rexie
            .transaction(&[SNAPSHOTS], TransactionMode::ReadOnly)?;
        let index = tx.store(SNAPSHOTS)?.index(BY_ASSESSMENT)?;
        let range = KeyRange::only(&JsValue::from_str(assessment_id))
            .map_err(|e| StorageError::Transaction(e.to_string()))?;
        let values = index.get_all(Some(range), None).await?;
        finish(tx).await?;
        let mut out = values
            .iter()
            .map(|v| to_json(v).and_then(from_json::<Snapshot>))
            .collect::<Result<Vec<_>, _>>()?;
        out.sort_by(|a, b| a.taken.cmp(&b.taken));
        Ok(out)
    }

    /// Every snapshot, grouped by assessment id (for backups).
    pub async fn all_snapshots(&self) -> Result<BTreeMap<String, Vec<Snapshot>>, StorageError> {
        let tx = self
            .rexie
            .transaction(&[SNAPSHOTS], TransactionMode::ReadOnly)?;
        let values = tx.store(SNAPSHOTS)?.get_all(None, None).await?;
        finish(tx).await?;
        let mut out: BTreeMap<String, Vec<Snapshot>> = BTreeMap::new();
        for v in values {
            let s: Snapshot = from_json(to_json(&v)?)?;
            out.entry(s.assessment_id.clone()).or_default().push(s);
        }
        for list in out.values_mut() {
            list.sort_by(|a, b| a.taken.cmp(&b.taken));
        }
        Ok(out)
    }

    /// Delete one snapshot.
    pub async fn delete_snapshot(&self, id: &str) -> Result<(), StorageError> {
        let tx = self
            .rexie
            .transaction(&[SNAPSHOTS], TransactionMode::ReadWrite)?;
        tx.store(SNAPSHOTS)?.delete(JsValue::from_str(id)).await?;
        finish(tx).await
    }

    /// Erase every assessment and snapshot on this device.
    pub async fn erase_all(&self) -> Result<(), StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS, SNAPSHOTS], TransactionMode::ReadWrite)?;
        tx.store(ASSESSMENTS)?.clear().await?;
        tx.store(SNAPSHOTS)?.clear().await?;
        finish(tx).await
    }

    /// Write a raw record into the assessments store (test fixtures of older schemas).
    pub async fn put_raw_assessment(&self, json: &serde_json::Value) -> Result<(), StorageError> {
        let tx = self
            .rexie
            .transaction(&[ASSESSMENTS], TransactionMode::ReadWrite)?;
        tx.store(ASSESSMENTS)?.put(&to_js(json)?, None).await?;
        finish(tx).await
    }
}

/// Resolve with the first future; `None` when the second (a timeout) wins.
async fn futures_select<A, B>(a: A, b: B) -> Option<A::Output>
where
    A: std::future::Future,
    B: std::future::Future<Output = ()>,
{
    use std::pin::pin;
    use std::task::Poll;
    let mut a = pin!(a);
    let mut b = pin!(b);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(v) = a.as_mut().poll(cx) {
            return Poll::Ready(Some(v));
        }
        if b.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}
