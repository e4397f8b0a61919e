//! The gap42 file format: versioned JSON for one assessment or a backup of many.
//!
//! # Shapes
//!
//! One assessment:
//!
//! ```json
//! {"format": "gap42.assessment", "version": 1, "catalog": "iso42001:2023/…",
//!  "assessment": { …Assessment… }, "snapshots": [ …Snapshot… ]}
//! ```
//!
//! A backup:
//!
//! ```json
//! {"format": "gap42.backup", "version": 1, "catalog": "iso42001:2023/…",
//!  "entries": [{"assessment": { … }, "snapshots": [ … ]}]}
//! ```
//!
//! The `assessment` and snapshot objects are the serde form of [`Assessment`] and [`Snapshot`].
//! `public/gap42.schema.json` describes the same shapes as a JSON Schema and `docs/file-format.md`
//! describes them in prose.
//!
//! # Export
//!
//! [`export_assessment`] and [`export_backup`] are deterministic: pretty-printed with two-space
//! indentation, keys in a fixed order (envelope keys as above, struct fields in declaration order,
//! maps sorted by key), no field that records the time of export, and a final newline. Hence
//! export → [`import`] → export gives the same bytes.
//!
//! # Import
//!
//! [`import`] validates everything before anything else may touch storage, and is all-or-nothing:
//! it returns either a fully valid value or an [`ImportError`] that lists every problem found, each
//! with a location such as `assessment.responses["A.6.2.4"].maturity`. In order:
//!
//! 1. size (at most [`MAX_IMPORT_BYTES`]);
//! 2. encoding: UTF-8 (a UTF-8 byte-order mark is skipped; UTF-16/UTF-32 and other encodings such
//!    as Latin-1 are refused with a message saying so);
//! 3. nesting depth (at most [`MAX_DEPTH`], checked by a flat scan, so a 100 000-deep `[[[…` is
//!    an error, never a stack overflow);
//! 4. well-formed JSON (errors carry line and column); duplicate keys in any object are reported
//!    (plain serde_json would silently keep the last one);
//! 5. `format` known, `version` not newer than [`FORMAT_VERSION`]; older versions are migrated by
//!    [`super::migrate`];
//! 6. every field: known, of the right type and range, texts within the limits below, item ids
//!    from the catalog, exclusions only for Annex A controls and always justified, no duplicate
//!    assessment or snapshot ids, snapshots belonging to their assessment.
//!
//! Text is data: `<script>` in a note is accepted and kept as is (the UI escapes on display).
//!
//! # Limits
//!
//! Lengths count Unicode scalar values (`char`s), not bytes.
//!
//! | what | limit |
//! | --- | --- |
//! | file size | [`MAX_IMPORT_BYTES`] = 10 MiB |
//! | nesting depth | [`MAX_DEPTH`] = 32 |
//! | assessment and snapshot ids | [`MAX_ID_CHARS`] = 128, not blank, no control characters |
//! | names: assessment, organisation, assessor, snapshot, owner, evidence title | [`MAX_NAME_CHARS`] = 200 |
//! | evidence reference (URL or document reference) | [`MAX_REFERENCE_CHARS`] = 2 000 |
//! | long texts: scope, notes, action, exclusion justification | [`MAX_TEXT_CHARS`] = 20 000 |
//! | evidence entries per item | [`MAX_EVIDENCE_PER_ITEM`] = 100 |
//! | snapshots per assessment | [`MAX_SNAPSHOTS`] = 1 000 |
//! | assessments per backup | [`MAX_BACKUP_ENTRIES`] = 1 000 |
//! | problems listed in one [`ImportError`] | [`MAX_PROBLEMS`] = 1 000 (then a count of the rest) |

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::catalog::{catalog, Catalog, Part, CATALOG_VERSION};
use crate::domain::{Assessment, Snapshot, SCHEMA_VERSION};

use super::migrate;

/// Version of the file format written by this build. Older versions are migrated on import
/// (see [`super::migrate`]); newer versions are refused.
pub const FORMAT_VERSION: u32 = 1;

/// `format` tag of a single-assessment file.
pub const FORMAT_ASSESSMENT: &str = "gap42.assessment";

/// `format` tag of a backup file.
pub const FORMAT_BACKUP: &str = "gap42.backup";

/// Prefix that the `catalog` field of an importable file must have: the ids of ISO/IEC 42001:2023.
/// The rest of the tag (the guidance version) may differ from [`CATALOG_VERSION`].
pub const CATALOG_PREFIX: &str = "iso42001:2023";

/// Largest file [`import`] accepts: 10 MiB (10 × 1024 × 1024 bytes).
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// Deepest nesting of arrays and objects [`import`] accepts. The format itself needs at most 9
/// (backup → entry → snapshots → snapshot → responses → response → evidence → entry).
pub const MAX_DEPTH: usize = 32;

/// Longest assessment or snapshot id, in characters.
pub const MAX_ID_CHARS: usize = 128;

/// Longest short text (assessment name, organisation, assessor, snapshot name, owner, evidence
/// title), in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Longest evidence reference (a URL or a document reference), in characters.
pub const MAX_REFERENCE_CHARS: usize = 2_000;

/// Longest long text (scope, notes, action, exclusion justification), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Most evidence entries on one item.
pub const MAX_EVIDENCE_PER_ITEM: usize = 100;

/// Most snapshots of one assessment.
pub const MAX_SNAPSHOTS: usize = 1_000;

