//! Offline support: registers the service worker (`public/sw.js`) and offers a new version when
//! one is installed.
//!
//! The update flow never swaps the app under the user's feet: a new service worker installs in
//! the background and *waits*; the app notices (`registration.waiting` at start-up, or
//! `updatefound` → `installed` later) and shows "A new version of gap42 is available". On
//! "Update now" the unsaved edits are written first, then the waiting worker is told to take over
//! (`SKIP_WAITING`) and the page reloads when it does (`controllerchange`). "Later" leaves the old
//! version running; the new one starts by itself once every gap42 tab is closed.
//!
//! Registration uses a relative URL (`./sw.js`; the scope defaults to the script's folder, `./`),
//! so the same build works at a domain root or under any sub-path. Debug builds (`trunk serve`) do not register a worker, so a
//! rebuilt app is never hidden behind a cached one during development.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

use super::state::AppState;

/// How often an open tab asks the server whether a new version exists (the browser also checks
/// on every page load).
const UPDATE_CHECK: Duration = Duration::from_secs(60 * 60);
/// Registering starts the precache of every file, which competes with the app's own start-up
/// (a one-off A/B on two cores, README "Measured figures": 339 ms to interactive when registering
/// at once, 255 ms with this delay). So it waits until the page has loaded and then this long.
const REGISTER_DELAY: Duration = Duration::from_millis(1500);

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// The user chose "Update now": the next controller change reloads the page.
    static CONSENTED: Cell<bool> = const { Cell::new(false) };
}

/// The browser's service worker container, when it has one (it has none on plain http other than
/// localhost, and in some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    present.then(|| navigator.service_worker())
}

fn reload() {
    let _ = window().location().reload();
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Where the update stands, for the prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Update {
    /// Nothing new (or the service worker is not available).
    None,
    /// A new version is installed and waits for the user.
    Ready,
    /// The user said "Later" in this tab.
    Dismissed,
    /// Saving the open work, then switching to the new version.
    Applying,
}

/// Register the service worker once the app is up (see [`REGISTER_DELAY`]).
fn register_later(update: RwSignal<Update>) {
    if cfg!(debug_assertions) {
        return;
    }
    let later = move || set_timeout(move || register(update), REGISTER_DELAY);
    if document().ready_state() == "complete" {
        later();
    } else {
        // The load event comes once per page; the listener can stay.
        let _ = window_event_listener_untyped("load", move |_| later());
    }
}

/// Register the service worker and watch for new versions.
fn register(update: RwSignal<Update>) {
    let Some(sw) = container() else { return };
    let had_controller = sw.controller().is_some();

    // A new worker took control: reload when the user asked for it; otherwise (the update was
    // accepted in another tab) this tab still runs the old version and offers to switch.
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if CONSENTED.with(Cell::get) {
            reload();
        } else if had_controller && update.get_untracked() == Update::None {
            update.set(Update::Ready);
        }
    });
    sw.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    let promise = sw.register("./sw.js");
    spawn_local(async move {
        // A browser (or policy) that blocks service workers may resolve with no registration.
        let registration = match JsFuture::from(promise).await.map(|r| r.dyn_into()) {
            Ok(Ok(r)) => r,
            Ok(Err(_)) => {
                leptos::logging::warn!("gap42: service workers are blocked here; no offline use");
                return;
            }
            Err(e) => {
                // The app works without it, only not offline.
                leptos::logging::warn!("gap42: service worker not registered: {e:?}");
                return;
            }
        };
        watch(&registration, update);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });

    set_interval(
        || {
            if let Some(Ok(p)) = REGISTRATION.with(|r| r.borrow().as_ref().map(|r| r.update())) {
                // Offline, the check fails: that is fine, it runs again later.
                spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
            }
        },
        UPDATE_CHECK,
    );
}

/// Offer the update once a new worker is installed and waiting. The very first install (no
/// controller yet) is not an update.
fn watch(registration: &ServiceWorkerRegistration, update: RwSignal<Update>) {
    let is_update = || container().and_then(|c| c.controller()).is_some();
    if registration.waiting().is_some() && is_update() {
        update.set(Update::Ready);
    }
    let reg = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let reg = reg.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            // Also after "Later": this is a newer version than the one dismissed.
            if reg.waiting().is_some() && is_update() && update.get_untracked() != Update::Applying
            {
                update.set(Update::Ready);
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Write every unsaved edit, wait for a write in flight, then switch to the waiting version.
async fn apply_update(state: AppState) {
    let ed = state.editor;
    // A save in flight must land before the page goes. Edits that cannot be saved (a conflict
    // with another tab, a storage error) are journalled by the page-hide handler and restored
    // on the next start, so they are not lost either.
    for _ in 0..100 {
        state.flush().await;
        let blocked =
            ed.conflict.get_untracked().is_some() || ed.save_error.get_untracked().is_some();
        if !ed.saving.get_untracked() && (!ed.dirty.get_untracked() || blocked) {
            break;
        }
        sleep(50).await;
    }
    CONSENTED.with(|c| c.set(true));
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(worker) => {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            if worker.post_message(&message).is_err() {
                reload();
            }
        }
        // Already active (accepted in another tab): loading the page again picks it up.
        None => reload(),
    }
}

/// Registers the service worker and shows "A new version of gap42 is available" when one waits.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    let update = RwSignal::new(Update::None);
    register_later(update);
    let shown = move || matches!(update.get(), Update::Ready | Update::Applying);
    let applying = move || update.get() == Update::Applying;
    view! {
        <Show when=shown>
            <div class="banner update-banner" role="status" data-testid="update-prompt">
                <p>
                    <strong>"A new version of gap42 is available."</strong>
                    " Your work is saved before the app reloads."
                </p>
                <div class="actions">
                    <button type="button" disabled=applying
                        on:click=move |_| {
                            update.set(Update::Applying);
                            spawn_local(apply_update(state));
                        }>
                        {move || if applying() { "Updating…" } else { "Update now" }}
                    </button>
                    <button type="button" class="secondary" disabled=applying
                        on:click=move |_| update.set(Update::Dismissed)>"Later"</button>
                </div>
            </div>
        </Show>
    }
}
