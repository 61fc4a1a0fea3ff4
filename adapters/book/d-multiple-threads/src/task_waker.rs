//! The wakers the adapter calls itself: a manual leaf's, and those `keep_waker` kept for
//! `wk.wake`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ack_adapter::{Error, ErrorKind, Result, Trace};

use crate::runtime::Waker;
use crate::task;

/// The book's waker of a task, with what the adapter needs to report its calls. The book's
/// `Waker::wake` tells no one it was called, so the adapter reports the wakes it makes (a `wake`
/// entry) and only those: the reactor's stay unreported (`wake-reports` is not claimed).
#[derive(Clone)]
pub struct TaskWaker {
    waker: Waker,
    /// `None` for a poll of no task (`poll_detached`), whose waker wakes nothing.
    task: Option<usize>,
    trace: Trace,
}

impl TaskWaker {
    /// `waker`, given to the poll running on this thread.
    pub fn of_this_poll(waker: &Waker, trace: &Trace) -> TaskWaker {
        TaskWaker { waker: waker.clone(), task: task::polled(), trace: trace.clone() }
    }

    pub fn wake(&self) {
        if let Some(task) = self.task {
            self.trace.wake(task);
        }
        self.waker.wake();
    }
}

/// The wakers `keep_waker` kept, by name, for the session. Cloning shares them.
#[derive(Clone, Default)]
pub struct KeptWakers(Arc<Mutex<HashMap<String, TaskWaker>>>);

impl KeptWakers {
    pub fn keep(&self, name: &str, waker: TaskWaker) {
        self.wakers().insert(name.to_owned(), waker);
    }

    /// Calls the waker kept under `name`, even if its task has finished (`wk.wake`).
    pub fn wake(&self, name: &str) -> Result<()> {
        let waker = self.wakers().get(name).cloned();
        let waker = waker
            .ok_or_else(|| Error::new(ErrorKind::BadRequest, format!("no program kept a waker under {name:?}")))?;
        waker.wake();
        Ok(())
    }

    pub fn clear(&self) {
        self.wakers().clear();
    }

    fn wakers(&self) -> MutexGuard<'_, HashMap<String, TaskWaker>> {
        // A panic while the lock was held leaves a map that is still a map.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
