//! The gap42 file format: export determinism, import validation, migrations, the bad-file corpus
//! and the JSON Schema's agreement with the exporter.
#![cfg(not(target_arch = "wasm32"))]

#[path = "exchange_support/mod.rs"]
mod support;

use std::collections::BTreeSet;

use gap42::exchange::json::{
    export_assessment, export_backup, export_file, import, AssessmentFile, Imported, ProblemKind,
    MAX_DEPTH, MAX_IMPORT_BYTES, MAX_TEXT_CHARS,
};
use serde_json::Value;
use support::{fixture, sample_file, second};

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

fn import_ok(bytes: &[u8]) -> Imported {
    match import(bytes) {
        Ok(i) => i,
        Err(e) => panic!("expected a valid import, got:\n{e}"),
    }
}

fn single(i: Imported) -> AssessmentFile {
    match i {
        Imported::Assessment(f) => f,
        Imported::Backup(_) => panic!("expected an assessment file, got a backup"),
    }
}

/// Regenerate the golden v1 fixtures with `GAP42_BLESS=1 cargo test --test exchange_json`.
#[test]
fn bless_or_check_golden_fixtures() {
    let one = export_file(&sample_file());
    let backup = export_backup(&[sample_file(), second()]);
    if std::env::var_os("GAP42_BLESS").is_some() {
        std::fs::write(fixture("good/v1-assessment.json"), &one).expect("write");
        std::fs::write(fixture("good/v1-backup.json"), &backup).expect("write");
    }
    assert_eq!(
        String::from_utf8(read("good/v1-assessment.json")).expect("utf8"),
        one,
        "exporter output changed: if intended, bump FORMAT_VERSION/migrations as needed and bless"
    );
    assert_eq!(
        String::from_utf8(read("good/v1-backup.json")).expect("utf8"),
        backup
    );
}

#[test]
fn assessment_export_import_export_is_byte_identical() {
    let f = sample_file();
    let first = export_file(&f);
    let back = single(import_ok(first.as_bytes()));
    assert_eq!(back, f);
    assert_eq!(export_file(&back), first);
}

#[test]
fn backup_export_import_export_is_byte_identical() {
    let entries = vec![sample_file(), second()];
    let first = export_backup(&entries);
    let Imported::Backup(back) = import_ok(first.as_bytes()) else {
        panic!("expected a backup");
    };
    assert_eq!(back, entries);
    assert_eq!(export_backup(&back), first);
}

#[test]
fn empty_backup_is_valid() {
    let text = export_backup(&[]);
    assert_eq!(import_ok(text.as_bytes()), Imported::Backup(Vec::new()));
}

#[test]
fn export_shape_is_stable() {
    let text = export_assessment(&sample_file().assessment, &[]);
    assert!(text
        .starts_with("{\n  \"format\": \"gap42.assessment\",\n  \"version\": 1,\n  \"catalog\": "));
    assert!(text.ends_with("}\n"));
    let v: Value = serde_json::from_str(&text).expect("json");
    let keys: Vec<&str> = v
        .as_object()
        .expect("obj")
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json's map is sorted, so compare as sets; order is checked by the prefix above.
    assert_eq!(
        keys.into_iter().collect::<BTreeSet<_>>(),
        ["assessment", "catalog", "format", "snapshots", "version"]
            .into_iter()
            .collect()
    );
    assert!(!text.contains("exported_at"), "no time-of-export field");
}

#[test]
fn golden_v1_fixtures_import() {
    let f = single(import_ok(&read("good/v1-assessment.json")));
    assert_eq!(f.assessment.id, "asm-2025-acme");
    assert_eq!(f.snapshots.len(), 2);
    let Imported::Backup(b) = import_ok(&read("good/v1-backup.json")) else {
        panic!("backup");
    };
    assert_eq!(b.len(), 2);
}

#[test]
fn utf8_bom_is_accepted() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(export_file(&sample_file()).as_bytes());
    assert_eq!(single(import_ok(&bytes)), sample_file());
}

