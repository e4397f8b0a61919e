//! Builders shared by the native domain tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use gap42::domain::{Maturity, Response};

/// A maturity level known to be 0–5.
pub fn m(level: u8) -> Maturity {
    Maturity::new(level).unwrap()
}

/// A response rated at `level`, everything else default (target 3, applicable).
pub fn rated(level: u8) -> Response {
    Response {
        maturity: Some(m(level)),
        ..Response::default()
    }
}

/// A response rated at `level` with its own target.
pub fn rated_target(level: u8, target: u8) -> Response {
    Response {
        target: m(target),
        ..rated(level)
    }
}

/// A responses map from (id, response) pairs.
pub fn map(pairs: Vec<(&str, Response)>) -> BTreeMap<String, Response> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}
