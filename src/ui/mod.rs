//! Leptos components and routes. No scoring logic here: components read `Memo`s derived from the
//! domain through [`state::AppState`] (and, where one change would wake every row of a list,
//! [`keyed::Keyed`] values or `Selector`s that notify only the rows concerned).

pub mod about;
pub mod catalog_page;
pub mod components;
pub mod crypto;
pub mod editor;
pub mod home;
pub mod keyed;
pub mod lazy;
pub mod pwa;
pub mod results;
pub mod route;
pub mod settings;
pub mod shell;
pub mod state;
pub mod transfer;
pub mod util;

use leptos::prelude::*;

use crate::storage::prefs::Theme;
use route::{Page, Route};
use state::AppState;

/// Mount the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The current route, following `location.hash`.
fn use_route() -> ReadSignal<Route> {
    let hash = || window().location().hash().unwrap_or_default();
    let (route, set_route) = signal(Route::parse(&hash()));
    let handle = window_event_listener_untyped("hashchange", move |_| {
        set_route.set(Route::parse(&hash()));
        // New page: start at the top, like a normal navigation.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || handle.remove());
    route
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::install();
    let route = use_route();

    // Sync the theme preference to the document (the one outside-world effect of the shell).
    Effect::new(move |_| {
        let theme = state.prefs.with(|p| p.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    });

    let view_route = move || {
        use lazy::{Lazy, PageLoading};
        let loading = PageLoading;
        match route.get() {
            Route::Home => home::HomePage().into_any(),
            Route::About => view! { <Lazy load=lazy::about_view fallback=loading /> }.into_any(),
            Route::Settings => view! { <Lazy load=lazy::settings_view fallback=loading /> }.into_any(),
            Route::Catalog(part) => {
                view! { <Lazy load=move || lazy::catalog_view(part) fallback=loading /> }.into_any()
            }
            Route::Assessment(id, page) => {
                if !matches!(page, Page::Clauses | Page::AnnexA) {
                    // Fetch the results pages' module alongside the assessment's, not after it.
                    leptos::task::spawn_local(async move {
                        let _ = lazy::assessment_page(None).await;
                    });
                }
                view! { <Lazy load=move || lazy::assessment_view(id, page) fallback=loading /> }.into_any()
            }
            Route::Share(payload) => {
                view! { <Lazy load=move || lazy::share_view(payload) fallback=loading /> }.into_any()
            }
            Route::NotFound(h) => view! {
                <section class="page narrow">
                    <h1>"Page not found"</h1>
                    <p>"There is nothing at " <code>{h}</code> ". "<a href="#/">"Back to your assessments"</a></p>
                </section>
            }
            .into_any(),
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(m) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(m) = m.dyn_into::<web_sys::HtmlElement>() { let _ = m.focus(); }
            }
        }>"Skip to content"</a>
        <header class="topbar">
            <a class="brand" href="#/" aria-label="gap42 home">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true"><rect width="64" height="64" rx="14" fill="currentColor"/><path d="M14 40a18 18 0 0 1 36 0" fill="none" stroke="var(--logo-arc)" stroke-width="6" stroke-linecap="round"/><path d="M32 40l10-12" stroke="var(--logo-fg)" stroke-width="5" stroke-linecap="round"/><circle cx="32" cy="40" r="4" fill="var(--logo-fg)"/></svg>
                <span>"gap42"</span>
            </a>
            <nav class="topnav" aria-label="Main">
                <a href="#/" class:active=move || matches!(route.get(), Route::Home | Route::Assessment(..))>"Assessments"</a>
                <a href="#/catalog/clauses" class:active=move || matches!(route.get(), Route::Catalog(_))>"Catalog"</a>
                <a href="#/about" class:active=move || route.get() == Route::About>"Method & privacy"</a>
                <a href="#/settings" class:active=move || route.get() == Route::Settings>"Settings"</a>
            </nav>
            <components::ThemeToggle />
        </header>
        <components::StorageBanner />
        <pwa::UpdatePrompt />
        <main id="main" tabindex="-1">{view_route}</main>
        <components::ToastView />
        <footer class="site-footer">
            <span>"gap42 runs entirely in your browser. Nothing you enter leaves this device."</span>
            <span>"A self-assessment aid for ISO/IEC 42001:2023 — not a certification."</span>
        </footer>
    }
}