/// Most assessments in one backup.
pub const MAX_BACKUP_ENTRIES: usize = 1_000;

/// Most problems listed in one [`ImportError`]; further ones are counted in a last entry.
pub const MAX_PROBLEMS: usize = 1_000;

/// One assessment with its snapshots: the content of a `gap42.assessment` file and of one entry
/// of a `gap42.backup` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentFile {
    pub assessment: Assessment,
    pub snapshots: Vec<Snapshot>,
}

/// A successfully imported file.
// One value per import: boxing the larger variant would only make matching clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    /// A `gap42.assessment` file.
    Assessment(AssessmentFile),
    /// A `gap42.backup` file: every assessment with its snapshots, in file order.
    Backup(Vec<AssessmentFile>),
}

/// What kind of problem an import found (for the UI to pick help text; the message says it all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge,
    /// The file is empty.
    Empty,
    /// Not UTF-8 (UTF-16, UTF-32, Latin-1, …).
    Encoding,
    /// Arrays/objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Not well-formed JSON (truncated, stray characters, …).
    Syntax,
    /// The same key twice in one JSON object.
    DuplicateKey,
    /// Not a gap42 file, or an unknown `format`.
    NotGap42,
    /// Written by a newer gap42.
    NewerVersion,
    /// A migration from an older format version failed.
    Migration,
    /// A required field is missing.
    MissingField,
    /// A field gap42 does not know.
    UnknownField,
    /// A value of the wrong JSON type.
    WrongType,
    /// A number or a choice outside its allowed range or set.
    OutOfRange,
    /// A text over its length limit, or a list over its size limit.
    TooLong,
    /// A malformed id, date or timestamp.
    BadFormat,
    /// A response for an id that is not in the catalog.
    UnknownItem,
    /// The same assessment or snapshot id twice.
    DuplicateId,
    /// An exclusion recorded against a clause 4–10 requirement.
    ClauseExcluded,
    /// An exclusion without justification.
    JustificationMissing,
    /// A snapshot whose `assessment_id` is not its assessment's id.
    Mismatch,
    /// The count of problems left out after [`MAX_PROBLEMS`].
    MoreProblems,
}

/// One problem found by [`import`], with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Location in the file, e.g. `assessment.responses["A.6.2.4"].maturity`, or a
    /// `line L, column C` position for encoding and syntax problems; empty for the whole file.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a file was not imported: every problem found (up to [`MAX_PROBLEMS`]).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", render_problems(.problems))]
pub struct ImportError {
    pub problems: Vec<Problem>,
}

impl ImportError {
    fn one(kind: ProblemKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError {
            problems: vec![Problem {
                kind,
                path: path.into(),
                message: message.into(),
            }],
        }
    }

    /// Whether any problem is of this kind.
    pub fn has(&self, kind: ProblemKind) -> bool {
        self.problems.iter().any(|p| p.kind == kind)
    }
}

fn render_problems(problems: &[Problem]) -> String {
    let mut out = match problems.len() {
        1 => String::from("The file was not imported (1 problem):"),
        n => format!("The file was not imported ({n} problems):"),
    };
    for p in problems {
        out.push_str("\n- ");
        out.push_str(&p.to_string());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

#[derive(Serialize)]
struct AssessmentEnvelope<'a> {
    format: &'static str,
    version: u32,
    catalog: &'static str,
    assessment: &'a Assessment,
    snapshots: &'a [Snapshot],
}

#[derive(Serialize)]
struct EntryRef<'a> {
    assessment: &'a Assessment,
    snapshots: &'a [Snapshot],
}

#[derive(Serialize)]
struct BackupEnvelope<'a> {
    format: &'static str,
    version: u32,
    catalog: &'static str,
    entries: Vec<EntryRef<'a>>,
}

fn to_pretty<T: Serialize>(value: &T) -> String {
    // These types hold only strings, integers, sequences and string-keyed maps: serialising them
    // to an in-memory string has no failure path.
    let mut out = serde_json::to_string_pretty(value).expect("plain data serialises to JSON");
    out.push('\n');
    out
}

/// A `gap42.assessment` file for one assessment and its snapshots (in the order given).
/// Deterministic: the same input always gives the same bytes.
pub fn export_assessment(a: &Assessment, snapshots: &[Snapshot]) -> String {
    to_pretty(&AssessmentEnvelope {
        format: FORMAT_ASSESSMENT,
        version: FORMAT_VERSION,
        catalog: CATALOG_VERSION,
        assessment: a,
        snapshots,
    })
}

/// [`export_assessment`] of an [`AssessmentFile`].
pub fn export_file(file: &AssessmentFile) -> String {
    export_assessment(&file.assessment, &file.snapshots)
}

/// A `gap42.backup` file holding every entry (in the order given). Deterministic.
pub fn export_backup(entries: &[AssessmentFile]) -> String {
    to_pretty(&BackupEnvelope {
        format: FORMAT_BACKUP,
        version: FORMAT_VERSION,
        catalog: CATALOG_VERSION,
        entries: entries
            .iter()
            .map(|e| EntryRef {
                assessment: &e.assessment,
                snapshots: &e.snapshots,
            })
            .collect(),
    })
}

// ---------------------------------------------------------------------------------------------
// Import: bytes → text → JSON value
// ---------------------------------------------------------------------------------------------

