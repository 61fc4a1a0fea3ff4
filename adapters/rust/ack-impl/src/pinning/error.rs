//! What the pinning area refuses, and why.

use std::fmt::{self, Display};

/// A refused operation on a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// A move, swap or replace of a pinned value that is not `Unpin` (PN-05, PN-11). In Rust code
    /// that knows the types this does not compile; here it is a value of the enum the adapter
    /// matches on.
    MoveRefused(&'static str),
    /// A write or read through `b` while `b` is null: the value was not initialised.
    NullPointer,
    /// `b` points into memory that was freed (the value it pointed into was dropped); following
    /// it would be undefined behaviour, so it is refused.
    Dangling(usize),
    /// `scope_end` of a value that is not pinned in a scope.
    NotScoped,
}

impl Display for Error {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::MoveRefused(what) => write!(out, "{what} of a pinned value that is !Unpin"),
            Error::NullPointer => out.write_str("b is null: the value was not initialised"),
            Error::Dangling(address) => write!(out, "b points at {address:#x}, which was freed"),
            Error::NotScoped => out.write_str("the value is not pinned in a scope"),
        }
    }
}

impl std::error::Error for Error {}
