//! Hello world in Leptos 0.8 (CSR): one heading, one button and one key-driven text, the baseline
//! for `make bench` (wasm size, start-up, and the cost of a key press that changes one text).

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0);
        let (level, set_level) = signal('–');
        // The same shape as gap42's rating keys: a digit pressed anywhere sets the shown level.
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if let Some(d) = ev.key().chars().next().filter(|c| c.is_ascii_digit()) {
                set_level.set(d);
                ev.prevent_default();
            }
        });
        on_cleanup(move || handle.remove());
        view! {
            <main>
                <h1>"Hello, world"</h1>
                <button type="button" on:click=move |_| set_count.update(|n| *n += 1)>
                    "Clicked " {count} " times"
                </button>
                <p tabindex="0" id="level">"Level " {level}</p>
            </main>
        }
    });
}
