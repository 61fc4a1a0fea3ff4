//! JoinAll: waits on several futures at once (the book's `join_all`).

use super::{Error, Future, PollState};
use crate::wakers::Waker;

/// Ready with every future's value, in the order given, once the last of them is Ready (CO-10).
/// Each poll polls every unfinished future once, with the same waker, and never a finished one
/// (CO-09), so their waits overlap. With no futures it is Ready at its first poll. The first
/// failure fails the whole.
pub struct JoinAll<F, T> {
    futures: Vec<F>,
    /// A future's value once it is Ready: the book's `(bool, F)` pairs, with the value kept.
    values: Vec<Option<T>>,
    done: bool,
}

/// Waits on all of `futures`.
pub fn join_all<F, T>(futures: impl IntoIterator<Item = F>) -> JoinAll<F, T>
where
    F: Future<Output = Result<T, Error>>,
{
    let futures: Vec<F> = futures.into_iter().collect();
    let values = futures.iter().map(|_| None).collect();
    JoinAll { futures, values, done: false }
}

impl<F, T> Future for JoinAll<F, T>
where
    F: Future<Output = Result<T, Error>>,
{
    type Output = Result<Vec<T>, Error>;

    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        if self.done {
            return PollState::Ready(Err(Error::PolledAfterReady));
        }
        for (future, value) in self.futures.iter_mut().zip(&mut self.values) {
            if value.is_some() {
                continue;
            }
            match future.poll(waker) {
                PollState::NotReady => {}
                PollState::Ready(Ok(ready)) => *value = Some(ready),
                PollState::Ready(Err(error)) => {
                    self.done = true;
                    return PollState::Ready(Err(error));
                }
            }
        }
        if self.values.iter().any(Option::is_none) {
            return PollState::NotReady;
        }
        self.done = true;
        PollState::Ready(Ok(self.values.iter_mut().filter_map(Option::take).collect()))
    }
}
