//! The leaf the buffer program waits on: Pending once, then Ready with its response.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Pending at its first poll (and wakes its task at once, so the executor polls again), Ready
/// with its response at the next. Holds no address into itself: `Unpin`.
#[derive(Debug)]
pub struct Wait {
    response: String,
    polled: bool,
}

impl Wait {
    /// A wait that delivers `response`.
    pub fn new(response: String) -> Wait {
        Wait { response, polled: false }
    }
}

impl Future for Wait {
    type Output = String;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        if self.polled {
            return Poll::Ready(std::mem::take(&mut self.response));
        }
        self.polled = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
