//! Pure Rust: the assessment model and everything derived from it (scores, predicted findings,
//! Statement of Applicability, action plan, snapshot comparison). No browser APIs here.

pub mod diff;
pub mod findings;
pub mod model;
pub mod plan;
pub mod scoring;
pub mod soa;

pub use diff::*;
pub use findings::*;
pub use model::*;
pub use plan::*;
pub use scoring::*;
pub use soa::*;
