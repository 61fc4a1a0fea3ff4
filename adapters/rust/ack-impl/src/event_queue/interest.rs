//! Interest: the readiness a registration asks to hear about.

use std::num::NonZeroU8;
use std::ops::BitOr;

/// Readable, writable, or both. There is no empty interest, as in mio: a registration that can
/// never fire is a mistake the type does not let a caller make (EQ-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interest(NonZeroU8);

const READABLE: u8 = 0b01;
const WRITABLE: u8 = 0b10;

impl Interest {
    /// Data to read, or the end of the stream (`EPOLLIN`).
    pub const READABLE: Interest = Interest(NonZeroU8::new(READABLE).unwrap());
    /// Room to write (`EPOLLOUT`).
    pub const WRITABLE: Interest = Interest(NonZeroU8::new(WRITABLE).unwrap());

    /// Both `self` and `other`.
    pub const fn add(self, other: Interest) -> Interest {
        // The union of two non-empty sets is not empty: the `None` arm is never taken.
        match NonZeroU8::new(self.0.get() | other.0.get()) {
            Some(bits) => Interest(bits),
            None => self,
        }
    }

    /// Whether this asks for readability.
    pub const fn is_readable(self) -> bool {
        self.0.get() & READABLE != 0
    }

    /// Whether this asks for writability.
    pub const fn is_writable(self) -> bool {
        self.0.get() & WRITABLE != 0
    }
}

impl BitOr for Interest {
    type Output = Interest;

    fn bitor(self, other: Interest) -> Interest {
        self.add(other)
    }
}
