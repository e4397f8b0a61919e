//! `ui::keyed::Keyed` in a real browser: a change of the shared source notifies the readers of the
//! keys whose value changed, and nobody else (the editor relies on it: a rating change must not
//! wake every row).
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use gap42::ui::keyed::Keyed;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_change_notifies_only_the_readers_of_the_changed_key() {
    let owner = Owner::new();
    owner.set();
    let source = RwSignal::new(vec![1usize, 2, 3]);
    let keyed = Keyed::new(0..3usize, move |i| source.with(|v| v[*i]));
    let runs: Vec<Arc<AtomicUsize>> = (0..3).map(|_| Arc::new(AtomicUsize::new(0))).collect();
    let seen: Vec<Arc<AtomicUsize>> = (0..3).map(|_| Arc::new(AtomicUsize::new(0))).collect();
    let _readers: Vec<ImmediateEffect> = (0..3usize)
        .map(|i| {
            let keyed = keyed.clone();
            let (runs, seen) = (Arc::clone(&runs[i]), Arc::clone(&seen[i]));
            ImmediateEffect::new(move || {
                seen.store(keyed.get(&i).unwrap_or_default(), Ordering::SeqCst);
                runs.fetch_add(1, Ordering::SeqCst);
            })
        })
        .collect();
    let count = |i: usize| runs[i].load(Ordering::SeqCst);
    assert_eq!((count(0), count(1), count(2)), (1, 1, 1));
    assert_eq!(seen[2].load(Ordering::SeqCst), 3);

    source.update(|v| v[1] = 20);
    assert_eq!((count(0), count(1), count(2)), (1, 2, 1));
    assert_eq!(seen[1].load(Ordering::SeqCst), 20);

    // A change that leaves every value as it was notifies nobody.
    source.update(|v| v[0] = 1);
    assert_eq!((count(0), count(1), count(2)), (1, 2, 1));

    assert_eq!(keyed.get(&7), None);
    assert!(keyed.contains(&2) && !keyed.contains(&3));
}
