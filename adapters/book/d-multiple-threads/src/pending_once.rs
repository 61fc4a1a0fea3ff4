//! What `yield_now` and `yield_until_sleep` wait on: a future of the book's trait that is Pending
//! once, having handed its task's waker to whoever is to call it, and Ready with `""` at its next
//! poll.

use ack_adapter::Trace;

use crate::future::{Future, PollState};
use crate::runtime::Waker;
use crate::task_waker::TaskWaker;

pub struct PendingOnce {
    /// What the first poll does with the waker; taken then.
    arrange: Option<fn(TaskWaker)>,
    trace: Trace,
}

impl PendingOnce {
    pub fn new(arrange: fn(TaskWaker), trace: &Trace) -> PendingOnce {
        PendingOnce { arrange: Some(arrange), trace: trace.clone() }
    }
}

impl Future for PendingOnce {
    type Output = String;

    fn poll(&mut self, waker: &Waker) -> PollState<String> {
        match self.arrange.take() {
            Some(arrange) => {
                arrange(TaskWaker::of_this_poll(waker, &self.trace));
                PollState::NotReady
            }
            None => PollState::Ready(String::new()),
        }
    }
}
