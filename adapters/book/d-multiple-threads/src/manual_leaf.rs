//! A manual leaf as a future of the book's chapter 8 trait.

use std::task::Poll;

use ack_adapter::Trace;
use program_machine::ManualLeaves;

use crate::future::{Future, PollState};
use crate::runtime::Waker;
use crate::task_waker::TaskWaker;

/// Pending until the runner's `wk.leaf_ready` gives leaf `name` its value; it keeps the waker of
/// its most recent poll, which `wk.leaf_ready` calls, as the book's reactor keeps a request's.
pub struct ManualLeaf {
    pub name: String,
    pub leaves: ManualLeaves<TaskWaker>,
    pub trace: Trace,
}

impl Future for ManualLeaf {
    type Output = String;

    fn poll(&mut self, waker: &Waker) -> PollState<String> {
        match self.leaves.poll(&self.name, || TaskWaker::of_this_poll(waker, &self.trace)) {
            Poll::Ready(value) => PollState::Ready(value),
            Poll::Pending => PollState::NotReady,
        }
    }
}
