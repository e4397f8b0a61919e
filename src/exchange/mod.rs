//! Moving assessments in and out: versioned JSON (with migrations and validation), CSV, OSCAL and
//! share-link packing. Pure Rust, tested natively.
//!
//! - [`json`]: the gap42 file format (export, validated all-or-nothing import);
//! - [`migrate`]: upgrades of older format versions;
//! - [`csv`]: spreadsheet exports (responses, Statement of Applicability, action plan);
//! - [`oscal`]: OSCAL 1.1.2 assessment results and POA&M;
//! - [`share`]: share-link fragment codec (deflate + base64url, encrypted-link packing).

pub mod csv;
pub mod json;
pub mod migrate;
pub mod oscal;
pub mod share;

pub use json::{
    export_assessment, export_backup, import, AssessmentFile, ImportError, Imported, Problem,
    ProblemKind, FORMAT_VERSION, MAX_IMPORT_BYTES,
};
