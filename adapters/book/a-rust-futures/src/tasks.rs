//! A run's tasks, as the book's executor gets them: a program's future with its value dropped,
//! traced. The book's executor numbers its tasks in spawn order on its thread, the root first, and
//! keeps the numbers to itself; the adapter numbers them the same way for the trace.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use ack_adapter::Trace;

use crate::prints;
use crate::runtime;

thread_local! {
    /// The task the executor on this thread is polling.
    static POLLING: Cell<usize> = const { Cell::new(0) };
}

/// The task the executor on this thread is polling: the one a `log` entry names.
pub(crate) fn polling() -> usize {
    POLLING.with(Cell::get)
}

/// The tasks of one run, on its executor's thread.
#[derive(Clone)]
pub(crate) struct Tasks {
    trace: Trace,
    spawned: Rc<Cell<usize>>,
}

impl Tasks {
    pub(crate) fn new(trace: Trace) -> Tasks {
        Tasks { trace, spawned: Rc::default() }
    }

    /// The root, task 0, which the book's `block_on` spawns first.
    pub(crate) fn root(&self, future: impl Future<Output = ()> + 'static) -> Traced {
        self.next(future)
    }

    /// `spawn` of the book's executor on this thread.
    pub(crate) fn spawn(&self, future: impl Future<Output = ()> + 'static) {
        runtime::spawn(self.next(future));
    }

    fn next(&self, future: impl Future<Output = ()> + 'static) -> Traced {
        let task = self.spawned.replace(self.spawned.get() + 1);
        self.trace.spawned(task);
        Traced { task, trace: self.trace.clone(), future: Box::pin(future) }
    }
}

/// A task that reports its polls: `task-polled` before each, `task-finished` once it is Ready. It
/// polls its future with the book's context, so the future gets the book's waker.
pub(crate) struct Traced {
    task: usize,
    trace: Trace,
    future: Pin<Box<dyn Future<Output = ()>>>,
}

impl Future for Traced {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // What the executor printed since its last poll (its sleep) comes before this poll.
        prints::take();
        self.trace.task_polled(self.task);
        POLLING.with(|polling| polling.set(self.task));
        let state = self.future.as_mut().poll(cx);
        if state.is_ready() {
            self.trace.task_finished(self.task);
        }
        state
    }
}
