//! CSV, OSCAL and share-link exports.
#![cfg(not(target_arch = "wasm32"))]

#[path = "exchange_support/mod.rs"]
mod support;

use std::collections::HashSet;

use gap42::catalog::catalog;
use gap42::domain::{action_plan, soa};
use gap42::exchange::csv::{action_plan_csv, guard_cell, responses_csv, soa_csv, BOM};
use gap42::exchange::json::{export_file, import, Imported, MAX_IMPORT_BYTES};
use gap42::exchange::oscal::{assessment_results, oscal_control_id, poam, GAP42_NS};
use gap42::exchange::share::{
    decode_bytes, decode_fragment, encode_bytes, encode_fragment, is_encrypted, pack_encrypted,
    unpack_encrypted, ShareError, IV_LEN, SALT_LEN, TAG_LEN,
};
use serde_json::Value;
use support::{sample, sample_file};

const GENERATED: &str = "2025-03-01T12:00:00Z";

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// Parse a gap42 CSV back (after checking BOM and CRLF) into rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix(BOM).expect("starts with a BOM");
    assert!(body.ends_with("\r\n"), "CRLF at the end");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    r.records()
        .map(|rec| rec.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}

#[test]
fn guard_cell_neutralises_formula_starts() {
    for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(guard_cell(bad), format!("'{bad}"));
    }
    for ok in ["", "1", "A.6.2.4", "x=1", " =1", "'quoted", "2025-01-01"] {
        assert_eq!(guard_cell(ok), ok);
    }
}

#[test]
fn responses_csv_has_one_row_per_item_and_is_well_formed() {
    let a = sample();
    let text = responses_csv(catalog(), &a);
    assert!(text.starts_with("\u{FEFF}Id,Title,Part,Group,Maturity,Target,Applicability,Notes,Owner,Due,Action,Action status,Priority,Evidence\r\n"));
    // Every record ends with CRLF; bare LFs only occur inside quoted cells.
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 1 + catalog().items.len());
    assert!(rows.iter().all(|r| r.len() == 14));

    let find = |id: &str| rows.iter().find(|r| r[0] == id).expect("row");
    let r = find("6.1.2");
    assert_eq!(r[2], "Clauses 4–10");
    assert!(r[3].starts_with("6 "));
    assert_eq!(r[4], "1");
    assert_eq!(r[5], "3");
    assert_eq!(
        r[7],
        "Risk assessment is ad hoc. <script>alert('x')</script> & \"quotes\""
    );
    assert_eq!(
        r[8], "'=HYPERLINK(\"http://evil\")",
        "formula injection guarded"
    );
    assert_eq!(
        r[10],
        "Define an AI risk assessment process; 中文 テスト 🚀"
    );
    assert_eq!(r[11], "In progress");
    assert_eq!(r[12], "High");

    let r = find("A.6.2.4");
    assert_eq!(r[6], "Applicable: Risk treatment; Contractual");
    assert_eq!(
        r[13],
        "Test plan — QA-PLAN-07 v2\n+Validation report (2025-01-15)"
    );
    let r = find("A.10.4");
    assert_eq!(r[6], "Excluded: We have no customers: internal use only.");
    assert_eq!(r[4], "", "not assessed is blank");
    let r = find("4.1");
    assert_eq!(
        r[13],
        "Strategy review minutes — https://intranet.example/strategy/2024 (2024-11-03)"
    );
}

#[test]
fn evidence_cell_starting_with_plus_is_guarded() {
    let mut a = sample();
    a.responses
        .get_mut("A.6.2.4")
        .expect("sample")
        .evidence
        .reverse();
    let rows = parse_csv(&responses_csv(catalog(), &a));
    let r = rows.iter().find(|r| r[0] == "A.6.2.4").expect("row");
    assert!(r[13].starts_with("'+Validation report"), "{}", r[13]);
}

#[test]
fn soa_csv_lists_all_annex_a_controls() {
    let a = sample();
    let rows = soa(catalog(), &a.responses);
    let text = soa_csv(&rows);
    let parsed = parse_csv(&text);
    assert_eq!(parsed[0][0], "Id");
    assert_eq!(parsed.len(), 1 + 38);
    assert!(parsed.iter().all(|r| r.len() == 10));
    let r = parsed.iter().find(|r| r[0] == "A.10.4").expect("row");
    assert_eq!(r[3], "No");
    assert_eq!(r[5], "We have no customers: internal use only.");
    let r = parsed.iter().find(|r| r[0] == "A.6.2.4").expect("row");
    assert_eq!(r[3], "Yes");
    assert_eq!(r[4], "Risk treatment\nContractual");
    assert_eq!(r[7], "2");
}

