//! Moving assessments in and out: versioned JSON (with migrations and validation), CSV, OSCAL and
//! the data behind the printable report. Pure Rust, tested natively.
