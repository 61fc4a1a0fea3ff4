//! The book's chapter 7 futures as a program's machine waits on them.

use std::panic;
use std::task::Poll;

use ack_adapter::{Error, ErrorKind, Trace};
use program_machine::{Chapter, Machine, ManualLeaves};

use crate::future::{self, Future, PollState};
use crate::http::Http;
use crate::manual_leaf::ManualLeaf;

/// What every machine of the session shares: the trace and the manual leaves.
#[derive(Clone)]
pub struct BookFutures {
    pub trace: Trace,
    pub leaves: ManualLeaves<()>,
}

impl Chapter for BookFutures {
    type Waker = ();
    type Awaited = Box<dyn Future<Output = String>>;

    fn trace(&self) -> &Trace {
        &self.trace
    }

    fn log(&self, text: &str) {
        self.trace.log(None, text);
    }

    fn manual_leaf(&self, name: &str) -> Self::Awaited {
        Box::new(ManualLeaf { name: name.to_owned(), leaves: self.leaves.clone() })
    }

    program_machine::boxed_waits!(http_get: Http::get, join_all: future::join_all);

    fn poll(awaited: &mut Self::Awaited, (): &()) -> Poll<String> {
        match awaited.poll() {
            PollState::Ready(value) => Poll::Ready(value),
            PollState::NotReady => Poll::Pending,
        }
    }

    /// Chapter 7 has no executor. The book's futures have no way to fail but a panic, so this is
    /// one, which `co.poll` reports as the error it carries.
    fn spawn(&self, _: Machine<Self>) {
        panic::panic_any(Error::new(ErrorKind::NotInitialised, "chapter 7 has no executor to spawn on"));
    }

    fn poll_detached(&self, child: &mut Machine<Self>) {
        // The value, if any, is lost like a dropped result.
        let _ = child.poll();
    }

    /// Chapter 7 has no tasks, so no task's waker to keep: a panic, as for `spawn`.
    fn keep_waker(&self, _: &str, (): &()) {
        panic::panic_any(Error::new(ErrorKind::NotInitialised, "chapter 7 has no tasks whose waker to keep"));
    }

    /// Chapter 7 has no executor to yield to: a panic, as for `spawn`.
    fn yield_now(&self) -> Self::Awaited {
        panic::panic_any(Error::new(ErrorKind::NotInitialised, "chapter 7 has no executor to yield to"));
    }

    fn yield_until_sleep(&self) -> Self::Awaited {
        panic::panic_any(Error::new(ErrorKind::NotInitialised, "chapter 7 has no executor that sleeps"));
    }
}

/// A program's machine is a future of the book's trait, so the book's `join_all` and the
/// machines of parent programs poll it like any other.
impl Future for Machine<BookFutures> {
    type Output = String;

    fn poll(&mut self) -> PollState<String> {
        match self.resume(&()) {
            Poll::Ready(value) => PollState::Ready(value),
            Poll::Pending => PollState::NotReady,
        }
    }
}