#[test]
fn action_plan_csv_lists_the_rows_in_order() {
    let a = sample();
    let rows = action_plan(catalog(), &a.responses, "2025-04-01");
    let parsed = parse_csv(&action_plan_csv(&rows));
    assert_eq!(parsed.len(), 1 + rows.len());
    assert_eq!(
        parsed[0],
        [
            "Id", "Title", "Part", "Group", "Maturity", "Target", "Gap", "Action", "Owner", "Due",
            "Priority", "Status", "Overdue"
        ]
    );
    for (row, cells) in rows.iter().zip(&parsed[1..]) {
        assert_eq!(cells[0], row.id);
        assert_eq!(cells[6], row.gap.to_string());
    }
    let r = parsed.iter().find(|r| r[0] == "A.6.2.4").expect("row");
    assert_eq!(r[12], "Yes", "due 2025-03-31 is before 2025-04-01");
    let r = parsed.iter().find(|r| r[0] == "6.1.2").expect("row");
    assert_eq!(r[8], "'=HYPERLINK(\"http://evil\")");
}

// ---------------------------------------------------------------------------------------------
// OSCAL
// ---------------------------------------------------------------------------------------------

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && s.chars()
            .enumerate()
            .all(|(i, c)| [8, 13, 18, 23].contains(&i) || c.is_ascii_hexdigit())
        && matches!(b[14], b'4' | b'5')
        && matches!(b[19], b'8' | b'9' | b'a' | b'b' | b'A' | b'B')
}

/// Collect every `uuid` value in the document.
fn uuids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "uuid" {
                    out.push(x.as_str().expect("uuid is a string").to_string());
                }
                uuids(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| uuids(x, out)),
        _ => {}
    }
}

/// Every string that OSCAL types as a single-line string or token: not empty, no line breaks,
/// no leading/trailing whitespace. Checks props and titles.
fn check_props(v: &Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(props)) = m.get("props") {
                for p in props {
                    let value = p["value"].as_str().expect("value");
                    assert!(!value.is_empty() && value.trim() == value && !value.contains('\n'));
                    assert_eq!(p["ns"], GAP42_NS);
                    let name = p["name"].as_str().expect("name");
                    assert!(name.starts_with(|c: char| c.is_ascii_alphabetic()));
                }
            }
            if let Some(Value::String(t)) = m.get("title") {
                assert!(!t.is_empty() && !t.contains('\n'), "title {t:?}");
            }
            m.values().for_each(check_props);
        }
        Value::Array(a) => a.iter().for_each(check_props),
        _ => {}
    }
}

fn has(v: &Value, field: &str) {
    assert!(
        v.get(field).is_some_and(|x| !x.is_null()),
        "required field {field} missing in {v}"
    );
}

fn check_metadata(m: &Value) {
    for f in ["title", "last-modified", "version", "oscal-version"] {
        has(m, f);
    }
    assert_eq!(m["oscal-version"], "1.1.2");
    assert_eq!(m["last-modified"], GENERATED);
}

fn check_back_matter(doc: &Value) {
    let resources = doc["back-matter"]["resources"]
        .as_array()
        .expect("resources");
    assert!(!resources.is_empty());
    for r in resources {
        has(r, "uuid");
    }
    assert!(resources.iter().any(|r| r["title"]
        .as_str()
        .is_some_and(|t| t.starts_with("ISO/IEC 42001:2023"))));
}

fn check_uuids(doc: &Value) {
    let mut all = Vec::new();
    uuids(doc, &mut all);
    assert!(!all.is_empty());
    for u in &all {
        assert!(is_uuid(u), "bad uuid {u}");
    }
    let unique: HashSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "uuids are unique");
}

fn check_observation(o: &Value) {
    for f in ["uuid", "description", "methods", "collected"] {
        has(o, f);
    }
    let methods = o["methods"].as_array().expect("methods");
    assert!(!methods.is_empty());
    for m in methods {
        assert!(["EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"].contains(&m.as_str().expect("str")));
    }
    if let Some(ev) = o.get("relevant-evidence") {
        for e in ev.as_array().expect("list") {
            has(e, "description");
        }
    }
}

