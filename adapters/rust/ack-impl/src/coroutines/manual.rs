//! Manual leaves: futures that are Ready when someone outside says so, by name.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::{Error, Future, PollState};
use crate::wakers::Waker;

/// The named leaves of a session: futures wait on them, another thread makes them ready. A leaf
/// made ready before its first poll is Ready at that poll. Cloning shares the leaves.
#[derive(Debug, Clone, Default)]
pub struct ManualLeaves(Arc<Mutex<HashMap<String, Leaf>>>);

#[derive(Debug, Default)]
struct Leaf {
    value: Option<String>,
    /// The waker of the most recent poll that found the leaf pending (WK-04).
    waker: Option<Waker>,
}

impl ManualLeaves {
    fn leaves(&self) -> MutexGuard<'_, HashMap<String, Leaf>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A future for leaf `name`; making it does nothing.
    pub fn leaf(&self, name: &str) -> ManualLeaf {
        ManualLeaf { leaves: self.clone(), name: name.to_owned() }
    }

    /// Makes leaf `name` Ready with `value` and wakes the waker of its most recent pending poll,
    /// from the calling thread (WK-01).
    pub fn make_ready(&self, name: &str, value: &str) {
        let waker = {
            let mut leaves = self.leaves();
            let leaf = leaves.entry(name.to_owned()).or_default();
            leaf.value = Some(value.to_owned());
            leaf.waker.take()
        };
        // Outside the lock: waking takes the executor's locks.
        if let Some(waker) = waker {
            waker.wake();
        }
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
    type Output = Result<String, Error>;

    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        // One lock for "is it ready?" and "keep the waker": `make_ready` either finds this poll's
        // waker or this poll finds the value, so no wake falls between the two.
        let mut leaves = self.leaves.leaves();
        let leaf = leaves.entry(self.name.clone()).or_default();
        match &leaf.value {
            Some(value) => PollState::Ready(Ok(value.clone())),
            None => {
                leaf.waker = Some(waker.clone());
                PollState::NotReady
            }
        }
    }
}