#[test]
fn v0_fixture_migrates() {
    let f = single(import_ok(&read("good/v0-assessment.json")));
    let a = &f.assessment;
    assert_eq!(a.id, "legacy-1");
    assert_eq!(a.organisation, "Pilot Org");
    assert_eq!(a.schema_version, 1);
    assert_eq!(a.revision, 3);
    let r = &a.responses["4.1"];
    assert_eq!(r.maturity.map(|m| m.level()), Some(3));
    assert_eq!(r.target.level(), 4);
    assert_eq!(r.notes, "Context documented");
    let blank = &a.responses["6.1.2"];
    assert_eq!(blank.maturity, None);
    assert_eq!(blank.target.level(), 3, "empty v0 target means the default");
    assert_eq!(a.responses["A.6.2.4"].maturity.map(|m| m.level()), Some(2));
    assert_eq!(f.snapshots.len(), 1);
    assert_eq!(
        f.snapshots[0].responses["4.1"].maturity.map(|m| m.level()),
        Some(1)
    );
    // A migrated file re-exports as a current one, which then round-trips exactly.
    let v1 = export_file(&f);
    assert!(v1.contains("\"version\": 1"));
    assert_eq!(export_file(&single(import_ok(v1.as_bytes()))), v1);
}

#[test]
fn v0_backup_migrates() {
    let Imported::Backup(b) = import_ok(&read("good/v0-backup.json")) else {
        panic!("backup");
    };
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].assessment.organisation, "Other Org");
    assert_eq!(
        b[0].assessment.responses["A.2.2"]
            .maturity
            .map(|m| m.level()),
        Some(5)
    );
}

#[test]
fn v0_bad_values_are_still_reported_after_migration() {
    let text = String::from_utf8(read("good/v0-assessment.json"))
        .expect("utf8")
        .replace("\"maturity\": \"2\"", "\"maturity\": \"7\"");
    let e = import(text.as_bytes()).expect_err("maturity 7");
    assert_eq!(e.problems.len(), 1, "{e}");
    assert_eq!(
        e.problems[0].to_string(),
        "assessment.responses[\"A.6.2.4\"].maturity: 7 is not 0–5"
    );
}

#[test]
fn markup_is_data_and_round_trips_unchanged() {
    let bytes = read("good/script-tags.json");
    let f = single(import_ok(&bytes));
    assert_eq!(f.assessment.name, "<img src=x onerror=alert(1)>");
    let r = &f.assessment.responses["A.6.2.4"];
    assert_eq!(r.notes, "<script>alert(document.cookie)</script>");
    assert_eq!(r.evidence[0].reference, "javascript:alert(1)");
    assert_eq!(r.action, "=cmd|' /C calc'!A0");
    let again = single(import_ok(export_file(&f).as_bytes()));
    assert_eq!(again, f);
}

// ---------------------------------------------------------------------------------------------
// The bad corpus
// ---------------------------------------------------------------------------------------------

/// Expected problems per bad fixture: (kind, path, substring of the message).
/// When `only` is true the file must produce exactly these problems.
struct Expect {
    file: &'static str,
    only: bool,
    problems: &'static [(ProblemKind, &'static str, &'static str)],
}

