//! Programs as tasks of the book's executor, numbered as it numbers them, with the entries it
//! does not report (`spawned`, `task-polled`, `task-finished`).

use std::cell::Cell;

use ack_adapter::Trace;
use program_machine::Machine;

use crate::book_futures::BookFutures;
use crate::executor_lines;
use crate::future::{Future, PollState};
use crate::runtime::Waker;

thread_local! {
    /// The number the book's executor gives the next task spawned on this thread: its `next_id`
    /// counts from 0 in spawn order, the root first. ack-adapter starts a thread for every run.
    static NEXT: Cell<usize> = const { Cell::new(0) };
    /// The task being polled on this thread.
    static POLLED: Cell<Option<usize>> = const { Cell::new(None) };
}

/// A program's machine as a task of the book's executor.
pub struct Task {
    number: usize,
    machine: Machine<BookFutures>,
    trace: Trace,
}

impl Task {
    /// The task of `machine`, which the caller hands to the book's `spawn` or `block_on` at once:
    /// it takes the number the executor will give it.
    pub fn new(machine: Machine<BookFutures>, trace: &Trace) -> Task {
        let number = NEXT.get();
        NEXT.set(number + 1);
        trace.spawned(number);
        Task { number, machine, trace: trace.clone() }
    }
}

/// The task being polled on this thread, if any.
pub fn polled() -> Option<usize> {
    POLLED.get()
}

/// Runs `poll` as a poll of no task (`poll_detached`).
pub fn outside_any_task<T>(poll: impl FnOnce() -> T) -> T {
    let task = POLLED.replace(None);
    let polled = poll();
    POLLED.set(task);
    polled
}

impl Future for Task {
    type Output = String;

    fn poll(&mut self, waker: &Waker) -> PollState<String> {
        // What the executor printed before this poll (that it went to sleep) comes first.
        executor_lines::catch_up();
        self.trace.task_polled(self.number);
        let outer = POLLED.replace(Some(self.number));
        let polled = self.machine.poll(waker);
        POLLED.set(outer);
        if let PollState::Ready(_) = polled {
            // The book's executor drops a task that is Ready.
            self.trace.task_finished(self.number);
        }
        polled
    }
}
