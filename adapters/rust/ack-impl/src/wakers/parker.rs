//! Parker: lets a thread sleep until another says "go on" (the book's parker-bonus).

use std::sync::{Condvar, Mutex, PoisonError};

/// One permit, like `std::thread::park`/`unpark`, but owned by whoever made it, so no other code
/// that parks the same thread can take or leave its permit.
///
/// `unpark` makes the permit available and `park` waits for it and takes it. An `unpark` before
/// the `park` is therefore not lost (the executor's lost-wake window, WK-07), and permits do not
/// add up: two `unpark`s let one `park` through, not two (WK-18).
#[derive(Debug, Default)]
pub struct Parker {
    permit: Mutex<bool>,
    unparked: Condvar,
}

impl Parker {
    /// Waits until the permit is available, then takes it.
    pub fn park(&self) {
        let permit = self.permit.lock().unwrap_or_else(PoisonError::into_inner);
        // A condition variable may wake up without a notify: wait until the permit is really there.
        let mut permit = self.unparked.wait_while(permit, |permit| !*permit).unwrap_or_else(PoisonError::into_inner);
        *permit = false;
    }

    /// Makes the permit available and wakes the parked thread, if any. From any thread.
    pub fn unpark(&self) {
        *self.permit.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.unparked.notify_one();
    }
}
