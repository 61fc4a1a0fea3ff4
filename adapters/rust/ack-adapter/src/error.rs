//! The protocol's error kinds (spec/protocol.md §2.1) and the error every operation returns.

use std::any::Any;
use std::fmt::{self, Display};
use std::io;
use std::panic::{self, AssertUnwindSafe};

/// A `Result` whose error is the protocol's [`Error`]: what every operation of an area returns.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The closed vocabulary of error kinds the runner checks rules on (spec/protocol.md §2.1).
///
/// The runner compares kinds, never messages, so picking the right kind is what an error reply is
/// about. New kinds may come with later versions of protocol 1 (§9), hence `#[non_exhaustive]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The operation would block: nothing to read now, no space to write now.
    WouldBlock,
    /// A wait the request asked for ran out.
    TimedOut,
    /// The source is already registered with this poll instance.
    AlreadyRegistered,
    /// The source is not registered with this poll instance.
    NotRegistered,
    /// The implementation rejected a well-formed value: a closed OS handle, empty interests, a
    /// capacity of 0.
    InvalidArgument,
    /// The request needs something the adapter did not claim, or an operation not implemented yet.
    Unsupported,
    /// A handle in the request was never issued, was released, or names another kind of object.
    UnknownHandle,
    /// The request is malformed: not JSON, no `id` or `op`, an unknown op, a missing or mistyped
    /// arg. The crate answers these itself.
    BadRequest,
    /// Any other OS error; the message should carry its name (`ECONNREFUSED`).
    Io,
    /// Fibers: a spawn found every slot of the runtime taken.
    NoFreeSlot,
    /// Fibers: a fiber used up its stack and was stopped before it touched memory it does not own.
    StackOverflow,
    /// An operation that needs a runtime, an executor or a reactor ran where none was initialised.
    NotInitialised,
    /// Coroutines: a coroutine was polled again after it returned Ready.
    PolledAfterReady,
    /// Wakers: a second reactor was started while one runs.
    AlreadyRunning,
    /// Pinning: a move, swap or replace of a pinned value that is not movable was refused.
    MoveRefused,
    /// The adapter or the implementation failed unexpectedly (a panic is reported as this).
    Internal,
}

impl ErrorKind {
    /// The kind as the protocol spells it, e.g. `"WouldBlock"`.
    pub const fn wire_name(self) -> &'static str {
        match self {
            ErrorKind::WouldBlock => "WouldBlock",
            ErrorKind::TimedOut => "TimedOut",
            ErrorKind::AlreadyRegistered => "AlreadyRegistered",
            ErrorKind::NotRegistered => "NotRegistered",
            ErrorKind::InvalidArgument => "InvalidArgument",
            ErrorKind::Unsupported => "Unsupported",
            ErrorKind::UnknownHandle => "UnknownHandle",
            ErrorKind::BadRequest => "BadRequest",
            ErrorKind::Io => "Io",
            ErrorKind::NoFreeSlot => "NoFreeSlot",
            ErrorKind::StackOverflow => "StackOverflow",
            ErrorKind::NotInitialised => "NotInitialised",
            ErrorKind::PolledAfterReady => "PolledAfterReady",
            ErrorKind::AlreadyRunning => "AlreadyRunning",
            ErrorKind::MoveRefused => "MoveRefused",
            ErrorKind::Internal => "Internal",
        }
    }
}

impl Display for ErrorKind {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.wire_name())
    }
}

/// A failed operation: its [`ErrorKind`] and a message for the humans reading the reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// An error of `kind`; the message says what happened, for the report.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    /// What the runner checks.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What the report shows.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The default of every operation an area does not implement: the runner reports the
    /// scenario as failed with this kind, and the message names the operation.
    pub fn unsupported(op: &str) -> Error {
        Error::new(ErrorKind::Unsupported, format!("{op} is not implemented by this adapter"))
    }

    /// Runs `f`, whose code refuses a misuse by panicking with `text` (the book's does:
    /// `Reactor already running`, `no available thread.`): that panic becomes an error of `kind`
    /// with the text as its message, the reply the rule asks for. Any other panic goes on
    /// unwinding, to be reported as `Internal`.
    pub fn from_panic<T>(text: &str, kind: ErrorKind, f: impl FnOnce() -> T) -> Result<T> {
        match panic::catch_unwind(AssertUnwindSafe(f)) {
            Ok(value) => Ok(value),
            Err(payload) if panic_text(&*payload) == Some(text) => Err(Error::new(kind, text)),
            Err(payload) => panic::resume_unwind(payload),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::BadRequest, message)
    }

    pub(crate) fn internal(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Internal, message)
    }
}

/// A panic's text: `panic!` and `expect` hand over a `&str` or a `String`, depending on formatting.
pub(crate) fn panic_text(payload: &(dyn Any + Send)) -> Option<&str> {
    payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str))
}