fn check_finding(f: &Value, observation_uuids: &HashSet<&str>) {
    for x in ["uuid", "title", "description", "target"] {
        has(f, x);
    }
    let t = &f["target"];
    for x in ["type", "target-id", "status"] {
        has(t, x);
    }
    assert!(["objective-id", "statement-id"].contains(&t["type"].as_str().expect("type")));
    assert!(["satisfied", "not-satisfied"].contains(&t["status"]["state"].as_str().expect("state")));
    if let Some(is) = t.get("implementation-status") {
        assert!([
            "implemented",
            "partial",
            "planned",
            "alternative",
            "not-applicable"
        ]
        .contains(&is["state"].as_str().expect("state")));
    }
    for ro in f["related-observations"].as_array().expect("related") {
        let u = ro["observation-uuid"].as_str().expect("uuid");
        assert!(observation_uuids.contains(u), "dangling observation {u}");
    }
}

#[test]
fn assessment_results_has_every_required_oscal_field() {
    let a = sample();
    let text = assessment_results(catalog(), &a, GENERATED, "");
    let v: Value = serde_json::from_str(&text).expect("json");
    let ar = &v["assessment-results"];
    has(ar, "uuid");
    check_metadata(&ar["metadata"]);
    // import-ap points to a back-matter resource.
    let href = ar["import-ap"]["href"].as_str().expect("href");
    let target = href.strip_prefix('#').expect("#uuid");
    assert!(ar["back-matter"]["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .any(|r| r["uuid"] == target));
    let results = ar["results"].as_array().expect("results");
    assert_eq!(results.len(), 1);
    let r = &results[0];
    for f in ["uuid", "title", "description", "start", "reviewed-controls"] {
        has(r, f);
    }
    let sel = r["reviewed-controls"]["control-selections"]
        .as_array()
        .expect("control-selections");
    assert!(!sel.is_empty());
    // A.10.4 is excluded in the sample: it is not among the reviewed controls.
    let included: Vec<&str> = sel[0]["include-controls"]
        .as_array()
        .expect("include-controls")
        .iter()
        .map(|c| c["control-id"].as_str().expect("id"))
        .collect();
    assert_eq!(included.len(), catalog().items.len() - 1);
    assert!(!included.contains(&"a.10.4"));
    assert!(included.contains(&"clause-6.1.2"));

    let observations = r["observations"].as_array().expect("observations");
    observations.iter().for_each(check_observation);
    let obs_uuids: HashSet<&str> = observations
        .iter()
        .map(|o| o["uuid"].as_str().expect("uuid"))
        .collect();
    let findings = r["findings"].as_array().expect("findings");
    // Assessed, applicable items of the sample: 4.1, 5.2, 6.1.2, A.2.2, A.6.2.4.
    assert_eq!(findings.len(), 5);
    for f in findings {
        check_finding(f, &obs_uuids);
    }
    let by_target = |id: &str| {
        findings
            .iter()
            .find(|f| f["target"]["target-id"] == id)
            .unwrap_or_else(|| panic!("finding for {id}"))
    };
    let f = by_target("a.6.2.4");
    assert_eq!(f["target"]["status"]["state"], "not-satisfied");
    assert_eq!(f["target"]["implementation-status"]["state"], "partial");
    let f = by_target("a.2.2");
    assert_eq!(f["target"]["status"]["state"], "satisfied");
    assert_eq!(f["target"]["implementation-status"]["state"], "implemented");
    let f = by_target("clause-6.1.2");
    assert_eq!(f["target"]["implementation-status"]["state"], "planned");
    let f = by_target("clause-5.2");
    assert!(f["target"].get("implementation-status").is_none());

    // Evidence: URL references become hrefs, others stay in the description.
    let o = observations
        .iter()
        .find(|o| {
            o["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("A.6.2.4 "))
        })
        .expect("observation");
    let ev = o["relevant-evidence"].as_array().expect("evidence");
    assert_eq!(ev[0]["description"], "Test plan (QA-PLAN-07 v2)");
    assert!(ev[0].get("href").is_none());
    let o = observations
        .iter()
        .find(|o| o["title"].as_str().is_some_and(|t| t.starts_with("4.1 ")))
        .expect("observation");
    assert_eq!(
        o["relevant-evidence"][0]["href"],
        "https://intranet.example/strategy/2024"
    );
    // Notes with markup are kept as data.
    let o = observations
        .iter()
        .find(|o| o["title"].as_str().is_some_and(|t| t.starts_with("6.1.2 ")))
        .expect("observation");
    assert!(o["description"]
        .as_str()
        .expect("str")
        .contains("<script>alert('x')</script>"));

    // Readiness props.
    let props = r["props"].as_array().expect("props");
    for name in [
        "readiness-overall",
        "readiness-clauses",
        "readiness-annex-a",
        "coverage-overall",
    ] {
        assert!(props.iter().any(|p| p["name"] == name), "prop {name}");
    }
    check_back_matter(ar);
    check_uuids(&v);
    check_props(&v);
}

#[test]
fn assessment_results_is_deterministic_and_seeded() {
    let a = sample();
    let one = assessment_results(catalog(), &a, GENERATED, "");
    assert_eq!(one, assessment_results(catalog(), &a, GENERATED, ""));
    let other = assessment_results(catalog(), &a, GENERATED, "seed");
    assert_ne!(one, other);
    // Findings keep their UUIDs across exports at different times; the document UUID changes.
    let later = assessment_results(catalog(), &a, "2025-04-01T00:00:00Z", "");
    let v1: Value = serde_json::from_str(&one).expect("json");
    let v2: Value = serde_json::from_str(&later).expect("json");
    assert_ne!(
        v1["assessment-results"]["uuid"],
        v2["assessment-results"]["uuid"]
    );
    assert_eq!(
        v1["assessment-results"]["results"][0]["findings"][0]["uuid"],
        v2["assessment-results"]["results"][0]["findings"][0]["uuid"]
    );
}

#[test]
fn assessment_results_with_nothing_excluded_uses_include_all() {
    let a = gap42::domain::Assessment::new("empty", "", "2025-01-01T00:00:00Z");
    let v: Value =
        serde_json::from_str(&assessment_results(catalog(), &a, GENERATED, "")).expect("json");
    let r = &v["assessment-results"]["results"][0];
    assert_eq!(
        r["reviewed-controls"]["control-selections"][0]["include-all"],
        serde_json::json!({})
    );
    assert!(r.get("findings").is_none());
    assert!(r["props"]
        .as_array()
        .expect("props")
        .iter()
        .any(|p| p["name"] == "readiness-overall" && p["value"] == "not-assessed"));
    assert_eq!(
        v["assessment-results"]["metadata"]["title"],
        "ISO/IEC 42001:2023 gap assessment results: gap42 assessment"
    );
    check_uuids(&v);
    check_props(&v);
}

#[test]
fn poam_has_every_required_oscal_field() {
    let a = sample();
    let text = poam(catalog(), &a, GENERATED, "");
    let v: Value = serde_json::from_str(&text).expect("json");
    let p = &v["plan-of-action-and-milestones"];
    has(p, "uuid");
    check_metadata(&p["metadata"]);
    has(&p["system-id"], "id");
    let rows = action_plan(catalog(), &a.responses, &GENERATED[..10]);
    let items = p["poam-items"].as_array().expect("poam-items");
    assert_eq!(items.len(), rows.len());
    assert!(!items.is_empty());
    let finding_uuids: HashSet<&str> = p["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["uuid"].as_str().expect("uuid"))
        .collect();
    let observations = p["observations"].as_array().expect("observations");
    observations.iter().for_each(check_observation);
    let obs_uuids: HashSet<&str> = observations
        .iter()
        .map(|o| o["uuid"].as_str().expect("uuid"))
        .collect();
    for f in p["findings"].as_array().expect("findings") {
        check_finding(f, &obs_uuids);
    }
    for (item, row) in items.iter().zip(&rows) {
        for f in ["uuid", "title", "description"] {
            has(item, f);
        }
        assert!(item["title"].as_str().expect("title").starts_with(row.id));
        for rf in item["related-findings"]
            .as_array()
            .expect("related-findings")
        {
            assert!(finding_uuids.contains(rf["finding-uuid"].as_str().expect("uuid")));
        }
        let names: Vec<&str> = item["props"]
            .as_array()
            .expect("props")
            .iter()
            .map(|p| p["name"].as_str().expect("name"))
            .collect();
        for n in ["priority", "action-status", "gap"] {
            assert!(names.contains(&n), "prop {n}");
        }
    }
    let risk = items
        .iter()
        .find(|i| i["title"].as_str().is_some_and(|t| t.starts_with("6.1.2 ")))
        .expect("6.1.2 item");
    let props = risk["props"].as_array().expect("props");
    let get = |n: &str| {
        props
            .iter()
            .find(|p| p["name"] == n)
            .map(|p| p["value"].as_str().expect("str").to_string())
    };
    assert_eq!(get("owner").as_deref(), Some("=HYPERLINK(\"http://evil\")"));
    assert_eq!(get("due-date").as_deref(), Some("2025-06-30"));
    assert_eq!(get("priority").as_deref(), Some("High"));
    assert_eq!(get("overdue").as_deref(), Some("false"));
    check_back_matter(p);
    check_uuids(&v);
    check_props(&v);
    assert_eq!(text, poam(catalog(), &a, GENERATED, ""), "deterministic");
}

#[test]
fn control_id_mapping_is_a_valid_oscal_token_for_every_item() {
    let mut seen = HashSet::new();
    for item in &catalog().items {
        let id = oscal_control_id(item.id);
        assert!(id.starts_with(|c: char| c.is_ascii_lowercase()));
        assert!(id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'));
        assert!(seen.insert(id), "ids are distinct");
    }
}

// ---------------------------------------------------------------------------------------------
// Share links
// ---------------------------------------------------------------------------------------------

#[test]
fn share_fragment_round_trips_and_imports() {
    let json = export_file(&sample_file());
    let frag = encode_fragment(&json);
    assert!(frag.starts_with("v1."));
    assert!(frag
        .chars()
        .skip(3)
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert!(frag.len() < json.len(), "compressed");
    assert_eq!(decode_fragment(&frag).as_deref(), Ok(json.as_str()));
    assert_eq!(
        decode_fragment(&format!("#{frag}")).as_deref(),
        Ok(json.as_str())
    );
    let decoded = decode_fragment(&frag).expect("decodes");
    assert!(matches!(
        import(decoded.as_bytes()),
        Ok(Imported::Assessment(_))
    ));
}

#[test]
fn share_fragment_errors() {
    assert_eq!(decode_fragment(""), Err(ShareError::Empty));
    assert_eq!(decode_fragment("#"), Err(ShareError::Empty));
    assert_eq!(decode_fragment("v9.abc"), Err(ShareError::UnknownPrefix));
    assert_eq!(decode_fragment("e1.abc"), Err(ShareError::Encrypted));
    assert!(matches!(
        decode_fragment("v1.***"),
        Err(ShareError::Base64(_))
    ));
    assert_eq!(
        decode_fragment(&format!("v1.{}", encode_bytes(b"not deflate data at all"))),
        Err(ShareError::Inflate)
    );
    // Truncated link.
    let frag = encode_fragment(&export_file(&sample_file()));
    assert!(decode_fragment(&frag[..frag.len() / 2]).is_err());
    // Valid deflate of non-UTF-8 bytes.
    let bad = miniz_oxide::deflate::compress_to_vec(&[0xFF, 0xFE, 0x00], 6);
    assert_eq!(
        decode_fragment(&format!("v1.{}", encode_bytes(&bad))),
        Err(ShareError::NotUtf8)
    );
}

#[test]
fn share_fragment_is_zip_bomb_safe() {
    // 64 MiB of zeros compresses to ~64 KiB; decoding stops at the cap.
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let bomb = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
    assert!(bomb.len() < 200 * 1024);
    let frag = format!("v1.{}", encode_bytes(&bomb));
    assert_eq!(
        decode_fragment(&frag),
        Err(ShareError::TooLarge {
            limit: MAX_IMPORT_BYTES
        })
    );
    // Exactly at the cap is fine.
    let at_cap = " ".repeat(MAX_IMPORT_BYTES);
    assert_eq!(
        decode_fragment(&encode_fragment(&at_cap)).map(|s| s.len()),
        Ok(MAX_IMPORT_BYTES)
    );
}

#[test]
fn encrypted_packing_round_trips() {
    let salt = [7u8; SALT_LEN];
    let iv = [9u8; IV_LEN];
    let ct: Vec<u8> = (0..=255u8).collect();
    let frag = pack_encrypted(&salt, &iv, &ct);
    assert!(frag.starts_with("e1."));
    assert!(is_encrypted(&frag));
    assert!(is_encrypted(&format!("#{frag}")));
    assert!(!is_encrypted(&encode_fragment("{}")));
    let (s, i, c) = unpack_encrypted(&frag).expect("unpacks");
    assert_eq!(s, salt);
    assert_eq!(i, iv);
    assert_eq!(c, ct);
    assert_eq!(
        unpack_encrypted(&format!("#{frag}")).map(|x| x.2),
        Ok(ct.clone())
    );
    // Too short to hold salt, IV and tag.
    let short = pack_encrypted(&salt, &iv, &[0u8; TAG_LEN - 1]);
    assert_eq!(unpack_encrypted(&short), Err(ShareError::Truncated));
    assert_eq!(
        unpack_encrypted(&encode_fragment("{}")),
        Err(ShareError::UnknownPrefix)
    );
    assert!(matches!(
        unpack_encrypted("e1.@@"),
        Err(ShareError::Base64(_))
    ));
}

#[test]
fn base64url_helpers() {
    assert_eq!(encode_bytes(&[0xFB, 0xFF]), "-_8");
    assert_eq!(decode_bytes("-_8"), Ok(vec![0xFB, 0xFF]));
    assert_eq!(decode_bytes("-_8="), Ok(vec![0xFB, 0xFF]));
    assert!(decode_bytes("+/8").is_err(), "standard alphabet is refused");
}
