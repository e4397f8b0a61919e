//! Cross-tab notices (BroadcastChannel) and small timing helpers.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "gap42";

/// What one tab tells the others.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// An assessment was saved at this revision.
    Saved { id: String, revision: u64 },
    /// The list changed (created, deleted, imported).
    ListChanged,
}

/// A channel to the other tabs of this origin. Dropping it closes it.
pub struct Channel {
    inner: web_sys::BroadcastChannel,
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Channel {
    /// Open the channel; `on_notice` runs for every notice from another tab.
    pub fn open(mut on_notice: impl FnMut(Notice) + 'static) -> Option<Channel> {
        let inner = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let listener =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(text) = e.data().as_string() {
                    if let Ok(n) = serde_json::from_str::<Notice>(&text) {
                        on_notice(n);
                    }
                }
            });
        inner.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Channel {
            inner,
            _listener: listener,
        })
    }

    /// Tell the other tabs.
    pub fn post(&self, notice: &Notice) {
        if let Ok(text) = serde_json::to_string(notice) {
            let _ = self.inner.post_message(&JsValue::from_str(&text));
        }
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.inner.set_onmessage(None);
        self.inner.close();
    }
}

/// A future that resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
