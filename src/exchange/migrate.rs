//! Migrations of older gap42 file formats to the current one ([`FORMAT_VERSION`]).
//!
//! Each [`Migration`] rewrites a whole parsed file (a [`serde_json::Value`], envelope included)
//! from format version `from` to `from + 1`. [`MIGRATIONS`] is append-only: entry `i` migrates
//! version `i`, and there is exactly one entry per version below [`FORMAT_VERSION`]. To change
//! the format: bump [`FORMAT_VERSION`], append one migration here, add a fixture of the old
//! version under `tests/fixtures/good/`, and update `public/gap42.schema.json` and
//! `docs/file-format.md`.
//!
//! Migrations are best-effort rewrites of shape: they never reject a file themselves unless its
//! structure makes the rewrite impossible. Whatever they produce is then validated by
//! [`super::json::import`] exactly like a current file, so a bad value carried over (say a
//! maturity `"7"`, rewritten to `7`) is still reported with its location.
//!
//! # Version 0 (pre-release)
//!
//! Files written by the pre-release builds of gap42 differ from version 1 in four ways:
//!
//! - the envelope had no `catalog` field (the ids were always those of ISO/IEC 42001:2023);
//! - the assessment had no `schema_version` field;
//! - the organisation was stored as `organization` (US spelling) instead of `organisation`;
//! - in every response (of the assessment and of its snapshots), `maturity` and `target` were
//!   strings: `"0"`–`"5"`, and `""` for a maturity not assessed.
//!
//! [`FORMAT_VERSION`]: super::json::FORMAT_VERSION

use serde_json::{Map, Value};

use super::json::FORMAT_VERSION;
use crate::domain::SCHEMA_VERSION;

/// One step of the migration chain.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The format version this step reads; it writes `from + 1`.
    pub from: u32,
    /// What changed, in one line (shown in docs and debugging).
    pub summary: &'static str,
    /// Rewrite the whole file in place.
    pub apply: fn(&mut Value) -> Result<(), String>,
}

/// All migrations, oldest first. Append-only: `MIGRATIONS[i].from == i`.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 0,
    summary: "pre-release → 1: add catalog and schema_version, rename organization to \
              organisation, maturity and target from strings to numbers",
    apply: v0_to_v1,
}];

/// Why a file could not be migrated.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// No migration reads this version (it is neither current nor a known older version).
    #[error("format version {0} is not one this copy of gap42 can read or migrate")]
    Unknown(u32),
    /// A migration step refused the file.
    #[error("could not upgrade the file from format version {from}: {message}")]
    Failed { from: u32, message: String },
}

/// Migrate a parsed file from format version `from` to [`FORMAT_VERSION`], setting its
/// `version` field after each step. A file already at [`FORMAT_VERSION`] is returned unchanged.
pub fn migrate(mut file: Value, from: u32) -> Result<Value, MigrationError> {
    let mut version = from;
    while version < FORMAT_VERSION {
        let step = MIGRATIONS
            .get(version as usize)
            .filter(|m| m.from == version)
            .ok_or(MigrationError::Unknown(version))?;
        (step.apply)(&mut file).map_err(|message| MigrationError::Failed {
            from: version,
            message,
        })?;
        version += 1;
        if let Value::Object(top) = &mut file {
            top.insert("version".into(), Value::from(version));
        }
    }
    Ok(file)
}

// ---------------------------------------------------------------------------------------------
// 0 → 1
// ---------------------------------------------------------------------------------------------

/// Pre-release (0) → 1. See the module documentation.
fn v0_to_v1(file: &mut Value) -> Result<(), String> {
    let Value::Object(top) = file else {
        return Err("the file is not a JSON object".into());
    };
    top.entry("catalog")
        .or_insert_with(|| Value::from(super::json::CATALOG_PREFIX));
    let is_backup = top.get("format").and_then(Value::as_str) == Some(super::json::FORMAT_BACKUP);
    if is_backup {
        if let Some(Value::Array(entries)) = top.get_mut("entries") {
            for entry in entries {
                if let Value::Object(entry) = entry {
                    v0_entry(entry);
                }
            }
        }
    } else {
        v0_entry(top);
    }
    Ok(())
}

/// `{assessment, snapshots}` of version 0.
fn v0_entry(entry: &mut Map<String, Value>) {
    if let Some(Value::Object(a)) = entry.get_mut("assessment") {
        if let Some(org) = a.remove("organization") {
            a.entry("organisation").or_insert(org);
        }
        a.entry("schema_version")
            .or_insert_with(|| Value::from(SCHEMA_VERSION));
        if let Some(Value::Object(responses)) = a.get_mut("responses") {
            v0_responses(responses);
        }
    }
    if let Some(Value::Array(snapshots)) = entry.get_mut("snapshots") {
        for s in snapshots {
            if let Some(Value::Object(responses)) = s.get_mut("responses") {
                v0_responses(responses);
            }
        }
    }
}

/// Maturity and target from strings to numbers in every response.
fn v0_responses(responses: &mut Map<String, Value>) {
    for r in responses.values_mut() {
        let Value::Object(r) = r else { continue };
        if let Some(m) = r.get_mut("maturity") {
            if let Value::String(s) = m {
                let s = s.trim();
                if s.is_empty() {
                    *m = Value::Null;
                } else if let Ok(n) = s.parse::<u64>() {
                    *m = Value::from(n);
                }
            }
        }
        let target_empty = matches!(r.get("target"), Some(Value::String(s)) if s.trim().is_empty());
        if target_empty {
            // An empty target meant "the default", which is what a missing field means now.
            r.remove("target");
        } else if let Some(t) = r.get_mut("target") {
            if let Value::String(s) = t {
                if let Ok(n) = s.trim().parse::<u64>() {
                    *t = Value::from(n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_migration_per_older_version_in_order() {
        assert_eq!(MIGRATIONS.len(), FORMAT_VERSION as usize);
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.from as usize, i,
                "MIGRATIONS is append-only, indexed by version"
            );
        }
    }

    #[test]
    fn current_version_is_unchanged() {
        let v = serde_json::json!({"format": "gap42.assessment", "version": 1});
        assert_eq!(migrate(v.clone(), FORMAT_VERSION), Ok(v));
    }

    #[test]
    fn v0_strings_become_numbers() {
        let v = serde_json::json!({
            "format": "gap42.assessment", "version": 0,
            "assessment": {"organization": "Org", "responses": {
                "4.1": {"maturity": "3", "target": "4"},
                "4.2": {"maturity": "", "target": ""},
                "4.3": {"maturity": "x"}
            }},
            "snapshots": [{"responses": {"4.1": {"maturity": " 2 "}}}]
        });
        let out = migrate(v, 0).expect("migrates");
        assert_eq!(out["version"], 1);
        assert_eq!(out["catalog"], "iso42001:2023");
        let a = &out["assessment"];
        assert_eq!(a["organisation"], "Org");
        assert!(a.get("organization").is_none());
        assert_eq!(a["schema_version"], 1);
        assert_eq!(a["responses"]["4.1"]["maturity"], 3);
        assert_eq!(a["responses"]["4.1"]["target"], 4);
        assert_eq!(a["responses"]["4.2"]["maturity"], Value::Null);
        assert!(a["responses"]["4.2"].get("target").is_none());
        assert_eq!(a["responses"]["4.3"]["maturity"], "x");
        assert_eq!(out["snapshots"][0]["responses"]["4.1"]["maturity"], 2);
    }
}
