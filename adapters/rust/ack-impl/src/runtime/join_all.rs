//! JoinAll: the book's `join_all` as a standard future.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Ready with every future's value, in the order given, once the last is Ready. Each poll polls
/// every unfinished future once with the same context, so their waits overlap; the first error
/// fails the whole. Each future is pinned in a box of its own, so `JoinAll` may move.
pub struct JoinAll<F: Future> {
    futures: Vec<Pin<Box<F>>>,
    /// Values are never pinned: they are only moved out at the end.
    values: Vec<Option<F::Output>>,
}

/// Nothing of it is pinned in place: the futures have boxes of their own, the values are plain.
impl<F: Future> Unpin for JoinAll<F> {}

/// Waits on all of `futures`.
pub fn join_all<F: Future>(futures: impl IntoIterator<Item = F>) -> JoinAll<F> {
    let futures: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let values = futures.iter().map(|_| None).collect();
    JoinAll { futures, values }
}

impl<T, E, F: Future<Output = Result<T, E>>> Future for JoinAll<F> {
    type Output = Result<Vec<T>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        for (future, value) in this.futures.iter_mut().zip(&mut this.values) {
            if value.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Pending => {}
                    Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                    Poll::Ready(ready) => *value = Some(ready),
                }
            }
        }
        if this.values.iter().any(Option::is_none) {
            return Poll::Pending;
        }
        let values = this.values.drain(..).flatten().collect::<Result<Vec<T>, E>>();
        Poll::Ready(values)
    }
}
