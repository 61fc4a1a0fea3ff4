//! OtherRuntime: a second, separate runtime whose leaves work only inside its context (the book's
//! reqwest on tokio).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::{Http, Reactor};
use crate::coroutines::Error;

thread_local! {
    /// The other runtime whose context the future being polled on this thread entered, if any.
    static CONTEXT: RefCell<Option<Arc<Reactor>>> = const { RefCell::new(None) };
}

/// Another runtime with its own reactor on its own thread. Its leaves ([`OtherRuntime::get`]) look
/// the reactor up in a per-thread context, as tokio's do: polled where nobody entered it, they fail
/// with `NotInitialised`; inside a future wrapped by [`OtherRuntime::enter`] they register with
/// this reactor, which wakes our task through the standard waker like any other.
pub struct OtherRuntime {
    reactor: Arc<Reactor>,
}

impl OtherRuntime {
    /// Starts the other runtime's reactor.
    pub fn new() -> Result<OtherRuntime, Error> {
        Ok(OtherRuntime { reactor: Arc::new(Reactor::new("other-runtime-reactor")?) })
    }

    /// A `GET path` bound to the other runtime: it needs the runtime's context at its first poll.
    pub fn get(port: u16, path: &str) -> Http {
        Http::get(port, path, in_context)
    }

    /// `future`, polled inside this runtime's context: every poll sets the context of the thread
    /// that polls it and puts back what was there after.
    pub fn enter<F: Future>(&self, future: F) -> InContext<F> {
        InContext { reactor: Arc::clone(&self.reactor), future: Box::pin(future) }
    }
}

impl Drop for OtherRuntime {
    fn drop(&mut self) {
        self.reactor.shut_down();
    }
}

fn in_context() -> Result<Arc<Reactor>, Error> {
    CONTEXT
        .with(|context| context.borrow().clone())
        .ok_or(Error::NotInitialised("this leaf belongs to the other runtime and needs its context: enter it first"))
}

/// A future polled inside an [`OtherRuntime`]'s context.
pub struct InContext<F> {
    reactor: Arc<Reactor>,
    future: Pin<Box<F>>,
}

/// Puts the thread's previous context back, also when the poll panics.
struct Restore(Option<Arc<Reactor>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        CONTEXT.with(|context| *context.borrow_mut() = previous);
    }
}

impl<F: Future> Future for InContext<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // `future` is pinned in its own box: `InContext` itself may move.
        let this = self.get_mut();
        let _restore = Restore(CONTEXT.with(|context| context.replace(Some(Arc::clone(&this.reactor)))));
        this.future.as_mut().poll(cx)
    }
}
