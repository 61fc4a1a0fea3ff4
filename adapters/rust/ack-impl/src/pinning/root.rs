//! A root coroutine that keeps its child pinned in a box of its own (ch09/e's `Pin<Box<…>>`).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::{Addresses, Heap, Place};

/// Waits on one child, which it keeps pinned in its own block: moving the root moves only the
/// pointer to the child (PN-06). It holds no address into itself, so it is `Unpin` whatever the
/// child is, and an executor may move it.
#[derive(Debug)]
pub struct Root<F> {
    child: Pin<Place<F>>,
    polls: Addresses,
}

impl<F> Root<F> {
    /// A root whose child `child` is pinned at once in a block of `heap`; it records its own
    /// address at each poll into `polls`.
    pub fn new(heap: &Heap, child: F, polls: Addresses) -> Root<F> {
        Root { child: Place::pin(heap, child), polls }
    }
}

impl<F: Future> Future for Root<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        this.polls.record(this);
        this.child.as_mut().poll(cx)
    }
}
