//! gap42 — ISO/IEC 42001 readiness and gap analysis that runs entirely in the browser.
//!
//! Layers, dependencies pointing one way only:
//! `catalog` → `domain` → `exchange` → `storage` → `ui`.
//! The first three are pure Rust and tested natively; `storage` and `ui` exist only on wasm32.

pub mod catalog;
pub mod domain;
pub mod exchange;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