/// Import a gap42 file (either kind). See the module documentation for everything checked.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let text = decode_text(bytes)?;
    check_depth(text)?;
    let (root, duplicates) = parse_json(text)?;
    // Duplicate keys are reported together with everything else found in the file.
    match import_value(root) {
        Ok(_) if !duplicates.is_empty() => Err(ImportError {
            problems: duplicates,
        }),
        Ok(imported) => Ok(imported),
        Err(mut e) => {
            let mut problems = duplicates;
            problems.append(&mut e.problems);
            if problems.len() > MAX_PROBLEMS + 1 {
                problems.truncate(MAX_PROBLEMS);
                problems.push(Problem {
                    kind: ProblemKind::MoreProblems,
                    path: String::new(),
                    message: "… and more problems not listed".into(),
                });
            }
            Err(ImportError { problems })
        }
    }
}

/// Line and column (both 1-based, columns in characters) of a byte offset in `bytes`.
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let upto = &bytes[..offset.min(bytes.len())];
    let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
    let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    // Count characters, not bytes: skip UTF-8 continuation bytes.
    let col = 1 + upto[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    (line, col)
}

fn at(line: usize, col: usize) -> String {
    format!("line {line}, column {col}")
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Size and encoding checks; returns the text without a UTF-8 byte-order mark.
fn decode_text(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::one(
            ProblemKind::TooLarge,
            "",
            format!(
                "the file is {} ({} bytes); gap42 imports files up to {} ({} bytes)",
                mib(bytes.len()),
                bytes.len(),
                mib(MAX_IMPORT_BYTES),
                MAX_IMPORT_BYTES
            ),
        ));
    }
    let encoding_hint =
        "; gap42 files are UTF-8: open the file in a text editor and save it as UTF-8";
    let wrong = |name: &str| {
        Err(ImportError::one(
            ProblemKind::Encoding,
            "",
            format!("the file is encoded as {name}{encoding_hint}"),
        ))
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0x00, 0x00]) {
        return wrong("UTF-32 (little-endian)");
    }
    if bytes.starts_with(&[0x00, 0x00, 0xFE, 0xFF]) {
        return wrong("UTF-32 (big-endian)");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return wrong("UTF-16 (little-endian)");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return wrong("UTF-16 (big-endian)");
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if body.len() >= 2 && (body[0] == 0 || body[1] == 0) {
        // JSON text starts with ASCII; a zero byte beside it means a 16- or 32-bit encoding.
        let name = if body[0] == 0 {
            "UTF-16 (big-endian, no byte-order mark)"
        } else {
            "UTF-16 (little-endian, no byte-order mark)"
        };
        return wrong(name);
    }
    match std::str::from_utf8(body) {
        Ok(text) if text.trim().is_empty() => Err(ImportError::one(
            ProblemKind::Empty,
            "",
            "the file is empty",
        )),
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.valid_up_to();
            let (line, col) = line_col(body, offset);
            let byte = body.get(offset).copied().unwrap_or(0);
            Err(ImportError::one(
                ProblemKind::Encoding,
                at(line, col),
                format!(
                    "byte 0x{byte:02X} is not valid UTF-8; the file seems to be in another \
                     encoding (such as Latin-1 or Windows-1252){encoding_hint}"
                ),
            ))
        }
    }
}

/// Refuse nesting deeper than [`MAX_DEPTH`] with a flat scan (no recursion, no stack growth).
fn check_depth(text: &str) -> Result<(), ImportError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let (line, col) = line_col(bytes, i);
                    return Err(ImportError::one(
                        ProblemKind::TooDeep,
                        at(line, col),
                        format!(
                            "arrays and objects are nested more than {MAX_DEPTH} levels deep; \
                             this is not a gap42 file"
                        ),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parse JSON into a [`Value`] (keeping the last of duplicate keys, like serde_json) and the
/// list of duplicate keys found (with their paths). Syntax errors carry line and column.
fn parse_json(text: &str) -> Result<(Value, Vec<Problem>), ImportError> {
    let duplicates = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ValueSeed {
        path: String::new(),
        duplicates: &duplicates,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match parsed {
        Err(e) => {
            let full = e.to_string();
            let msg = full
                .rfind(" at line ")
                .map_or(full.as_str(), |p| &full[..p])
                .to_string();
            let msg = if e.is_eof() {
                format!("the file ends too early; it may be truncated ({msg})")
            } else {
                format!("not valid JSON: {msg}")
            };
            Err(ImportError::one(
                ProblemKind::Syntax,
                at(e.line(), e.column()),
                msg,
            ))
        }
        Ok(v) => Ok((v, duplicates.into_inner())),
    }
}

/// Builds a [`Value`] like serde_json does, but records duplicate object keys.
struct ValueSeed<'p> {
    path: String,
    duplicates: &'p RefCell<Vec<Problem>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let seed = ValueSeed {
                path: index(&self.path, out.len()),
                duplicates: self.duplicates,
            };
            match seq.next_element_seed(seed)? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = child(&self.path, &key);
            let value = map.next_value_seed(ValueSeed {
                path: path.clone(),
                duplicates: self.duplicates,
            })?;
            if out.insert(key.clone(), value).is_some() {
                let mut dups = self.duplicates.borrow_mut();
                if dups.len() < MAX_PROBLEMS {
                    dups.push(Problem {
                        kind: ProblemKind::DuplicateKey,
                        path,
                        message: format!(
                            "the key {} appears more than once in the same object",
                            quote(&key)
                        ),
                    });
                }
            }
        }
        Ok(Value::Object(out))
    }
}

