//! What an import writes, decided before anything touches storage: which assessments collide
//! with ones already in this browser, and how the user chose to resolve that (keep both as copies,
//! or replace). Also the small wrapper file around an encrypted export.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::domain::{Assessment, Snapshot};
use crate::exchange::json::{AssessmentFile, Imported, MAX_NAME_CHARS};

use super::super::crypto::ITERATIONS;

/// Suffix given to the name of an assessment imported as a copy.
pub const COPY_SUFFIX: &str = " (imported)";

/// How to resolve assessments whose id is already in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Import them as copies with new ids (and new snapshot ids).
    KeepBoth,
    /// Overwrite the stored versions.
    Replace,
}

/// Every assessment of an import, in file order.
pub fn entries(imported: &Imported) -> Vec<AssessmentFile> {
    match imported {
        Imported::Assessment(f) => vec![f.clone()],
        Imported::Backup(all) => all.clone(),
    }
}

/// The entries whose assessment id is already stored (`existing`: id → stored revision).
pub fn collisions<'a>(
    entries: &'a [AssessmentFile],
    existing: &BTreeMap<String, u64>,
) -> Vec<&'a AssessmentFile> {
    entries
        .iter()
        .filter(|e| existing.contains_key(&e.assessment.id))
        .collect()
}

/// Everything one import writes, in one transaction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub assessments: Vec<Assessment>,
    pub snapshots: Vec<Snapshot>,
    /// Ids the imported assessments have in this browser, in file order.
    pub ids: Vec<String>,
    /// How many were imported as copies.
    pub copies: usize,
    /// Ids of stored assessments that are overwritten.
    pub replaced: BTreeSet<String>,
}

/// `name` + [`COPY_SUFFIX`], shortened so the result stays within the name limit.
pub fn copy_name(name: &str) -> String {
    let room = MAX_NAME_CHARS - COPY_SUFFIX.chars().count();
    let base: String = name.chars().take(room).collect();
    format!("{}{COPY_SUFFIX}", base.trim_end())
}

/// Decide what to write. Assessments not yet stored are written as they are; colliding ones are
/// copied (new ids from `new_id`, name suffix) or replace the stored version (with a revision
/// above the stored one, so other tabs notice).
pub fn plan(
    entries: Vec<AssessmentFile>,
    existing: &BTreeMap<String, u64>,
    choice: Choice,
    mut new_id: impl FnMut() -> String,
) -> Plan {
    let mut out = Plan::default();
    for AssessmentFile {
        mut assessment,
        mut snapshots,
    } in entries
    {
        match (existing.get(&assessment.id), choice) {
            (None, _) => {}
            (Some(_), Choice::KeepBoth) => {
                assessment.id = new_id();
                assessment.name = copy_name(&assessment.name);
                assessment.revision = 0;
                for s in snapshots.iter_mut() {
                    s.id = new_id();
                    s.assessment_id = assessment.id.clone();
                }
                out.copies += 1;
            }
            (Some(&stored), Choice::Replace) => {
                assessment.revision = stored.max(assessment.revision) + 1;
                out.replaced.insert(assessment.id.clone());
            }
        }
        out.ids.push(assessment.id.clone());
        out.assessments.push(assessment);
        out.snapshots.extend(snapshots);
    }
    out
}

/// Format name of the encrypted wrapper file.
pub const ENCRYPTED_FORMAT: &str = "gap42.encrypted";

/// The wrapper file of an encrypted export: the assessment file, compressed and encrypted, in
/// `data` (`e1.` packing), with the parameters needed to decrypt it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EncryptedFile {
    pub format: &'static str,
    pub version: u32,
    pub kdf: &'static str,
    pub iterations: u32,
    pub cipher: &'static str,
    pub data: String,
}

impl EncryptedFile {
    /// A wrapper for freshly encrypted data.
    pub fn new(data: String) -> EncryptedFile {
        EncryptedFile {
            format: ENCRYPTED_FORMAT,
            version: 1,
            kdf: "PBKDF2-SHA256",
            iterations: ITERATIONS,
            cipher: "AES-GCM",
            data,
        }
    }

    /// The file's text (pretty JSON, fixed key order).
    pub fn to_text(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// What [`read_encrypted`] found in an encrypted wrapper: the packed data and its iterations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locked {
    pub data: String,
    pub iterations: u32,
}

/// `None` when `bytes` is not an encrypted wrapper (then it goes through the normal import);
/// otherwise the wrapper's content, or a message saying what is wrong with it.
pub fn read_encrypted(bytes: &[u8]) -> Option<Result<Locked, String>> {
    // Cheap test first: every wrapper names its format.
    if !bytes
        .windows(ENCRYPTED_FORMAT.len())
        .any(|w| w == ENCRYPTED_FORMAT.as_bytes())
    {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    if v.get("format").and_then(|f| f.as_str()) != Some(ENCRYPTED_FORMAT) {
        return None;
    }
    let field = |k: &str| v.get(k);
    Some((|| {
        match field("version").and_then(|x| x.as_u64()) {
            Some(1) => {}
            Some(n) => {
                return Err(format!(
                    "version: this encrypted file was made by a newer gap42 (version {n}); reload the app to update it"
                ))
            }
            None => return Err("version: missing or not a number".into()),
        }
        if field("kdf").and_then(|x| x.as_str()) != Some("PBKDF2-SHA256") {
            return Err("kdf: only PBKDF2-SHA256 is supported".into());
        }
        if field("cipher").and_then(|x| x.as_str()) != Some("AES-GCM") {
            return Err("cipher: only AES-GCM is supported".into());
        }
        let iterations = field("iterations")
            .and_then(|x| x.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| "iterations: missing or not a whole number".to_string())?;
        let data = field("data")
            .and_then(|x| x.as_str())
            .filter(|d| d.starts_with(crate::exchange::share::ENCRYPTED_PREFIX))
            .ok_or_else(|| "data: missing or not gap42 encrypted data (e1.…)".to_string())?;
        Ok(Locked {
            data: data.to_string(),
            iterations,
        })
    })())
}
