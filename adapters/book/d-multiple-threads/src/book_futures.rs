//! The book's chapter 8 futures as a program's machine waits on them.

use std::task::Poll;

use ack_adapter::Trace;
use program_machine::{Chapter, Machine, ManualLeaves};

use crate::detached;
use crate::executor_lines;
use crate::future::{self, Future, PollState};
use crate::http::Http;
use crate::manual_leaf::ManualLeaf;
use crate::pending_once::PendingOnce;
use crate::runtime::{self, Waker};
use crate::task::{self, Task};
use crate::task_waker::{KeptWakers, TaskWaker};

/// What every machine of a run shares: the run's trace, the session's manual leaves and the
/// wakers `keep_waker` kept.
#[derive(Clone)]
pub struct BookFutures {
    pub trace: Trace,
    pub leaves: ManualLeaves<TaskWaker>,
    pub kept: KeptWakers,
}

impl Chapter for BookFutures {
    type Waker = Waker;
    type Awaited = Box<dyn Future<Output = String>>;

    fn trace(&self) -> &Trace {
        &self.trace
    }

    fn log(&self, text: &str) {
        self.trace.log(task::polled(), text);
    }

    fn manual_leaf(&self, name: &str) -> Self::Awaited {
        Box::new(ManualLeaf { name: name.to_owned(), leaves: self.leaves.clone(), trace: self.trace.clone() })
    }

    // The book's `Http::get` registers with the book's reactor.
    program_machine::boxed_waits!(http_get: Http::get, join_all: future::join_all);

    fn poll(awaited: &mut Self::Awaited, waker: &Waker) -> Poll<String> {
        match awaited.poll(waker) {
            PollState::Ready(value) => Poll::Ready(value),
            PollState::NotReady => Poll::Pending,
        }
    }

    /// The book's `spawn`, onto the executor of this thread.
    fn spawn(&self, child: Machine<Self>) {
        runtime::spawn(Task::new(child, &self.trace));
    }

    /// The poll belongs to no task: what it leaves to be woken wakes nothing.
    fn poll_detached(&self, child: &mut Machine<Self>) {
        // The value, if any, is lost like a dropped result.
        let _ = task::outside_any_task(|| child.poll(detached::waker_that_wakes_nothing()));
    }

    fn keep_waker(&self, name: &str, waker: &Waker) {
        self.kept.keep(name, TaskWaker::of_this_poll(waker, &self.trace));
    }

    fn yield_now(&self) -> Self::Awaited {
        Box::new(PendingOnce::new(|waker| waker.wake(), &self.trace))
    }

    /// The book's executor says it sleeps by printing; the adapter calls the waker once it read the line.
    fn yield_until_sleep(&self) -> Self::Awaited {
        Box::new(PendingOnce::new(executor_lines::wake_at_sleep, &self.trace))
    }
}

/// A program's machine is a future of the book's trait, so the book's `join_all`, the executor
/// (through [`Task`]) and the machines of parent programs poll it like any other.
impl Future for Machine<BookFutures> {
    type Output = String;

    fn poll(&mut self, waker: &Waker) -> PollState<String> {
        match self.resume(waker) {
            Poll::Ready(value) => PollState::Ready(value),
            Poll::Pending => PollState::NotReady,
        }
    }
}