// ---------------------------------------------------------------------------------------------
// Paths and value descriptions
// ---------------------------------------------------------------------------------------------

/// JSON-quote a string for a message (escapes quotes and control characters), shortened.
fn quote(s: &str) -> String {
    const SHOWN: usize = 60;
    if s.chars().count() > SHOWN {
        let short: String = s.chars().take(SHOWN).collect();
        let q = serde_json::to_string(&short).unwrap_or_default();
        format!("{}…\"", &q[..q.len() - 1])
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

/// Whether a key can be shown as `.key` in a path.
fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !key.starts_with(|c: char| c.is_ascii_digit())
}

/// Path of an object member: `parent.key`, or `parent["odd key"]`.
fn child(parent: &str, key: &str) -> String {
    if is_plain_key(key) {
        if parent.is_empty() {
            key.to_string()
        } else {
            format!("{parent}.{key}")
        }
    } else {
        format!("{parent}[{}]", quote(key))
    }
}

/// Path of a map entry keyed by an id: always `parent["id"]`.
fn keyed(parent: &str, key: &str) -> String {
    format!("{parent}[{}]", quote(key))
}

/// Path of an array element: `parent[i]`.
fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// "a string "x"", "the number 7", "null", … for messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {}", quote(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Import: envelope, version and migration
// ---------------------------------------------------------------------------------------------

/// The kind of a gap42 file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Assessment,
    Backup,
}

fn import_value(root: Value) -> Result<Imported, ImportError> {
    let Value::Object(top) = &root else {
        return Err(ImportError::one(
            ProblemKind::NotGap42,
            "",
            format!(
                "this is not a gap42 file: expected an object with a \"format\" field, found {}",
                describe(&root)
            ),
        ));
    };
    let kind = match top.get("format") {
        None => {
            return Err(ImportError::one(
                ProblemKind::NotGap42,
                "",
                "this is not a gap42 file: it has no \"format\" field",
            ))
        }
        Some(Value::String(s)) if s == FORMAT_ASSESSMENT => Kind::Assessment,
        Some(Value::String(s)) if s == FORMAT_BACKUP => Kind::Backup,
        Some(other) => {
            return Err(ImportError::one(
                ProblemKind::NotGap42,
                "format",
                format!(
                    "{} is not a gap42 file format (expected \"{FORMAT_ASSESSMENT}\" or \
                     \"{FORMAT_BACKUP}\")",
                    describe(other)
                ),
            ))
        }
    };
    let version = match top.get("version") {
        None => {
            return Err(ImportError::one(
                ProblemKind::MissingField,
                "version",
                "missing: a gap42 file states its format version",
            ))
        }
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => {
                return Err(ImportError::one(
                    ProblemKind::WrongType,
                    "version",
                    format!("expected a whole number, found {}", describe(v)),
                ))
            }
        },
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(ImportError::one(
            ProblemKind::NewerVersion,
            "version",
            format!(
                "made by a newer gap42 (format version {version}); this copy reads up to \
                 {FORMAT_VERSION}. Update gap42 (reload the page) and import again"
            ),
        ));
    }
    let root = if version < u64::from(FORMAT_VERSION) {
        // version < FORMAT_VERSION, so it fits in u32.
        let from = u32::try_from(version).unwrap_or(0);
        migrate::migrate(root, from)
            .map_err(|e| ImportError::one(ProblemKind::Migration, "version", e.to_string()))?
    } else {
        root
    };

    let mut checker = Checker::new(catalog());
    checker.file(&root, kind);
    if let Some(err) = checker.finish() {
        return Err(err);
    }
    build(root, kind)
}

/// Turn a validated value into typed data.
fn build(root: Value, kind: Kind) -> Result<Imported, ImportError> {
    let Value::Object(mut top) = root else {
        return Err(ImportError::one(ProblemKind::NotGap42, "", "not an object"));
    };
    match kind {
        Kind::Assessment => Ok(Imported::Assessment(build_entry(&mut top, "")?)),
        Kind::Backup => {
            let entries = match top.remove("entries") {
                Some(Value::Array(entries)) => entries,
                _ => Vec::new(),
            };
            let mut out = Vec::with_capacity(entries.len());
            for (i, e) in entries.into_iter().enumerate() {
                let path = index("entries", i);
                let Value::Object(mut e) = e else {
                    return Err(ImportError::one(
                        ProblemKind::WrongType,
                        path,
                        "not an object",
                    ));
                };
                out.push(build_entry(&mut e, &path)?);
            }
            Ok(Imported::Backup(out))
        }
    }
}

fn build_entry(obj: &mut Map<String, Value>, path: &str) -> Result<AssessmentFile, ImportError> {
    fn typed<T: serde::de::DeserializeOwned>(v: Value, p: String) -> Result<T, ImportError> {
        serde_json::from_value(v)
            .map_err(|e| ImportError::one(ProblemKind::WrongType, p, e.to_string()))
    }
    let assessment: Assessment = typed(
        obj.remove("assessment").unwrap_or(Value::Null),
        child(path, "assessment"),
    )?;
    let snapshots: Vec<Snapshot> = match obj.remove("snapshots") {
        None => Vec::new(),
        Some(v) => typed(v, child(path, "snapshots"))?,
    };
    Ok(AssessmentFile {
        assessment,
        snapshots,
    })
}

