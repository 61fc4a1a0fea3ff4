//! Waker: what a pending future keeps, to have its task polled again.

use std::sync::Arc;

use super::executor::Shared;

/// Puts one task back on the ready queue of the executor that polled it and unparks that
/// executor (WK-01), from any thread: the reactor's, the one that made a leaf ready, the
/// executor's own (WK-03). Like the book's waker it carries what it needs to reach its executor,
/// so whoever holds it needs to know nothing about executors. Clones wake the same task, also
/// after it finished, which the executor then ignores (WK-05).
#[derive(Clone)]
pub struct Waker {
    target: Option<(Arc<Shared>, usize)>,
}

impl Waker {
    pub(crate) fn new(executor: Arc<Shared>, task: usize) -> Waker {
        Waker { target: Some((executor, task)) }
    }

    /// A waker that wakes nothing: for polls with nobody to wake, chapter 7's (the caller polls
    /// again on its own) and chapter 9's detached poll.
    pub fn noop() -> Waker {
        Waker { target: None }
    }

    /// Has the task polled again.
    pub fn wake(&self) {
        if let Some((executor, task)) = &self.target {
            executor.wake(*task);
        }
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.target {
            Some((_, task)) => write!(out, "Waker(task {task})"),
            None => out.write_str("Waker(noop)"),
        }
    }
}
