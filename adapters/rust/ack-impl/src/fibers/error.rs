//! What can go wrong with fibers.

use std::fmt::{self, Display};
use std::io;

/// A failed fiber operation.
#[derive(Debug)]
pub enum Error {
    /// A spawn found every slot taken (FB-02).
    NoFreeSlot,
    /// The running context's stack is spent (FB-18).
    StackOverflow,
    /// No runtime was initialised on this thread (FB-17).
    NotInitialised,
    /// A runtime was asked for with no slots or no stack.
    InvalidArgument(&'static str),
    /// The stacks could not be allocated.
    Io(io::Error),
}

impl Display for Error {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoFreeSlot => out.write_str("no available slot: every slot of the runtime is taken"),
            Error::StackOverflow => out.write_str("the fiber's stack is exhausted"),
            Error::NotInitialised => out.write_str("no runtime is initialised on this thread"),
            Error::InvalidArgument(message) => out.write_str(message),
            Error::Io(error) => write!(out, "allocating stacks: {error}"),
        }
    }
}

impl std::error::Error for Error {}
