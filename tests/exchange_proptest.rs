//! Property tests for the exchange layer: `import` never panics on any input, and every valid
//! assessment survives export → import → export byte for byte.
#![cfg(not(target_arch = "wasm32"))]

#[path = "exchange_support/mod.rs"]
mod support;

use std::collections::{BTreeMap, BTreeSet};

use gap42::catalog::{catalog, Part};
use gap42::domain::{
    ActionStatus, AiRole, Applicability, Assessment, Evidence, InclusionReason, Maturity, Priority,
    Response, Snapshot, SCHEMA_VERSION,
};
use gap42::exchange::json::{
    export_backup, export_file, import, AssessmentFile, Imported, MAX_NAME_CHARS,
};
use gap42::exchange::share::{decode_fragment, encode_fragment, unpack_encrypted};
use proptest::prelude::*;
use proptest::sample::subsequence;

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// Text as people type it: any printable Unicode, plus markup, formula starts and line breaks.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).expect("regex"),
        proptest::string::string_regex(&format!(
            "[a-zA-Z0-9 <>&\"'=+@\\-\\n\\r\\t\\\\/é中🚀]{{0,{max}}}"
        ))
        .expect("regex"),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9][a-z0-9._-]{0,30}",
        proptest::string::string_regex("\\PC{1,40}").expect("regex"),
    ]
    .prop_filter("ids are not blank", |s| !s.trim().is_empty())
}

fn maturity() -> impl Strategy<Value = Maturity> {
    (0u8..=5).prop_map(|l| Maturity::new(l).expect("0-5"))
}

fn date() -> impl Strategy<Value = String> {
    (1990u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn date_or_empty() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), date()]
}

fn timestamp() -> impl Strategy<Value = String> {
    (
        date(),
        0u32..24,
        0u32..60,
        0u32..60,
        prop_oneof![
            Just(String::new()),
            (0u32..1000).prop_map(|ms| format!(".{ms:03}"))
        ],
        prop_oneof![
            Just("Z".to_string()),
            (0u32..14, prop_oneof![Just('+'), Just('-')])
                .prop_map(|(h, s)| format!("{s}{h:02}:00"))
        ],
    )
        .prop_map(|(d, h, mi, s, frac, tz)| format!("{d}T{h:02}:{mi:02}:{s:02}{frac}{tz}"))
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (text(60), text(120), date_or_empty()).prop_map(|(title, reference, date)| Evidence {
        title,
        reference,
        date,
    })
}

fn reasons() -> impl Strategy<Value = BTreeSet<InclusionReason>> {
    subsequence(InclusionReason::ALL.to_vec(), 0..=4).prop_map(|v| v.into_iter().collect())
}

fn response(part: Part) -> impl Strategy<Value = Response> {
    let applicability = match part {
        Part::Clauses => Just(Applicability::default()).boxed(),
        Part::AnnexA => prop_oneof![
            reasons().prop_map(|reasons| Applicability::Applicable { reasons }),
            text(200)
                .prop_filter("justified", |j| !j.trim().is_empty())
                .prop_map(|justification| Applicability::Excluded { justification }),
        ]
        .boxed(),
    };
    (
        (
            proptest::option::of(maturity()),
            maturity(),
            text(300),
            proptest::collection::vec(evidence(), 0..3),
            text(60),
        ),
        (
            date_or_empty(),
            text(200),
            proptest::sample::select(ActionStatus::ALL.to_vec()),
            proptest::sample::select(Priority::ALL.to_vec()),
            applicability,
        ),
    )
        .prop_map(
            |(
                (maturity, target, notes, evidence, owner),
                (due, action, action_status, priority, applicability),
            )| {
                Response {
                    maturity,
                    target,
                    notes,
                    evidence,
                    owner,
                    due,
                    action,
                    action_status,
                    priority,
                    applicability,
                }
            },
        )
}

fn responses() -> impl Strategy<Value = BTreeMap<String, Response>> {
    let items: Vec<(&'static str, Part)> = catalog().items.iter().map(|i| (i.id, i.part)).collect();
    subsequence(items, 0..12).prop_flat_map(|chosen| {
        let strategies: Vec<_> = chosen
            .into_iter()
            .map(|(id, part)| response(part).prop_map(move |r| (id.to_string(), r)))
            .collect();
        strategies.prop_map(|pairs| pairs.into_iter().collect::<BTreeMap<_, _>>())
    })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (id(), text(MAX_NAME_CHARS), text(80), text(400)),
        (
            subsequence(AiRole::ALL.to_vec(), 0..=6),
            text(80),
            timestamp(),
            timestamp(),
        ),
        (
            any::<u64>(),
            responses(),
            proptest::option::of(timestamp()),
            any::<u32>(),
        ),
    )
        .prop_map(
            |(
                (id, name, organisation, scope),
                (roles, assessor, created, updated),
                (revision, responses, last_exported, edits_since_export),
            )| Assessment {
                id,
                name,
                organisation,
                scope,
                roles: roles.into_iter().collect(),
                assessor,
                created,
                updated,
                schema_version: SCHEMA_VERSION,
                revision,
                responses,
                last_exported,
                edits_since_export,
            },
        )
}

/// An assessment with 0–2 snapshots (ids unique, prefixed by the assessment id's hash).
fn assessment_file() -> impl Strategy<Value = AssessmentFile> {
    (
        assessment(),
        proptest::collection::vec((text(60), timestamp(), responses()), 0..3),
    )
        .prop_map(|(a, snaps)| {
            let snapshots = snaps
                .into_iter()
                .enumerate()
                .map(|(i, (name, taken, responses))| Snapshot {
                    id: format!("snap-{i}-{}", a.id.len()),
                    assessment_id: a.id.clone(),
                    name,
                    taken,
                    responses,
                })
                .collect();
            AssessmentFile {
                assessment: a,
                snapshots,
            }
        })
}

