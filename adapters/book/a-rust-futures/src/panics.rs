//! The book's runtime reports two misuses by panicking: `reactor()` before `init`
//! (`Called outside an runtime context`) and a second `init` (`Reactor already running`). The
//! protocol asks for error replies (spec/runtime.md RT-02, RT-15), so the adapter catches exactly
//! these two panics; any other goes on unwinding.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use ack_adapter::{Error, ErrorKind, Result};

/// The `expect` text of the book's `reactor()`.
pub(crate) const OUTSIDE_RUNTIME: &str = "Called outside an runtime context";
/// The `expect` text of the book's `reactor::start`.
pub(crate) const ALREADY_RUNNING: &str = "Reactor already running";

/// Runs `f`; the book's panic with text `message` becomes an error of `kind`.
pub(crate) fn expected<T>(message: &str, kind: ErrorKind, f: impl FnOnce() -> T) -> Result<T> {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => Ok(value),
        Err(payload) if text(&*payload) == Some(message) => Err(Error::new(kind, message)),
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// A panic's text: `expect` hands over a `&str` or a `String`, depending on how it was formatted.
fn text(payload: &(dyn Any + Send)) -> Option<&str> {
    payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str))
}
