//! Executor: runs the language's own futures on one thread, parking while none is ready.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::TaskWaker;
use crate::coroutines::Error;
use crate::wakers::executor::{Core, Polled};
use crate::wakers::{Observer, Stopper};

/// A task: an owned future with no output, pinned on the heap from before its first poll until it
/// is dropped (an `async fn`'s future may point into itself).
type Task = Pin<Box<dyn Future<Output = ()> + Send>>;

thread_local! {
    /// The executor running on this thread, as the book's `CURRENT_EXEC`: how `spawn` finds it.
    static CURRENT: RefCell<Option<Rc<Core<Task>>>> = const { RefCell::new(None) };
}

/// The book's chapter 10 executor: chapter 8's ready queue, parker and poll loop, with tasks that
/// are the standard library's futures, polled with a `Context` around their [`TaskWaker`].
///
/// `block_on` polls a task when it is spawned and after that only when its waker was called; with
/// nothing ready it parks, so a runtime whose tasks all wait uses no CPU. It returns once the root
/// and every task spawned on it have finished. Each thread makes its own; they may share one
/// reactor, since a waker knows its executor.
pub struct Executor {
    core: Rc<Core<Task>>,
}

impl Executor {
    /// An executor that reports to `observer`.
    pub fn new(observer: Arc<dyn Observer>) -> Executor {
        Executor { core: Rc::new(Core::new(observer)) }
    }

    /// A handle that stops this executor from any thread: `block_on` then returns `Stopped`.
    pub fn stopper(&self) -> Stopper {
        Stopper::new(Arc::clone(&self.core.shared))
    }

    /// Runs `root` as task 0, and every task spawned meanwhile, until all have finished.
    pub fn block_on(&self, root: impl Future<Output = ()> + Send + 'static) -> Result<(), Error> {
        let previous = CURRENT.with(|current| current.replace(Some(Rc::clone(&self.core))));
        self.core.spawn(Box::pin(root));
        let ran = self.core.run(|task, id| {
            let waker = TaskWaker::waker(&self.core.shared, id);
            match task.as_mut().poll(&mut Context::from_waker(&waker)) {
                Poll::Pending => Polled::Pending,
                Poll::Ready(()) => Polled::Finished,
            }
        });
        CURRENT.with(|current| current.replace(previous));
        ran
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
    CURRENT.with(|current| current.borrow().as_ref().and_then(|core| core.running()))
}