const CORPUS: &[Expect] = &[
    Expect {
        file: "truncated.json",
        only: true,
        problems: &[(ProblemKind::Syntax, "line ", "ends too early; it may be truncated")],
    },
    Expect {
        file: "trailing-garbage.json",
        only: true,
        problems: &[(ProblemKind::Syntax, "line 20, column 1", "not valid JSON: trailing characters")],
    },
    Expect {
        file: "maturity-7.json",
        only: true,
        problems: &[(ProblemKind::OutOfRange, "assessment.responses[\"A.6.2.4\"].maturity", "7 is not 0–5")],
    },
    Expect {
        file: "wrong-types.json",
        only: true,
        problems: &[
            (ProblemKind::WrongType, "assessment.name", "expected text, found the number 5"),
            (ProblemKind::WrongType, "assessment.roles", "expected a list, found the text \"provider\""),
            (ProblemKind::WrongType, "assessment.responses[\"A.6.2.4\"].maturity", "expected a maturity level 0–5 or null (not assessed), found the text \"3\""),
            (ProblemKind::WrongType, "assessment.responses[\"A.6.2.4\"].evidence", "expected a list, found an object"),
        ],
    },
    Expect {
        file: "unknown-ids.json",
        only: true,
        problems: &[
            (ProblemKind::UnknownItem, "assessment.responses[\"4.9\"]", "\"4.9\" is not a clause requirement or Annex A control"),
            (ProblemKind::UnknownItem, "assessment.responses[\"A.99.1\"]", "\"A.99.1\" is not a clause requirement or Annex A control"),
        ],
    },
    Expect {
        file: "duplicate-keys.json",
        only: true,
        problems: &[(ProblemKind::DuplicateKey, "assessment.responses[\"A.6.2.4\"].maturity", "the key \"maturity\" appears more than once")],
    },
    Expect {
        file: "excluded-clause.json",
        only: true,
        problems: &[(ProblemKind::ClauseExcluded, "assessment.responses[\"6.1.2\"].applicability", "6.1.2 is a clause 4–10 requirement; only Annex A controls can be excluded")],
    },
    Expect {
        file: "exclusion-without-justification.json",
        only: true,
        problems: &[(ProblemKind::JustificationMissing, "assessment.responses[\"A.10.4\"].applicability.justification", "the exclusion of A.10.4 needs a justification")],
    },
    Expect {
        file: "newer-version.json",
        only: true,
        problems: &[(ProblemKind::NewerVersion, "version", "made by a newer gap42 (format version 2); this copy reads up to 1")],
    },
    Expect {
        file: "not-gap42.json",
        only: true,
        problems: &[(ProblemKind::NotGap42, "", "this is not a gap42 file: it has no \"format\" field")],
    },
    Expect {
        file: "unknown-format.json",
        only: true,
        problems: &[(ProblemKind::NotGap42, "format", "the text \"gap42.report\" is not a gap42 file format")],
    },
    Expect {
        file: "unknown-field.json",
        only: true,
        problems: &[(ProblemKind::UnknownField, "assessment.responses[\"A.6.2.4\"].maturty", "unknown field")],
    },
    Expect {
        file: "bad-dates.json",
        only: true,
        problems: &[
            (ProblemKind::BadFormat, "assessment.created", "\"31/01/2025\" is not a date and time"),
            (ProblemKind::BadFormat, "assessment.responses[\"A.6.2.4\"].due", "\"2025-02-30\" is not a date"),
        ],
    },
    Expect {
        file: "snapshot-mismatch.json",
        only: true,
        problems: &[(ProblemKind::Mismatch, "snapshots[0].assessment_id", "\"other\" does not match the assessment's id \"a1\"")],
    },
    Expect {
        file: "missing-fields.json",
        only: true,
        problems: &[
            (ProblemKind::MissingField, "assessment.id", "missing"),
            (ProblemKind::MissingField, "assessment.created", "missing"),
        ],
    },
    Expect {
        file: "backup-duplicate-ids.json",
        only: true,
        problems: &[(ProblemKind::DuplicateId, "entries[1].assessment.id", "\"a1\" is also the id of entries[0]")],
    },
    Expect {
        file: "many-problems.json",
        only: true,
        problems: &[
            (ProblemKind::DuplicateId, "assessment.roles[1]", "\"provider\" is listed twice"),
            (ProblemKind::OutOfRange, "assessment.roles[2]", "the text \"vendor\" is not one of"),
            (ProblemKind::OutOfRange, "assessment.schema_version", "3 is not 1"),
            (ProblemKind::ClauseExcluded, "assessment.responses[\"5.2\"].applicability", "5.2 is a clause 4–10 requirement"),
            (ProblemKind::JustificationMissing, "assessment.responses[\"5.2\"].applicability.justification", "needs a justification"),
            (ProblemKind::OutOfRange, "assessment.responses[\"A.6.2.4\"].maturity", "-1 is not 0–5"),
            (ProblemKind::OutOfRange, "assessment.responses[\"A.6.2.4\"].priority", "the text \"urgent\" is not one of: low, medium, high"),
        ],
    },
    Expect {
        file: "utf16-le-bom.json",
        only: true,
        problems: &[(ProblemKind::Encoding, "", "the file is encoded as UTF-16 (little-endian); gap42 files are UTF-8")],
    },
    Expect {
        file: "utf16-be-nobom.json",
        only: true,
        problems: &[(ProblemKind::Encoding, "", "the file is encoded as UTF-16 (big-endian, no byte-order mark)")],
    },
    Expect {
        file: "latin1.json",
        only: true,
        problems: &[(ProblemKind::Encoding, "line 15, column 20", "byte 0xE9 is not valid UTF-8; the file seems to be in another encoding (such as Latin-1 or Windows-1252)")],
    },
    Expect {
        file: "empty.json",
        only: true,
        problems: &[(ProblemKind::Empty, "", "the file is empty")],
    },
    Expect {
        file: "deep-nesting.json",
        only: true,
        problems: &[(ProblemKind::TooDeep, "line 1, column 33", "nested more than 32 levels deep")],
    },
];

