//! The executor of ch09/b (spawn boxes a task, then polls it where it is) and the shortcut of
//! ch09/c (poll the root once where it stands, then move it into the task list).

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Wake, Waker};

use super::{Heap, Place};

/// How a run went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<T> {
    /// The root's value.
    pub output: T,
    /// Whether the root was polled before it was placed in the task list.
    pub shortcut_applied: bool,
    /// How often the root went back into the task collection after a Pending poll.
    pub requeued: usize,
}

/// The ids of the tasks that were woken, in order.
#[derive(Default)]
struct ReadyQueue(Mutex<VecDeque<usize>>);

impl ReadyQueue {
    fn push(&self, id: usize) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push_back(id);
    }

    fn pop(&self) -> Option<usize> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).pop_front()
    }
}

/// A task's waker: wakes it by queueing its id.
struct TaskWaker {
    ready: Arc<ReadyQueue>,
    id: usize,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.ready.push(self.id);
    }
}

/// ch09/b's executor: `spawn` pins each task in a block of its own before its first poll
/// (PN-03), and `block_on` takes a woken task out of its task map, polls it where it is and puts
/// it back: only the pointer moves between collections, never the task (PN-12).
#[derive(Debug)]
pub struct Executor {
    heap: Heap,
}

impl Executor {
    /// An executor whose tasks live in blocks of `heap`.
    pub fn new(heap: &Heap) -> Executor {
        Executor { heap: heap.clone() }
    }

    /// Runs `future` to its end and drops it.
    pub fn block_on<F: Future>(&self, future: F) -> Run<F::Output> {
        run_tasks(Place::pin(&self.heap, future), false)
    }
}

/// Runs the root task, pinned at its final place, until it is Ready.
fn run_tasks<F: Future>(root: Pin<Place<F>>, shortcut_applied: bool) -> Run<F::Output> {
    const ROOT: usize = 0;
    let ready = Arc::new(ReadyQueue::default());
    ready.push(ROOT);
    let mut tasks = HashMap::from([(ROOT, root)]);
    let mut requeued = 0;
    loop {
        let id = ready.pop().expect("a pending task that nothing will wake");
        let Some(mut task) = tasks.remove(&id) else { continue };
        let waker = Waker::from(Arc::new(TaskWaker { ready: Arc::clone(&ready), id }));
        match task.as_mut().poll(&mut Context::from_waker(&waker)) {
            Poll::Ready(output) => return Run { output, shortcut_applied, requeued },
            Poll::Pending => {
                tasks.insert(id, task);
                requeued += 1;
            }
        }
    }
}

/// ch09/c's shortcut: poll the root once where it stands, and move it into the task list only if
/// it is Pending. `block_on` takes only `Unpin` futures: for an `!Unpin` one (ch09/e) the first
/// poll, `Pin::new(&mut future)`, does not compile, and its caller must use [`Executor`].
#[derive(Debug)]
pub struct ShortcutExecutor {
    heap: Heap,
}

impl ShortcutExecutor {
    /// An executor whose tasks live in blocks of `heap`.
    pub fn new(heap: &Heap) -> ShortcutExecutor {
        ShortcutExecutor { heap: heap.clone() }
    }

    /// Runs `future` to its end and drops it. Its first place stands for `block_on`'s stack frame
    /// in the book: it stays allocated, stale, until the run ends, as the frame would.
    pub fn block_on<F: Future + Unpin>(&self, future: F) -> Run<F::Output> {
        let mut here = Place::new(&self.heap, future);
        if let Poll::Ready(output) = Pin::new(&mut *here).poll(&mut Context::from_waker(Waker::noop())) {
            return Run { output, shortcut_applied: true, requeued: 0 };
        }
        // spawn(future): the move into the task list, a copy of the future's bytes.
        let frame = Place::relocate(&mut here);
        let run = run_tasks(Pin::new(here), true);
        drop(frame);
        run
    }
}
