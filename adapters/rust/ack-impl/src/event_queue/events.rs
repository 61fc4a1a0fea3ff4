//! Events: the collection a poll fills.

use std::io;

use super::Event;
use super::sys::EpollEvent;

/// The events of the latest poll, at most `capacity` of them: ready sources that did not fit stay
/// in the kernel's ready list for the next poll (EQ-20), and each poll replaces the previous
/// poll's events (EQ-21).
#[derive(Clone)]
pub struct Events {
    pub(crate) list: Vec<EpollEvent>,
    capacity: usize,
}

/// The kernel's limit on one `epoll_wait`: `INT_MAX / sizeof(struct epoll_event)`.
const MAX_CAPACITY: usize = i32::MAX as usize / size_of::<EpollEvent>();

impl Events {
    /// A collection for up to `capacity` events. A capacity of 0 could hold nothing (the kernel
    /// answers `EINVAL`), so it is rejected here, as is one above the kernel's limit.
    pub fn with_capacity(capacity: usize) -> io::Result<Events> {
        if capacity == 0 || capacity > MAX_CAPACITY {
            let message = format!("an events collection holds 1 to {MAX_CAPACITY} events, not {capacity}");
            return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
        }
        let mut list = Vec::new();
        list.try_reserve_exact(capacity)?;
        Ok(Events { list, capacity })
    }

    /// How many events a poll may put here.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The latest poll's events, in the order the kernel reported them.
    pub fn iter(&self) -> impl Iterator<Item = Event> + '_ {
        self.list.iter().map(|raw| Event::from_raw(*raw))
    }
}