#[test]
fn bad_corpus_gives_the_specific_messages() {
    let dir = fixture("bad");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("bad fixtures dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|e| e.file.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every bad fixture needs an expectation, and vice versa"
    );

    for case in CORPUS {
        let bytes = read(&format!("bad/{}", case.file));
        let err = match import(&bytes) {
            Ok(_) => panic!("{} was accepted", case.file),
            Err(e) => e,
        };
        for (kind, path, msg) in case.problems {
            assert!(
                err.problems.iter().any(|p| p.kind == *kind
                    && (p.path == *path || (path.ends_with(' ') && p.path.starts_with(path)))
                    && p.message.contains(msg)),
                "{}: expected {kind:?} at {path:?} containing {msg:?}, got:\n{err}",
                case.file
            );
        }
        if case.only {
            assert_eq!(
                err.problems.len(),
                case.problems.len(),
                "{}: unexpected extra problems:\n{err}",
                case.file
            );
        }
    }
}

#[test]
fn duplicate_keys_are_reported_with_the_other_problems() {
    let text = String::from_utf8(read("bad/duplicate-keys.json"))
        .expect("utf8")
        .replace("\"maturity\": 5", "\"maturity\": 7");
    let err = import(text.as_bytes()).expect_err("bad");
    let shown: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "assessment.responses[\"A.6.2.4\"].maturity: the key \"maturity\" appears more than once in the same object",
            "assessment.responses[\"A.6.2.4\"].maturity: 7 is not 0–5",
        ]
    );
}

#[test]
fn error_display_lists_every_problem_with_its_location() {
    let err = import(&read("bad/many-problems.json")).expect_err("bad");
    let text = err.to_string();
    assert!(
        text.starts_with("The file was not imported (7 problems):\n- "),
        "{text}"
    );
    assert!(text.contains("\n- assessment.responses[\"A.6.2.4\"].maturity: -1 is not 0–5"));
    assert_eq!(text.lines().count(), 8);
    assert!(err.has(ProblemKind::ClauseExcluded));
}

// ---------------------------------------------------------------------------------------------
// Generated hostile inputs (kept out of the repository because of their size)
// ---------------------------------------------------------------------------------------------