/// Arbitrary JSON values (bounded depth).
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        text(20).prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("A.6.2.4")),
        Just(serde_json::Value::from("gap42.assessment")),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("version".to_string()),
                    Just("assessment".to_string()),
                    Just("responses".to_string()),
                    Just("maturity".to_string()),
                    Just("entries".to_string()),
                    "[a-z_]{1,10}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A byte-level edit of a text.
#[derive(Clone, Debug)]
enum Edit {
    Delete(usize),
    Insert(usize, u8),
    Replace(usize, u8),
    Truncate(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let byte = prop_oneof![
        any::<u8>(),
        proptest::sample::select(b"[]{}\",:0123456789-e.\\ntu ".to_vec())
    ];
    proptest::collection::vec(
        prop_oneof![
            any::<usize>().prop_map(Edit::Delete),
            (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Insert(i, b)),
            (any::<usize>(), byte).prop_map(|(i, b)| Edit::Replace(i, b)),
            any::<usize>().prop_map(Edit::Truncate),
        ],
        1..6,
    )
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = bytes.len().max(1);
        match *e {
            Edit::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % bytes.len());
            }
            Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Edit::Replace(i, b) if !bytes.is_empty() => bytes[i % n] = b,
            Edit::Truncate(i) => bytes.truncate(i % n),
            _ => {}
        }
    }
    bytes
}

/// If an input imports, its re-export must import to the same value and be a fixed point.
fn check_stable(imported: Imported) {
    match imported {
        Imported::Assessment(f) => {
            let text = export_file(&f);
            match import(text.as_bytes()) {
                Ok(Imported::Assessment(g)) => {
                    assert_eq!(g, f);
                    assert_eq!(export_file(&g), text);
                }
                other => panic!("re-export did not import: {other:?}"),
            }
        }
        Imported::Backup(entries) => {
            let text = export_backup(&entries);
            match import(text.as_bytes()) {
                Ok(Imported::Backup(g)) => assert_eq!(g, entries),
                other => panic!("re-export did not import: {other:?}"),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(i) = import(&bytes) {
            check_stable(i);
        }
    }

    #[test]
    fn import_never_panics_on_json_ish_text(
        s in "[\\[\\]{}\",:0-9a-zA-Z_. \\n\\\\+eE-]{0,400}"
    ) {
        if let Ok(i) = import(s.as_bytes()) {
            check_stable(i);
        }
    }

    #[test]
    fn import_never_panics_on_arbitrary_json_in_an_envelope(
        body in json_value(),
        kind in prop_oneof![Just("gap42.assessment"), Just("gap42.backup")],
        version in prop_oneof![Just(serde_json::json!(0)), Just(serde_json::json!(1)), any::<i64>().prop_map(serde_json::Value::from)],
    ) {
        let v = serde_json::json!({"format": kind, "version": version,
            "catalog": "iso42001:2023/x", "assessment": body.clone(),
            "entries": [{"assessment": body.clone(), "snapshots": [body]}]});
        if let Ok(i) = import(v.to_string().as_bytes()) {
            check_stable(i);
        }
    }

    #[test]
    fn import_never_panics_on_mutated_valid_files(f in assessment_file(), e in edits()) {
        let bytes = apply(export_file(&f).into_bytes(), &e);
        if let Ok(i) = import(&bytes) {
            check_stable(i);
        }
    }

    #[test]
    fn valid_assessments_round_trip_byte_identical(f in assessment_file()) {
        let first = export_file(&f);
        let back = match import(first.as_bytes()) {
            Ok(Imported::Assessment(back)) => back,
            Ok(Imported::Backup(_)) => panic!("kind changed"),
            Err(e) => panic!("valid assessment refused:\n{e}\n{first}"),
        };
        prop_assert_eq!(&back, &f);
        prop_assert_eq!(export_file(&back), first);
    }

    #[test]
    fn valid_backups_round_trip_byte_identical(
        files in proptest::collection::vec(assessment_file(), 0..4)
    ) {
        // Make ids unique within the backup.
        let files: Vec<AssessmentFile> = files
            .into_iter()
            .enumerate()
            .map(|(i, mut f)| {
                f.assessment.id = format!("{i}-{}", f.assessment.id.chars().take(100).collect::<String>());
                for (j, s) in f.snapshots.iter_mut().enumerate() {
                    s.assessment_id = f.assessment.id.clone();
                    s.id = format!("snap-{i}-{j}");
                }
                f
            })
            .collect();
        let first = export_backup(&files);
        match import(first.as_bytes()) {
            Ok(Imported::Backup(back)) => {
                prop_assert_eq!(&back, &files);
                prop_assert_eq!(export_backup(&back), first);
            }
            other => panic!("valid backup refused: {other:?}"),
        }
    }

    #[test]
    fn share_fragments_round_trip(s in "\\PC{0,500}") {
        prop_assert_eq!(decode_fragment(&encode_fragment(&s)), Ok(s));
    }

    #[test]
    fn share_decoding_never_panics(s in "(v1\\.|e1\\.|#v1\\.)?[A-Za-z0-9_=+/-]{0,300}") {
        let _ = decode_fragment(&s);
        let _ = unpack_encrypted(&s);
    }
}

#[test]
fn sample_fixture_is_within_strategy_space() {
    // Keeps the support module in use from this test binary as well.
    let f = support::sample_file();
    assert!(matches!(
        import(export_file(&f).as_bytes()),
        Ok(Imported::Assessment(_))
    ));
}
