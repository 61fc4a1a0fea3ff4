//! Future: a value that is not there yet, and what one poll of it says.

use crate::wakers::Waker;

/// The book's `PollState`: `Ready` with the output, or `NotReady`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollState<T> {
    /// Done; a future is not polled again after this.
    Ready(T),
    /// Not yet: the future arranged for `waker` to be called when it can make progress.
    NotReady,
}

/// The book's `Future` (chapter 8's, with a waker): `poll` runs the future as far as it can
/// without blocking. Creating a future does no work; the first poll starts it.
pub trait Future {
    /// What the future is Ready with.
    type Output;

    /// Runs the future as far as it can. When it returns `NotReady`, the future has kept `waker`
    /// (a clone of it) to call when it can make progress; a later poll's waker replaces it.
    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output>;
}

impl<F: Future + ?Sized> Future for Box<F> {
    type Output = F::Output;

    fn poll(&mut self, waker: &Waker) -> PollState<F::Output> {
        (**self).poll(waker)
    }
}