#[test]
fn deep_nesting_100k_is_an_error_not_a_crash() {
    for open in ["[", "{\"a\":"] {
        let text = open.repeat(100_000);
        let err = import(text.as_bytes()).expect_err("deep");
        assert_eq!(err.problems.len(), 1);
        assert_eq!(err.problems[0].kind, ProblemKind::TooDeep, "{err}");
    }
    // Deep nesting inside a string is just text.
    let text = format!("\"{}\"", "[".repeat(100_000));
    let err = import(text.as_bytes()).expect_err("not an object");
    assert_eq!(err.problems[0].kind, ProblemKind::NotGap42);
}

#[test]
fn nesting_at_the_limit_is_parsed() {
    let text = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let err = import(text.as_bytes()).expect_err("not a gap42 file");
    assert_eq!(err.problems[0].kind, ProblemKind::NotGap42);
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let mut bytes = vec![b' '; MAX_IMPORT_BYTES + 1];
    bytes[0] = b'{';
    let err = import(&bytes).expect_err("too large");
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].kind, ProblemKind::TooLarge);
    assert!(err.problems[0]
        .message
        .contains("gap42 imports files up to 10.0 MiB (10485760 bytes)"));
}

#[test]
fn huge_string_over_the_limit_is_refused_with_its_location() {
    let mut f = sample_file();
    f.assessment
        .responses
        .get_mut("A.6.2.4")
        .expect("sample has A.6.2.4")
        .notes = "ü".repeat(MAX_TEXT_CHARS + 1);
    let err = import(export_file(&f).as_bytes()).expect_err("too long");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(
        err.problems[0].to_string(),
        "assessment.responses[\"A.6.2.4\"].notes: 20001 characters; the limit is 20000"
    );
    // Exactly at the limit is fine (limits count characters, not bytes).
    f.assessment
        .responses
        .get_mut("A.6.2.4")
        .expect("sample has A.6.2.4")
        .notes = "ü".repeat(MAX_TEXT_CHARS);
    import_ok(export_file(&f).as_bytes());
}

#[test]
fn utf32_and_utf16_be_bom_are_named() {
    let cases: [(&[u8], &str); 3] = [
        (&[0xFF, 0xFE, 0, 0, b'{', 0, 0, 0], "UTF-32 (little-endian)"),
        (&[0, 0, 0xFE, 0xFF, 0, 0, 0, b'{'], "UTF-32 (big-endian)"),
        (&[0xFE, 0xFF, 0, b'{'], "UTF-16 (big-endian)"),
    ];
    for (bytes, name) in cases {
        let err = import(bytes).expect_err("encoding");
        assert_eq!(err.problems[0].kind, ProblemKind::Encoding);
        assert!(err.problems[0].message.contains(name), "{err}");
    }
}

#[test]
fn too_many_problems_are_capped_and_counted() {
    let mut responses = serde_json::Map::new();
    for item in &gap42::catalog::catalog().items {
        responses.insert(
            item.id.to_string(),
            serde_json::json!({"maturity": 9, "target": 9, "priority": "x", "action_status": "y",
                "notes": 1, "owner": 2, "action": 3, "due": "no", "evidence": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]}),
        );
    }
    let v = serde_json::json!({"format": "gap42.assessment", "version": 1,
        "catalog": "iso42001:2023/x", "assessment": {"id": "a", "name": "n",
        "created": "2025-01-01T00:00:00Z", "updated": "2025-01-01T00:00:00Z",
        "schema_version": 1, "responses": responses}});
    let err = import(v.to_string().as_bytes()).expect_err("bad");
    assert_eq!(err.problems.len(), gap42::exchange::json::MAX_PROBLEMS + 1);
    let last = err.problems.last().expect("last");
    assert_eq!(last.kind, ProblemKind::MoreProblems);
    assert!(last.message.contains("more problems not listed"));
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema cannot drift from the exporter
// ---------------------------------------------------------------------------------------------

fn load_schema() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/gap42.schema.json");
    serde_json::from_slice(&std::fs::read(path).expect("schema file")).expect("schema is JSON")
}