impl Display for Error {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Error {}

/// The `errno` values the event queue's system calls report, by the kind the rules expect
/// (spec/event-queue.md EQ-14, EQ-15, EQ-16, EQ-22): `EEXIST` from `epoll_ctl(ADD)` is
/// `AlreadyRegistered`, `ENOENT` from `epoll_ctl(MOD/DEL)` is `NotRegistered`, `EBADF` and `EINVAL`
/// are `InvalidArgument`, `EAGAIN` is `WouldBlock`, `ETIMEDOUT` is `TimedOut`. Everything else is
/// `Io`, with the error's name in the message. So `?` on an `io::Result` from a mio-shaped event
/// queue gives the reply the runner expects.
impl From<io::Error> for Error {
    fn from(error: io::Error) -> Error {
        const ENOENT: i32 = 2;
        const EBADF: i32 = 9;
        const EEXIST: i32 = 17;
        const EINVAL: i32 = 22;
        let kind = match (error.raw_os_error(), error.kind()) {
            (Some(EEXIST), _) => ErrorKind::AlreadyRegistered,
            (Some(ENOENT), _) => ErrorKind::NotRegistered,
            (Some(EBADF | EINVAL), _) | (_, io::ErrorKind::InvalidInput) => ErrorKind::InvalidArgument,
            (_, io::ErrorKind::WouldBlock) => ErrorKind::WouldBlock,
            (_, io::ErrorKind::TimedOut) => ErrorKind::TimedOut,
            (_, io::ErrorKind::Unsupported) => ErrorKind::Unsupported,
            _ => ErrorKind::Io,
        };
        let message = match error.raw_os_error().and_then(errno_name) {
            Some(name) => format!("{name}: {error}"),
            None => error.to_string(),
        };
        Error::new(kind, message)
    }
}

/// The symbolic name of the errors an event queue meets, for `Io` messages (§2.1).
fn errno_name(errno: i32) -> Option<&'static str> {
    Some(match errno {
        1 => "EPERM",
        2 => "ENOENT",
        4 => "EINTR",
        9 => "EBADF",
        11 => "EAGAIN",
        12 => "ENOMEM",
        17 => "EEXIST",
        22 => "EINVAL",
        23 => "ENFILE",
        24 => "EMFILE",
        32 => "EPIPE",
        98 => "EADDRINUSE",
        99 => "EADDRNOTAVAIL",
        101 => "ENETUNREACH",
        104 => "ECONNRESET",
        110 => "ETIMEDOUT",
        111 => "ECONNREFUSED",
        113 => "EHOSTUNREACH",
        115 => "EINPROGRESS",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_the_protocols_spelling() {
        assert_eq!(ErrorKind::WouldBlock.wire_name(), "WouldBlock");
        assert_eq!(ErrorKind::NotInitialised.to_string(), "NotInitialised");
        assert_eq!(ErrorKind::PolledAfterReady.wire_name(), "PolledAfterReady");
    }

    #[test]
    fn os_errors_map_to_the_kinds_of_the_rules() {
        let kind = |errno| Error::from(io::Error::from_raw_os_error(errno)).kind();
        assert_eq!(kind(17), ErrorKind::AlreadyRegistered);
        assert_eq!(kind(2), ErrorKind::NotRegistered);
        assert_eq!(kind(9), ErrorKind::InvalidArgument);
        assert_eq!(kind(22), ErrorKind::InvalidArgument);
        assert_eq!(kind(11), ErrorKind::WouldBlock);
        assert_eq!(kind(110), ErrorKind::TimedOut);
        assert_eq!(kind(111), ErrorKind::Io);
        assert_eq!(Error::from(io::Error::from(io::ErrorKind::WouldBlock)).kind(), ErrorKind::WouldBlock);
    }

    #[test]
    fn a_refusing_panic_becomes_its_error_and_others_unwind() {
        let refused = Error::from_panic("Reactor already running", ErrorKind::AlreadyRunning, || -> () {
            panic!("Reactor already running")
        });
        assert_eq!(refused.unwrap_err().kind(), ErrorKind::AlreadyRunning);
        let formatted = Error::from_panic("no available thread.", ErrorKind::NoFreeSlot, || -> () {
            panic!("{}", "no available thread.")
        });
        assert_eq!(formatted.unwrap_err().kind(), ErrorKind::NoFreeSlot);
        assert_eq!(Error::from_panic("x", ErrorKind::Internal, || 7).unwrap(), 7);
        let other = panic::catch_unwind(|| Error::from_panic("x", ErrorKind::Internal, || -> () { panic!("y") }));
        assert!(other.is_err(), "a panic of another text goes on unwinding");
    }

    #[test]
    fn io_messages_carry_the_errors_name() {
        let error = Error::from(io::Error::from_raw_os_error(111));
        assert!(error.message().starts_with("ECONNREFUSED: "), "{error}");
    }
}
