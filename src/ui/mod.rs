//! Leptos components and routes.
