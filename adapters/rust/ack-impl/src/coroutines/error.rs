//! What can go wrong with futures, their leaves and the runtime that polls them.

use std::fmt::{self, Display};
use std::io;

/// A failed poll, or a runtime that could not do what it was asked.
#[derive(Debug)]
pub enum Error {
    /// A future was polled again after it returned Ready (CO-05).
    PolledAfterReady,
    /// What this needs (an executor on this thread, a running reactor) is not there.
    NotInitialised(&'static str),
    /// A reactor was started while one runs (WK-13).
    AlreadyRunning,
    /// The executor was stopped before its tasks finished.
    Stopped,
    /// A leaf's socket failed.
    Io(io::Error),
}

impl Display for Error {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::PolledAfterReady => out.write_str("polled after it returned Ready"),
            Error::NotInitialised(what) => write!(out, "{what}"),
            Error::AlreadyRunning => out.write_str("a reactor is already running"),
            Error::Stopped => out.write_str("the executor was stopped"),
            Error::Io(error) => write!(out, "{error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Error {
        Error::Io(error)
    }
}