/// Resolve `$ref`s (local only).
fn resolve<'a>(root: &'a Value, mut s: &'a Value) -> &'a Value {
    while let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let ptr = r.strip_prefix('#').expect("local $ref");
        s = root
            .pointer(ptr)
            .unwrap_or_else(|| panic!("dangling $ref {r}"));
    }
    s
}

/// Every branch of a schema (following `oneOf`/`anyOf`/`allOf`/`if`-`then`).
fn branches<'a>(root: &'a Value, s: &'a Value, out: &mut Vec<&'a Value>) {
    let s = resolve(root, s);
    out.push(s);
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = s.get(key).and_then(Value::as_array) {
            for b in list {
                branches(root, b, out);
            }
        }
    }
    for key in ["then", "else"] {
        if let Some(b) = s.get(key) {
            branches(root, b, out);
        }
    }
}

/// Check that every key of `v` is declared by one of `schemas` (as a property or through
/// `additionalProperties`/`patternProperties`, in any branch), recursively.
fn check_keys(root: &Value, schemas: &[&Value], v: &Value, path: &str, missing: &mut Vec<String>) {
    let mut bs = Vec::new();
    for s in schemas {
        branches(root, s, &mut bs);
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let mut sub: Vec<&Value> = Vec::new();
                for b in &bs {
                    if let Some(p) = b.get("properties").and_then(|p| p.get(k)) {
                        sub.push(p);
                    }
                    if let Some(pp) = b.get("patternProperties").and_then(Value::as_object) {
                        sub.extend(pp.values());
                    }
                    if let Some(ap) = b.get("additionalProperties") {
                        if ap.is_object() {
                            sub.push(ap);
                        }
                    }
                }
                let child_path = format!("{path}.{k}");
                if sub.is_empty() {
                    missing.push(child_path);
                } else {
                    check_keys(root, &sub, child, &child_path, missing);
                }
            }
        }
        Value::Array(items) => {
            let item_schemas: Vec<&Value> = bs.iter().filter_map(|b| b.get("items")).collect();
            for (i, it) in items.iter().enumerate() {
                check_keys(root, &item_schemas, it, &format!("{path}[{i}]"), missing);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_declares_every_field_the_exporter_emits() {
    let schema = load_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for text in [
        export_file(&sample_file()),
        export_backup(&[sample_file(), second()]),
    ] {
        let v: Value = serde_json::from_str(&text).expect("json");
        let mut missing = Vec::new();
        check_keys(&schema, &[&schema], &v, "$", &mut missing);
        assert!(
            missing.is_empty(),
            "fields missing from the schema: {missing:?}"
        );
    }
}

#[test]
fn schema_names_every_field_the_validator_knows() {
    // The reverse direction: every field the importer accepts is described in the schema.
    let schema = load_schema();
    let text = serde_json::to_string(&schema).expect("json");
    for (group, fields) in gap42::exchange::json::field_names() {
        for f in fields {
            assert!(
                text.contains(&format!("\"{f}\":")),
                "schema lacks {group}.{f}"
            );
        }
    }
}

#[test]
fn schema_lists_the_same_choices_and_limits() {
    let schema = load_schema();
    let text = serde_json::to_string(&schema).expect("json");
    for needle in [
        "\"maxLength\":200",
        "\"maxLength\":20000",
        "\"maxLength\":2000",
        "\"maxLength\":128",
        "\"maxItems\":100",
        "\"relevant_authority\"",
        "\"legal_regulatory\"",
        "\"in_progress\"",
        "\"A.6.2.4\"",
        "\"10.2\"",
    ] {
        assert!(text.contains(needle), "schema lacks {needle}");
    }
    // Every catalog id is a permitted response key.
    for item in &gap42::catalog::catalog().items {
        assert!(
            text.contains(&format!("\"{}\"", item.id)),
            "schema lacks item {}",
            item.id
        );
    }
}
