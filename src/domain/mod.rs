//! Pure Rust: the assessment model and everything derived from it (scores, predicted findings,
//! Statement of Applicability, action plan, snapshot comparison). No browser APIs here.

pub mod model;

pub use model::*;
