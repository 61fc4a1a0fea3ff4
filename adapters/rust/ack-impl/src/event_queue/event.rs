//! Event: one readiness notification.

use super::Token;
use super::sys::{EPOLLERR, EPOLLHUP, EPOLLIN, EPOLLOUT, EPOLLRDHUP, EpollEvent};

/// What a poll found about one registration: its token and the readiness the kernel reported.
/// The kernel only reports the readiness asked for (plus hang-ups and errors, which it always
/// reports), so the flags follow the registration's interests (EQ-08).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    token: Token,
    flags: u32,
}

impl Event {
    pub(crate) fn from_raw(raw: EpollEvent) -> Event {
        // Copied out of the (packed) struct field by field, never borrowed.
        let (flags, data) = (raw.events, raw.data);
        Event { token: Token(data as usize), flags }
    }

    /// The registration's token.
    pub fn token(&self) -> Token {
        self.token
    }

    /// Data can be read, or the stream has ended (the kernel sets `EPOLLIN` at end of stream).
    pub fn is_readable(&self) -> bool {
        self.flags & EPOLLIN != 0
    }

    /// There is room to write.
    pub fn is_writable(&self) -> bool {
        self.flags & EPOLLOUT != 0
    }

    /// The peer will send nothing more.
    pub fn is_read_closed(&self) -> bool {
        self.flags & (EPOLLRDHUP | EPOLLHUP) != 0
    }

    /// Nothing more can be sent.
    pub fn is_write_closed(&self) -> bool {
        self.flags & EPOLLHUP != 0
    }

    /// An error is pending on the source.
    pub fn is_error(&self) -> bool {
        self.flags & EPOLLERR != 0
    }
}
