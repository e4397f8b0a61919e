//! Binary entry point: mounts the Leptos app in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    gap42::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let c = gap42::catalog::catalog();
    println!(
        "gap42 is a browser app: run `make serve`. Catalog {}: {} items.",
        c.version,
        c.items.len()
    );
}
