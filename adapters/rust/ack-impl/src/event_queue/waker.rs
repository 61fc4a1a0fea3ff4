//! Waker: makes a blocked poll return, from any thread.

use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use super::registry::WakerFd;
use super::sys::{EventFd, closed};
use super::{Registry, Token};

/// A waker bound to a poll instance: waking it makes a poll of that instance report an event with
/// the waker's token (EQ-24). A wake while no poll runs is kept until the next poll reports it,
/// and is reported once (EQ-25); several wakes before a poll may be reported as one, as in mio.
///
/// The poll instance owns the waker's eventfd and closes it when it closes (EQ-26); waking after
/// that fails with `EBADF`.
#[derive(Debug, Clone)]
pub struct Waker {
    fd: Arc<WakerFd>,
}

impl Waker {
    /// A waker for the instance of `registry`, reporting `token`.
    pub fn new(registry: &Registry, token: Token) -> io::Result<Waker> {
        let fd = Arc::new(Mutex::new(Some(EventFd::new()?)));
        registry.adopt_waker(&fd, token)?;
        Ok(Waker { fd })
    }

    /// Wakes the poll instance: adds 1 to the eventfd's counter, which the kernel reports as a new
    /// edge whether or not a poll is running.
    pub fn wake(&self) -> io::Result<()> {
        match &*self.fd.lock().unwrap_or_else(PoisonError::into_inner) {
            Some(fd) => fd.increment(),
            None => Err(closed()),
        }
    }
}
