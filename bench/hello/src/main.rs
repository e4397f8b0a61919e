//! Hello world in Leptos 0.8 (CSR): one heading and one button, the baseline for `make bench`.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0);
        view! {
            <main>
                <h1>"Hello, world"</h1>
                <button type="button" on:click=move |_| set_count.update(|n| *n += 1)>
                    "Clicked " {count} " times"
                </button>
            </main>
        }
    });
}
