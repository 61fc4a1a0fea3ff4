//! Manual leaves (protocol.md §7): futures that stay Pending until the runner gives them a value.
//! The book has no need for them; the adapters offer them as leaves of the chapter's trait.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::Poll;

/// The session's manual leaves, by name. `W` is what a pending poll leaves behind to be woken by
/// the runner's `leaf_ready`: `()` in chapter 7, which has no wakers. Cloning shares them.
pub struct ManualLeaves<W>(Arc<Mutex<HashMap<String, Slot<W>>>>);

struct Slot<W> {
    value: Option<String>,
    waker: Option<W>,
}

impl<W> ManualLeaves<W> {
    /// A poll of leaf `name`: Ready with its value once the runner gave it one (before its first
    /// poll too); until then the leaf keeps `waker()`, the most recent poll's.
    pub fn poll(&self, name: &str, waker: impl FnOnce() -> W) -> Poll<String> {
        let mut leaves = self.leaves();
        let slot = leaves.entry(name.to_owned()).or_insert_with(Slot::empty);
        match &slot.value {
            Some(value) => Poll::Ready(value.clone()),
            None => {
                slot.waker = Some(waker());
                Poll::Pending
            }
        }
    }

    /// Gives leaf `name` its value; returns the waker its most recent poll left, for the caller
    /// to call.
    pub fn make_ready(&self, name: &str, value: &str) -> Option<W> {
        let mut leaves = self.leaves();
        let slot = leaves.entry(name.to_owned()).or_insert_with(Slot::empty);
        slot.value = Some(value.to_owned());
        slot.waker.take()
    }

    /// Forgets every leaf, at `reset`.
    pub fn clear(&self) {
        self.leaves().clear();
    }

    fn leaves(&self) -> MutexGuard<'_, HashMap<String, Slot<W>>> {
        // A panic while the lock was held leaves a map that is still a map.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<W> Slot<W> {
    fn empty() -> Slot<W> {
        Slot { value: None, waker: None }
    }
}

impl<W> Clone for ManualLeaves<W> {
    fn clone(&self) -> Self {
        ManualLeaves(Arc::clone(&self.0))
    }
}

impl<W> Default for ManualLeaves<W> {
    fn default() -> Self {
        ManualLeaves(Arc::default())
    }
}
