//! [`Keyed`]: one reactive value per key, derived from shared sources, whose change notifies only
//! the readers of the keys whose value changed.
//!
//! Why it exists: in `reactive_graph` (Leptos 0.8) a signal's change first *marks* every memo and
//! effect downstream of it, and only then do the memos re-run and decide whether their effects
//! must run. Memos spare the re-rendering, not the marking: each marked render effect is woken as
//! a task of the microtask queue. With one memo per editor row on the open assessment, a single
//! rating change woke every render effect of every row (about a dozen per row). `Keyed` cuts the
//! graph in two: one effect reads the sources and writes a key's signal only when that key's
//! value changed, so the readers of the other keys are never marked. This is how Leptos' own
//! `Selector` works, for values instead of a yes/no.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use leptos::prelude::*;

/// Per-key values derived from reactive sources; see the module documentation.
pub struct Keyed<K, V>
where
    K: Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    slots: Arc<HashMap<K, ArcRwSignal<V>>>,
}

impl<K, V> Clone for Keyed<K, V>
where
    K: Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        Keyed {
            slots: Arc::clone(&self.slots),
        }
    }
}

impl<K, V> Keyed<K, V>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    V: PartialEq + Clone + Send + Sync + 'static,
{
    /// One value per key in `keys`, each computed by `derive`. `derive` reads its sources tracked:
    /// when one of them changes, every key's value is derived again (cheap work by design), and
    /// only the signals of the keys whose value differs are written. The effect doing so is
    /// disposed of with the current owner.
    pub fn new(
        keys: impl IntoIterator<Item = K>,
        derive: impl Fn(&K) -> V + Send + Sync + 'static,
    ) -> Self {
        let slots: Arc<HashMap<K, ArcRwSignal<V>>> = Arc::new(
            keys.into_iter()
                .map(|k| {
                    let v = untrack(|| derive(&k));
                    (k, ArcRwSignal::new(v))
                })
                .collect(),
        );
        let watched = Arc::clone(&slots);
        // Immediate: the changed keys' signals are written within the change itself, so their
        // readers update in the same turn as everything else.
        ImmediateEffect::new_scoped(move || {
            for (k, slot) in watched.iter() {
                let v = derive(k);
                if slot.with_untracked(|old| *old != v) {
                    slot.set(v);
                }
            }
        });
        Keyed { slots }
    }

    /// The value of `key`, tracked (re-runs the reader only when this key's value changes).
    /// `None` for a key that was not given to [`Keyed::new`].
    pub fn get(&self, key: &K) -> Option<V> {
        self.slots.get(key).map(|s| s.get())
    }

    /// The signal of `key`, for a component that reads one key. `None` for a key that was not
    /// given to [`Keyed::new`].
    pub fn signal(&self, key: &K) -> Option<Signal<V>> {
        self.slots.get(key).map(|s| s.read_only().into())
    }

    /// Whether `key` is one of the keys.
    pub fn contains(&self, key: &K) -> bool {
        self.slots.contains_key(key)
    }
}
