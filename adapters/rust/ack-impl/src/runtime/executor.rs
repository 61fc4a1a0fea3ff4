//! Executor: runs the language's own futures on one thread, parking while none is ready.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::TaskWaker;
use crate::coroutines::Error;
use crate::wakers::executor::Shared;
use crate::wakers::{Observer, Stopper};

/// A task: an owned future with no output, pinned on the heap from before its first poll until it
/// is dropped (an `async fn`'s future may point into itself).
type Task = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The executor's own state, on its thread; `spawn` finds it through [`CURRENT`].
struct Core {
    shared: Arc<Shared>,
    /// Unfinished tasks by id; a task being polled is taken out meanwhile.
    tasks: RefCell<HashMap<usize, Task>>,
    next_id: Cell<usize>,
    running: Cell<Option<usize>>,
}

impl Core {
    fn spawn(&self, task: Task) {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.tasks.borrow_mut().insert(id, task);
        self.shared.spawned(id);
    }
}

thread_local! {
    /// The executor running on this thread, as the book's `CURRENT_EXEC`.
    static CURRENT: RefCell<Option<Rc<Core>>> = const { RefCell::new(None) };
}

/// The book's chapter 10 executor: chapter 8's ready queue and parker (shared with its wakers),
/// with tasks that are the standard library's futures.
///
/// `block_on` polls a task when it is spawned and after that only when its waker was called; with
/// nothing ready it parks, so a runtime whose tasks all wait uses no CPU. It returns once the root
/// and every task spawned on it have finished. Each thread makes its own; they may share one
/// reactor, since a waker knows its executor.
pub struct Executor {
    core: Rc<Core>,
}

impl Executor {
    /// An executor that reports to `observer`.
    pub fn new(observer: Arc<dyn Observer>) -> Executor {
        let core = Core {
            shared: Arc::new(Shared::new(observer)),
            tasks: RefCell::default(),
            next_id: Cell::new(0),
            running: Cell::new(None),
        };
        Executor { core: Rc::new(core) }
    }

    /// A handle that stops this executor from any thread: `block_on` then returns `Stopped`.
    pub fn stopper(&self) -> Stopper {
        Stopper::new(Arc::clone(&self.core.shared))
    }

    /// Runs `root` as task 0, and every task spawned meanwhile, until all have finished.
    pub fn block_on(&self, root: impl Future<Output = ()> + Send + 'static) -> Result<(), Error> {
        let previous = CURRENT.with(|current| current.replace(Some(Rc::clone(&self.core))));
        let ran = self.run(Box::pin(root));
        CURRENT.with(|current| current.replace(previous));
        ran
    }

    fn run(&self, root: Task) -> Result<(), Error> {
        let (core, shared) = (&*self.core, &self.core.shared);
        core.spawn(root);
        loop {
            while let Some(id) = shared.next_ready() {
                if shared.is_stopped() {
                    return Err(Error::Stopped);
                }
                // A wake for a task that finished finds nothing: ignored.
                let Some(mut task) = core.tasks.borrow_mut().remove(&id) else { continue };
                shared.observer().polled(id);
                let waker = TaskWaker::waker(shared, id);
                core.running.set(Some(id));
                let polled = task.as_mut().poll(&mut Context::from_waker(&waker));
                core.running.set(None);
                match polled {
                    Poll::Pending => {
                        core.tasks.borrow_mut().insert(id, task);
                    }
                    Poll::Ready(()) => shared.observer().finished(id),
                }
            }
            let pending = core.tasks.borrow().len();
            if pending == 0 {
                break;
            }
            if shared.is_stopped() {
                return Err(Error::Stopped);
            }
            shared.sleep(pending);
        }
        shared.observer().all_finished();
        Ok(())
    }
}

/// Spawns `future` as a new task of the executor on this thread, fire and forget: it runs to its
/// end though nothing awaits it. `NotInitialised` outside an executor.
pub fn spawn(future: impl Future<Output = ()> + Send + 'static) -> Result<(), Error> {
    let core = CURRENT.with(|current| current.borrow().clone());
    let core = core.ok_or(Error::NotInitialised("spawn needs an executor running on this thread"))?;
    core.spawn(Box::pin(future));
    Ok(())
}

/// The task the executor on this thread is polling, if any.
pub fn current_task() -> Option<usize> {
    CURRENT.with(|current| current.borrow().as_ref().and_then(|core| core.running.get()))
}
