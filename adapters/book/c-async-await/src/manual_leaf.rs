//! A manual leaf as a future of the book's chapter 7 trait.

use std::task::Poll;

use program_machine::ManualLeaves;

use crate::future::{Future, PollState};

/// Pending until the runner's `co.leaf_ready` gives leaf `name` its value. Chapter 7 has no
/// wakers: the runner polls again when it likes.
pub struct ManualLeaf {
    pub name: String,
    pub leaves: ManualLeaves<()>,
}

impl Future for ManualLeaf {
    type Output = String;

    fn poll(&mut self) -> PollState<String> {
        match self.leaves.poll(&self.name, || ()) {
            Poll::Ready(value) => PollState::Ready(value),
            Poll::Pending => PollState::NotReady,
        }
    }
}