// ---------------------------------------------------------------------------------------------
// Import: field-by-field validation
// ---------------------------------------------------------------------------------------------

const ASSESSMENT_FIELDS: &[&str] = &[
    "id",
    "name",
    "organisation",
    "scope",
    "roles",
    "assessor",
    "created",
    "updated",
    "schema_version",
    "revision",
    "responses",
    "last_exported",
    "edits_since_export",
];
const ASSESSMENT_REQUIRED: &[&str] = &["id", "name", "created", "updated", "schema_version"];
const RESPONSE_FIELDS: &[&str] = &[
    "maturity",
    "target",
    "notes",
    "evidence",
    "owner",
    "due",
    "action",
    "action_status",
    "priority",
    "applicability",
];
const EVIDENCE_FIELDS: &[&str] = &["title", "reference", "date"];
const SNAPSHOT_FIELDS: &[&str] = &["id", "assessment_id", "name", "taken", "responses"];
const ROLES: &[&str] = &[
    "provider",
    "producer",
    "customer",
    "partner",
    "subject",
    "relevant_authority",
];
const REASONS: &[&str] = &[
    "risk_treatment",
    "legal_regulatory",
    "contractual",
    "best_practice",
];
const ACTION_STATUSES: &[&str] = &["not_started", "in_progress", "done"];
const PRIORITIES: &[&str] = &["low", "medium", "high"];

/// Collects every problem of a parsed file.
struct Checker<'c> {
    catalog: &'c Catalog,
    problems: Vec<Problem>,
    dropped: usize,
    /// Snapshot ids seen in the file, with the path of the first use.
    snapshot_ids: HashMap<String, String>,
}

impl<'c> Checker<'c> {
    fn new(catalog: &'c Catalog) -> Self {
        Checker {
            catalog,
            problems: Vec::new(),
            dropped: 0,
            snapshot_ids: HashMap::new(),
        }
    }

