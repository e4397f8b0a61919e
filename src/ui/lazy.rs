//! Split points: the pages that the home page does not need, loaded on demand.
//!
//! In a release build made with `--cfg gap42_split` (what `make dist` does), each function below
//! is a `wasm_split` split point (the mechanism behind Leptos's `#[lazy]`, used directly for its
//! `fallible` option): `scripts/split-wasm.mjs` cuts the wasm at these functions with
//! `wasm-split`, so the first load fetches only the home page's code and each of these pages
//! arrives as its own small wasm file the first time it is opened (the service worker precaches
//! them all for offline use). In every other build (debug, tests) they are plain `async` functions
//! and nothing is split. Either way the callers are the same: [`Lazy`] awaits the function inside a
//! `Suspense`.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::route::Page;
use super::state::AppState;
use crate::catalog::Part;

/// A part of gap42 that could not be fetched (offline without the service worker's copy, or a
/// site updated on the server since this page was opened).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("this part of gap42 could not be loaded")]
pub struct LoadError;

#[cfg(gap42_split)]
impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadError
    }
}

/// Declares one split point: under `gap42_split` a `wasm_split` function (each in a module of
/// its own name; `fallible`, so a failed fetch is an `Err`, not a crash), otherwise a plain
/// `async fn`. Either way: `async fn name(args) -> Result<T, LoadError>`.
macro_rules! split_point {
    ($(#[$doc:meta])* $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(gap42_split)]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, LoadError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(gap42_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, LoadError> {
            Ok($body)
        }
    };
}

split_point! {
    /// One assessment: the shell (header, tabs) with the editor; its other pages are
    /// [`assessment_page`].
    assessment_view(id: String, page: Page) -> AnyView {
        view! { <super::shell::AssessmentShell id=id page=page /> }.into_any()
    }
}

split_point! {
    /// An assessment's pages other than the editor: the dashboard with the export panel, predicted
    /// findings, Statement of Applicability, action plan, snapshots and the report. Apart from the
    /// editor, so that a workshop opening an assessment on its clauses fetches only the editor.
    /// `None` draws nothing: the router calls it so to start fetching this module alongside
    /// [`assessment_view`] when the route is one of these pages (one round trip, not two in a row).
    assessment_page(page: Option<Page>) -> AnyView {
        use super::results;
        match page {
            Some(Page::Overview) => view! { <results::Dashboard /> <super::transfer::AssessmentTransfer /> }.into_any(),
            Some(Page::Findings) => view! { <results::FindingsPage /> }.into_any(),
            Some(Page::Soa) => view! { <results::SoaPage /> }.into_any(),
            Some(Page::Plan) => view! { <results::PlanPage /> }.into_any(),
            Some(Page::Snapshots) => view! { <results::SnapshotsPage /> }.into_any(),
            Some(Page::Report) => view! { <results::ReportPage /> }.into_any(),
            // The editor's pages are drawn by the shell itself.
            Some(Page::Clauses | Page::AnnexA) | None => ().into_any(),
        }
    }
}

split_point! {
    /// The catalog browser.
    catalog_view(part: Part) -> AnyView {
        view! { <super::catalog_page::CatalogPage part=part /> }.into_any()
    }
}

split_point! {
    /// Method and privacy.
    about_view() -> AnyView {
        super::about::AboutPage().into_any()
    }
}

split_point! {
    /// Settings.
    settings_view() -> AnyView {
        super::settings::SettingsPage().into_any()
    }
}

split_point! {
    /// The preview of a shared link.
    share_view(payload: String) -> AnyView {
        view! { <super::transfer::SharePage payload=payload /> }.into_any()
    }
}

split_point! {
    /// "Back up everything" on the home page: reads every record and writes the file.
    backup_everything(state: AppState) -> Pin<Box<dyn Future<Output = ()>>> {
        Box::pin(super::transfer::backup_everything(state))
    }
}

split_point! {
    /// What happens to a file picked or dropped on the home page's import panel: checking,
    /// decrypting, the review of collisions, the import.
    import_flow(picked: RwSignal<Option<web_sys::File>, LocalStorage>) -> AnyView {
        view! { <super::transfer::ImportFlow picked=picked /> }.into_any()
    }
}

/// Shows a lazily loaded view, with `fallback` until its code has arrived, or a message with a
/// way out when it cannot be fetched.
#[component]
pub fn Lazy<F, Fut>(
    /// Starts loading the view (one of the split points above).
    load: F,
    /// What to show while it loads.
    #[prop(optional, into)]
    fallback: ViewFnOnce,
) -> impl IntoView
where
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, LoadError>> + 'static,
{
    // The browser is single-threaded: the wrapper only satisfies Suspend's Send bound.
    let fut = send_wrapper::SendWrapper::new(load());
    let view = Suspend::new(async move {
        match fut.await {
            Ok(view) => view,
            Err(_) => view! { <LoadFailed /> }.into_any(),
        }
    });
    view! { <Suspense fallback=fallback>{view}</Suspense> }
}

/// What a page shows while its code is on its way (the `fallback` of page-level [`Lazy`]s).
#[component]
pub fn PageLoading() -> impl IntoView {
    view! { <p class="muted page-loading" aria-busy="true">"Loading…"</p> }
}

/// The message for a page whose code could not be fetched. Nothing typed is lost: edits are saved
/// as they are made, and this page had not been shown yet.
#[component]
fn LoadFailed() -> impl IntoView {
    view! {
        <section class="page narrow load-failed" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>"Part of gap42 could not be fetched: the connection may be down, or the site may have been updated since this tab was opened. Your assessments are safe in this browser."</p>
            <p><button type="button" on:click=|_| { let _ = window().location().reload(); }>"Reload gap42"</button></p>
        </section>
    }
}
