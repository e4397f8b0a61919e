//! The only code that touches browser storage.
