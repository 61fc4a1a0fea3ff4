//! Manual leaves: standard futures that are Ready when someone outside says so, by name.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};

/// How [`ManualLeaves::make_ready`] calls the kept `std::task::Waker`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// `waker.clone().wake()`: a clone, consumed.
    ByValue,
    /// `waker.wake_by_ref()`.
    ByReference,
}

/// The named leaves of a session. A leaf exists from its first poll, which keeps that poll's waker
/// (a later poll's replaces it), until it is Ready. Cloning shares the leaves.
#[derive(Debug, Clone, Default)]
pub struct ManualLeaves(Arc<Mutex<HashMap<String, Leaf>>>);

#[derive(Debug)]
struct Leaf {
    value: Option<String>,
    waker: std::task::Waker,
}

impl ManualLeaves {
    fn leaves(&self) -> MutexGuard<'_, HashMap<String, Leaf>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A future for leaf `name`; making it does nothing.
    pub fn leaf(&self, name: &str) -> ManualLeaf {
        ManualLeaf { leaves: self.clone(), name: name.to_owned() }
    }

    /// Makes leaf `name` Ready with `value` and wakes the task through the waker its most recent
    /// poll left, as `wake` says, from the calling thread. `false` when no future waits on `name`
    /// (none polled it, or it is Ready already).
    pub fn make_ready(&self, name: &str, value: &str, wake: Wake) -> bool {
        let waker = {
            let mut leaves = self.leaves();
            let Some(leaf) = leaves.get_mut(name).filter(|leaf| leaf.value.is_none()) else { return false };
            leaf.value = Some(value.to_owned());
            leaf.waker.clone()
        };
        // Outside the lock: waking takes the executor's.
        match wake {
            Wake::ByValue => waker.wake(),
            Wake::ByReference => waker.wake_by_ref(),
        }
        true
    }

    /// Forgets every leaf (a new session may use the same names).
    pub fn clear(&self) {
        self.leaves().clear();
    }
}

/// Pending until [`ManualLeaves::make_ready`] names it; then Ready with that value.
#[derive(Debug)]
pub struct ManualLeaf {
    leaves: ManualLeaves,
    name: String,
}

impl Future for ManualLeaf {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        // One lock for "is it ready?" and "keep the waker", so no wake falls between the two.
        let mut leaves = self.leaves.leaves();
        if let Some(value) = leaves.get(&self.name).and_then(|leaf| leaf.value.clone()) {
            leaves.remove(&self.name);
            return Poll::Ready(value);
        }
        leaves.insert(self.name.clone(), Leaf { value: None, waker: cx.waker().clone() });
        Poll::Pending
    }
}
