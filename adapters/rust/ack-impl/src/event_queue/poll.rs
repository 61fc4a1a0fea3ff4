//! Poll: the event queue itself.

use std::io;
use std::time::Duration;

use super::{Events, Registry};

/// A poll instance: one epoll instance of its own (EQ-01), its [`Registry`], and `poll`.
#[derive(Debug)]
pub struct Poll {
    registry: Registry,
}

impl Poll {
    /// A new instance with nothing registered.
    pub fn new() -> io::Result<Poll> {
        Ok(Poll { registry: Registry::new()? })
    }

    /// Where sources are registered; clone it to register from another thread.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Waits until a registered source is ready or a waker is woken, or `timeout` runs out, and
    /// puts the events into `events`, replacing the previous ones. `None` waits as long as it
    /// takes (EQ-17), zero does not wait (EQ-18), and a timeout that runs out leaves `events`
    /// empty, which is no error (EQ-19).
    pub fn poll(&mut self, events: &mut Events, timeout: Option<Duration>) -> io::Result<()> {
        let timeout_ms = match timeout {
            None => -1,
            // Rounded up: a wait of 0.5 ms must not become a poll that does not wait at all.
            Some(timeout) => i32::try_from(timeout.as_nanos().div_ceil(1_000_000)).unwrap_or(i32::MAX),
        };
        let capacity = events.capacity();
        self.registry.wait(&mut events.list, capacity, timeout_ms)
    }
}