    fn push(&mut self, kind: ProblemKind, path: &str, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                kind,
                path: path.to_string(),
                message: message.into(),
            });
        } else {
            self.dropped += 1;
        }
    }

    fn finish(mut self) -> Option<ImportError> {
        if self.dropped > 0 {
            self.problems.push(Problem {
                kind: ProblemKind::MoreProblems,
                path: String::new(),
                message: format!("… and {} more problems not listed", self.dropped),
            });
        }
        if self.problems.is_empty() {
            None
        } else {
            Some(ImportError {
                problems: self.problems,
            })
        }
    }

    /// The value as an object, or a problem.
    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.push(
                    ProblemKind::WrongType,
                    path,
                    format!("expected an object, found {}", describe(other)),
                );
                None
            }
        }
    }

    /// Report unknown and missing fields of an object.
    fn fields(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str], required: &[&str]) {
        for key in m.keys() {
            if !allowed.contains(&key.as_str()) {
                self.push(
                    ProblemKind::UnknownField,
                    &child(path, key),
                    format!("unknown field; gap42 expects only: {}", allowed.join(", ")),
                );
            }
        }
        for key in required {
            if !m.contains_key(*key) {
                self.push(ProblemKind::MissingField, &child(path, key), "missing");
            }
        }
    }

    /// A string field of at most `max` characters (absent is fine: `fields` reports required ones).
    fn text<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
        max: usize,
    ) -> Option<&'v str> {
        let v = m.get(key)?;
        self.text_value(v, &child(path, key), max)
    }

    fn text_value<'v>(&mut self, v: &'v Value, path: &str, max: usize) -> Option<&'v str> {
        match v {
            Value::String(s) => {
                let n = s.chars().count();
                if n > max {
                    self.push(
                        ProblemKind::TooLong,
                        path,
                        format!("{n} characters; the limit is {max}"),
                    );
                    None
                } else {
                    Some(s)
                }
            }
            other => {
                self.push(
                    ProblemKind::WrongType,
                    path,
                    format!("expected text, found {}", describe(other)),
                );
                None
            }
        }
    }

    /// An id: text, not blank, at most [`MAX_ID_CHARS`], no control characters.
    fn id<'v>(&mut self, m: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v str> {
        let p = child(path, key);
        let s = self.text(m, path, key, MAX_ID_CHARS)?;
        if s.trim().is_empty() {
            self.push(ProblemKind::BadFormat, &p, "an id cannot be blank");
            None
        } else if s.chars().any(char::is_control) {
            self.push(
                ProblemKind::BadFormat,
                &p,
                "an id cannot contain control characters",
            );
            None
        } else {
            Some(s)
        }
    }

    /// A whole number 0..=max.
    fn uint(&mut self, m: &Map<String, Value>, path: &str, key: &str, max: u64) -> Option<u64> {
        let v = m.get(key)?;
        let p = child(path, key);
        match v {
            Value::Number(n) => match n.as_u64() {
                Some(x) if x <= max => Some(x),
                Some(x) => {
                    self.push(
                        ProblemKind::OutOfRange,
                        &p,
                        format!("{x} is larger than {max}"),
                    );
                    None
                }
                None => {
                    self.push(
                        ProblemKind::OutOfRange,
                        &p,
                        format!("{n} is not a whole number 0 or more"),
                    );
                    None
                }
            },
            other => {
                self.push(
                    ProblemKind::WrongType,
                    &p,
                    format!("expected a whole number, found {}", describe(other)),
                );
                None
            }
        }
    }

    /// A maturity level 0–5 (`nullable`: `null` means not assessed).
    fn maturity(&mut self, m: &Map<String, Value>, path: &str, key: &str, nullable: bool) {
        let Some(v) = m.get(key) else { return };
        let p = child(path, key);
        match v {
            Value::Null if nullable => {}
            Value::Number(n) => match n.as_u64() {
                Some(x) if x <= 5 => {}
                _ => self.push(ProblemKind::OutOfRange, &p, format!("{n} is not 0–5")),
            },
            other => {
                let expected = if nullable {
                    "a maturity level 0–5 or null (not assessed)"
                } else {
                    "a maturity level 0–5"
                };
                self.push(
                    ProblemKind::WrongType,
                    &p,
                    format!("expected {expected}, found {}", describe(other)),
                );
            }
        }
    }

    /// A string that must be one of `allowed`.
    fn choice(&mut self, v: &Value, path: &str, allowed: &[&str]) -> Option<String> {
        match v {
            Value::String(s) if allowed.contains(&s.as_str()) => Some(s.clone()),
            other => {
                self.push(
                    ProblemKind::OutOfRange,
                    path,
                    format!("{} is not one of: {}", describe(other), allowed.join(", ")),
                );
                None
            }
        }
    }

    /// A list of distinct choices.
    fn choice_set(&mut self, v: &Value, path: &str, allowed: &[&str]) {
        let Value::Array(items) = v else {
            self.push(
                ProblemKind::WrongType,
                path,
                format!("expected a list, found {}", describe(v)),
            );
            return;
        };
        let mut seen = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = index(path, i);
            if let Some(s) = self.choice(item, &p, allowed) {
                if seen.contains(&s) {
                    self.push(
                        ProblemKind::DuplicateId,
                        &p,
                        format!("{} is listed twice", quote(&s)),
                    );
                } else {
                    seen.push(s);
                }
            }
        }
    }

    /// An RFC 3339 timestamp (`nullable`: `null` allowed).
    fn timestamp(&mut self, m: &Map<String, Value>, path: &str, key: &str, nullable: bool) {
        let Some(v) = m.get(key) else { return };
        let p = child(path, key);
        match v {
            Value::Null if nullable => {}
            Value::String(s) if is_rfc3339(s) => {}
            Value::String(s) => self.push(
                ProblemKind::BadFormat,
                &p,
                format!(
                    "{} is not a date and time like 2025-01-31T09:30:00Z (RFC 3339)",
                    quote(s)
                ),
            ),
            other => self.push(
                ProblemKind::WrongType,
                &p,
                format!(
                    "expected a date and time (RFC 3339), found {}",
                    describe(other)
                ),
            ),
        }
    }

    /// A calendar date `YYYY-MM-DD`, or empty.
    fn date(&mut self, m: &Map<String, Value>, path: &str, key: &str) {
        let Some(s) = self.text(m, path, key, MAX_NAME_CHARS) else {
            return;
        };
        if !s.is_empty() && !is_date(s) {
            self.push(
                ProblemKind::BadFormat,
                &child(path, key),
                format!("{} is not a date like 2025-01-31 (or empty)", quote(s)),
            );
        }
    }

    /// A whole file.
    fn file(&mut self, root: &Value, kind: Kind) {
        let Some(top) = self.object(root, "") else {
            return;
        };
        match kind {
            Kind::Assessment => {
                self.fields(
                    top,
                    "",
                    &["format", "version", "catalog", "assessment", "snapshots"],
                    &["catalog", "assessment"],
                );
                self.catalog_tag(top);
                self.entry(top, "");
            }
            Kind::Backup => {
                self.fields(
                    top,
                    "",
                    &["format", "version", "catalog", "entries"],
                    &["catalog", "entries"],
                );
                self.catalog_tag(top);
                let Some(v) = top.get("entries") else { return };
                let Value::Array(entries) = v else {
                    self.push(
                        ProblemKind::WrongType,
                        "entries",
                        format!("expected a list, found {}", describe(v)),
                    );
                    return;
                };
                if entries.len() > MAX_BACKUP_ENTRIES {
                    self.push(
                        ProblemKind::TooLong,
                        "entries",
                        format!(
                            "{} assessments; a backup holds at most {MAX_BACKUP_ENTRIES}",
                            entries.len()
                        ),
                    );
                    return;
                }
                let mut ids: HashMap<String, String> = HashMap::new();
                for (i, e) in entries.iter().enumerate() {
                    let path = index("entries", i);
                    let Some(obj) = self.object(e, &path) else {
                        continue;
                    };
                    self.fields(obj, &path, &["assessment", "snapshots"], &["assessment"]);
                    if let Some(id) = self.entry(obj, &path) {
                        let id_path = child(&child(&path, "assessment"), "id");
                        if let Some(first) = ids.get(&id) {
                            self.push(
                                ProblemKind::DuplicateId,
                                &id_path,
                                format!(
                                    "{} is also the id of {first}; assessment ids in a backup \
                                     must be unique",
                                    quote(&id)
                                ),
                            );
                        } else {
                            ids.insert(id, path);
                        }
                    }
                }
            }
        }
    }

    fn catalog_tag(&mut self, top: &Map<String, Value>) {
        if let Some(tag) = self.text(top, "", "catalog", MAX_NAME_CHARS) {
            if !tag.starts_with(CATALOG_PREFIX) {
                self.push(
                    ProblemKind::OutOfRange,
                    "catalog",
                    format!(
                        "{} is not the ISO/IEC 42001:2023 catalog this copy of gap42 knows \
                         ({CATALOG_VERSION})",
                        quote(tag)
                    ),
                );
            }
        }
    }

    /// `{assessment, snapshots}` at `path`; returns the assessment id when it is valid.
    fn entry(&mut self, obj: &Map<String, Value>, path: &str) -> Option<String> {
        let a_path = child(path, "assessment");
        let id = obj
            .get("assessment")
            .and_then(|a| self.assessment(a, &a_path));
        if let Some(v) = obj.get("snapshots") {
            let s_path = child(path, "snapshots");
            match v {
                Value::Array(list) => {
                    if list.len() > MAX_SNAPSHOTS {
                        self.push(
                            ProblemKind::TooLong,
                            &s_path,
                            format!(
                                "{} snapshots; an assessment has at most {MAX_SNAPSHOTS}",
                                list.len()
                            ),
                        );
                    } else {
                        for (i, s) in list.iter().enumerate() {
                            self.snapshot(s, &index(&s_path, i), id.as_deref());
                        }
                    }
                }
                other => self.push(
                    ProblemKind::WrongType,
                    &s_path,
                    format!("expected a list, found {}", describe(other)),
                ),
            }
        }
        id
    }

    /// An assessment object; returns its id when valid.
    fn assessment(&mut self, v: &Value, path: &str) -> Option<String> {
        let m = self.object(v, path)?;
        self.fields(m, path, ASSESSMENT_FIELDS, ASSESSMENT_REQUIRED);
        let id = self.id(m, path, "id").map(str::to_string);
        self.text(m, path, "name", MAX_NAME_CHARS);
        self.text(m, path, "organisation", MAX_NAME_CHARS);
        self.text(m, path, "assessor", MAX_NAME_CHARS);
        self.text(m, path, "scope", MAX_TEXT_CHARS);
        if let Some(roles) = m.get("roles") {
            self.choice_set(roles, &child(path, "roles"), ROLES);
        }
        self.timestamp(m, path, "created", false);
        self.timestamp(m, path, "updated", false);
        self.timestamp(m, path, "last_exported", true);
        if let Some(sv) = self.uint(m, path, "schema_version", u64::from(u32::MAX)) {
            if sv != u64::from(SCHEMA_VERSION) {
                self.push(
                    ProblemKind::OutOfRange,
                    &child(path, "schema_version"),
                    format!(
                        "{sv} is not {SCHEMA_VERSION}; this copy of gap42 reads assessment schema \
                         {SCHEMA_VERSION}"
                    ),
                );
            }
        }
        self.uint(m, path, "revision", u64::MAX);
        self.uint(m, path, "edits_since_export", u64::from(u32::MAX));
        if let Some(r) = m.get("responses") {
            self.responses(r, &child(path, "responses"));
        }
        id
    }

    /// A map of responses by item id.
    fn responses(&mut self, v: &Value, path: &str) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        for (item_id, r) in m {
            let p = keyed(path, item_id);
            match self.catalog.item(item_id) {
                None => self.push(
                    ProblemKind::UnknownItem,
                    &p,
                    format!(
                        "{} is not a clause requirement or Annex A control of ISO/IEC 42001:2023",
                        quote(item_id)
                    ),
                ),
                Some(item) => self.response(item.id, item.part, r, &p),
            }
        }
    }

    /// One response of item `item_id`.
    fn response(&mut self, item_id: &str, part: Part, v: &Value, path: &str) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        self.fields(m, path, RESPONSE_FIELDS, &[]);
        self.maturity(m, path, "maturity", true);
        self.maturity(m, path, "target", false);
        self.text(m, path, "notes", MAX_TEXT_CHARS);
        self.text(m, path, "owner", MAX_NAME_CHARS);
        self.text(m, path, "action", MAX_TEXT_CHARS);
        self.date(m, path, "due");
        if let Some(s) = m.get("action_status") {
            self.choice(s, &child(path, "action_status"), ACTION_STATUSES);
        }
        if let Some(s) = m.get("priority") {
            self.choice(s, &child(path, "priority"), PRIORITIES);
        }
        if let Some(e) = m.get("evidence") {
            self.evidence_list(e, &child(path, "evidence"));
        }
        if let Some(a) = m.get("applicability") {
            self.applicability(item_id, part, a, &child(path, "applicability"));
        }
    }

    fn evidence_list(&mut self, v: &Value, path: &str) {
        let Value::Array(list) = v else {
            self.push(
                ProblemKind::WrongType,
                path,
                format!("expected a list, found {}", describe(v)),
            );
            return;
        };
        if list.len() > MAX_EVIDENCE_PER_ITEM {
            self.push(
                ProblemKind::TooLong,
                path,
                format!(
                    "{} evidence entries; an item has at most {MAX_EVIDENCE_PER_ITEM}",
                    list.len()
                ),
            );
            return;
        }
        for (i, e) in list.iter().enumerate() {
            let p = index(path, i);
            let Some(m) = self.object(e, &p) else {
                continue;
            };
            self.fields(m, &p, EVIDENCE_FIELDS, &["title"]);
            self.text(m, &p, "title", MAX_NAME_CHARS);
            self.text(m, &p, "reference", MAX_REFERENCE_CHARS);
            self.date(m, &p, "date");
        }
    }

    fn applicability(&mut self, item_id: &str, part: Part, v: &Value, path: &str) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        let Some(status) = m.get("status") else {
            self.push(
                ProblemKind::MissingField,
                &child(path, "status"),
                "missing (\"applicable\" or \"excluded\")",
            );
            return;
        };
        match self
            .choice(status, &child(path, "status"), &["applicable", "excluded"])
            .as_deref()
        {
            Some("applicable") => {
                self.fields(m, path, &["status", "reasons"], &["reasons"]);
                if let Some(r) = m.get("reasons") {
                    self.choice_set(r, &child(path, "reasons"), REASONS);
                }
            }
            Some(_) => {
                self.fields(m, path, &["status", "justification"], &["justification"]);
                if part == Part::Clauses {
                    self.push(
                        ProblemKind::ClauseExcluded,
                        path,
                        format!(
                            "{item_id} is a clause 4–10 requirement; only Annex A controls can \
                             be excluded"
                        ),
                    );
                }
                if let Some(j) = self.text(m, path, "justification", MAX_TEXT_CHARS) {
                    if j.trim().is_empty() {
                        self.push(
                            ProblemKind::JustificationMissing,
                            &child(path, "justification"),
                            format!(
                                "the exclusion of {item_id} needs a justification: say why the \
                                 control does not apply"
                            ),
                        );
                    }
                }
            }
            None => {}
        }
    }

    fn snapshot(&mut self, v: &Value, path: &str, assessment_id: Option<&str>) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        self.fields(m, path, SNAPSHOT_FIELDS, SNAPSHOT_FIELDS);
        if let Some(id) = self.id(m, path, "id") {
            let id_path = child(path, "id");
            if let Some(first) = self.snapshot_ids.get(id) {
                let msg = format!(
                    "{} is also the id of {first}; snapshot ids must be unique",
                    quote(id)
                );
                self.push(ProblemKind::DuplicateId, &id_path, msg);
            } else {
                self.snapshot_ids.insert(id.to_string(), path.to_string());
            }
        }
        if let Some(owner) = self.id(m, path, "assessment_id") {
            if let Some(expected) = assessment_id {
                if owner != expected {
                    self.push(
                        ProblemKind::Mismatch,
                        &child(path, "assessment_id"),
                        format!(
                            "{} does not match the assessment's id {}",
                            quote(owner),
                            quote(expected)
                        ),
                    );
                }
            }
        }
        self.text(m, path, "name", MAX_NAME_CHARS);
        self.timestamp(m, path, "taken", false);
        if let Some(r) = m.get("responses") {
            self.responses(r, &child(path, "responses"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

fn digits(s: &str) -> Option<u32> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

/// `YYYY-MM-DD`, a real calendar date.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || !s.is_ascii() || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&s[0..4]), digits(&s[5..7]), digits(&s[8..10]))
    else {
        return false;
    };
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
pub(crate) fn is_rfc3339(s: &str) -> bool {
    if s.len() < 20 || !s.is_ascii() || !is_date(&s[..10]) {
        return false;
    }
    let b = s.as_bytes();
    if !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return false;
    }
    let (Some(h), Some(mi), Some(sec)) =
        (digits(&s[11..13]), digits(&s[14..16]), digits(&s[17..19]))
    else {
        return false;
    };
    if h > 23 || mi > 59 || sec > 60 {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        "Z" | "z" => true,
        _ => {
            let rb = rest.as_bytes();
            rb.len() == 6
                && matches!(rb[0], b'+' | b'-')
                && rb[3] == b':'
                && digits(&rest[1..3]).is_some_and(|oh| oh <= 23)
                && digits(&rest[4..6]).is_some_and(|om| om <= 59)
        }
    }
}

/// Every field name the exporter can emit in a gap42 file, grouped by the object it belongs to
/// (used by the schema drift test and documentation).
pub fn field_names() -> BTreeMap<&'static str, &'static [&'static str]> {
    BTreeMap::from([
        (
            "file",
            &[
                "format",
                "version",
                "catalog",
                "assessment",
                "snapshots",
                "entries",
            ][..],
        ),
        ("entry", &["assessment", "snapshots"][..]),
        ("assessment", ASSESSMENT_FIELDS),
        ("response", RESPONSE_FIELDS),
        ("evidence", EVIDENCE_FIELDS),
        ("applicability", &["status", "reasons", "justification"][..]),
        ("snapshot", SNAPSHOT_FIELDS),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2023-13-01"));
        assert!(!is_date("2023-1-01"));
        assert!(is_rfc3339("2025-11-25T23:26:00.000Z"));
        assert!(is_rfc3339("2025-11-25T23:26:00+01:00"));
        assert!(!is_rfc3339("2025-11-25T23:26:00"));
        assert!(!is_rfc3339("2025-11-25"));
        assert!(!is_rfc3339("2025-11-25T24:00:00Z"));
    }

    #[test]
    fn paths() {
        assert_eq!(child("", "assessment"), "assessment");
        assert_eq!(child("a", "b c"), "a[\"b c\"]");
        assert_eq!(keyed("r", "A.6.2.4"), "r[\"A.6.2.4\"]");
        assert_eq!(line_col(b"ab\ncd", 4), (2, 2));
    }
}
