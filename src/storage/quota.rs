//! Storage quota and persistence (navigator.storage).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

/// Usage and quota in bytes, when the browser tells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

/// `navigator.storage.estimate()`.
pub async fn estimate() -> Option<Estimate> {
    let promise = manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    let est: web_sys::StorageEstimate = value.unchecked_into();
    Some(Estimate {
        usage: est.get_usage().unwrap_or(0.0),
        quota: est.get_quota().unwrap_or(0.0),
    })
}

/// `navigator.storage.persisted()`.
pub async fn persisted() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// `navigator.storage.persist()`: ask the browser not to evict our data under pressure.
pub async fn request_persist() -> Option<bool> {
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
