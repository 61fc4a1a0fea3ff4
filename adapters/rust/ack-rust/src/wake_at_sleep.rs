//! The wakers `yield_until_sleep` armed (protocol.md §7): called from a thread of their own while
//! the executor reports its `sleep` entry, that is after it found its ready queue empty and before
//! it sleeps, the window rule WK-07 is about.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use ack_impl::wakers::Waker;

/// How long the `sleep` report waits for the waking thread: an executor may hold, while it
/// reports, the lock the wake needs (protocol.md §7).
const PATIENCE: Duration = Duration::from_millis(100);

/// The armed wakers of one run, shared by its programs (which arm) and its executor's observer
/// (which calls them at the next `sleep`).
#[derive(Clone, Default)]
pub(crate) struct WakeAtSleep(Arc<Mutex<Vec<Waker>>>);

impl WakeAtSleep {
    /// Has `waker` called at the executor's next `sleep`.
    pub(crate) fn arm(&self, waker: Waker) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(waker);
    }

    /// Calls the armed wakers from another thread and waits for it, at most [`PATIENCE`].
    pub(crate) fn wake_from_another_thread(&self) {
        let armed = std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner));
        if armed.is_empty() {
            return;
        }
        let (done, woken) = mpsc::channel();
        thread::spawn(move || {
            armed.iter().for_each(Waker::wake);
            let _ = done.send(()); // the report may have stopped waiting
        });
        let _ = woken.recv_timeout(PATIENCE);
    }
}
