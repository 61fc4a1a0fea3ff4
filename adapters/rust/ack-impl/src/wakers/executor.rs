//! Executor: runs tasks on one thread, polling each only when it can make progress.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use super::{Parker, Waker};
use crate::coroutines::{Error, Future, PollState};

/// A task: a top-level future, Ready with its value or failed.
type Task = Box<dyn Future<Output = Result<String, Error>>>;

/// What an executor reports as it goes, where the book prints its status lines. `woken` comes
/// from the waking thread, the others from the executor's.
pub trait Observer: Send + Sync {
    /// `task` was spawned (the root is task 0).
    fn spawned(&self, task: usize);
    /// `task` is about to be polled.
    fn polled(&self, task: usize);
    /// `task` returned Ready and was dropped.
    fn finished(&self, task: usize);
    /// A waker of `task` was called.
    fn woken(&self, task: usize);
    /// Nothing is ready; the executor is about to sleep with `pending` unfinished tasks.
    fn sleeping(&self, pending: usize);
    /// `block_on` is about to return.
    fn all_finished(&self);
}

/// The ids of the tasks to poll, first woken first, each at most once: a queue for the order and a
/// flag per id for "queued already", both O(1). (Asking the queue itself, `VecDeque::contains`, is a
/// scan: 100,000 tasks woken at once took seconds.) Ids are dense, from 0, so the flags are a `Vec`.
#[derive(Default)]
struct ReadyQueue {
    order: VecDeque<usize>,
    queued: Vec<bool>,
}

impl ReadyQueue {
    /// Queues `task` unless it is queued already; true when the queue was empty before.
    fn push(&mut self, task: usize) -> bool {
        if task >= self.queued.len() {
            self.queued.resize(task + 1, false);
        }
        let was_empty = self.order.is_empty();
        if !std::mem::replace(&mut self.queued[task], true) {
            self.order.push_back(task);
        }
        was_empty
    }

    fn pop(&mut self) -> Option<usize> {
        let task = self.order.pop_front()?;
        self.queued[task] = false;
        Some(task)
    }
}

/// What wakers share with their executor: the ready queue and the parker (the book's
/// `ready_queue` and thread handle), and whether the executor was told to stop.
pub(crate) struct Shared {
    ready: Mutex<ReadyQueue>,
    parker: Parker,
    stopped: AtomicBool,
    observer: Arc<dyn Observer>,
}

impl Shared {
    /// First the id, then the unpark: the executor that wakes up must find it. A task woken again
    /// before it is polled is queued once, so several wakes cause one poll (WK-06).
    ///
    /// The book unparks on every wake; this unparks only when the queue was empty. The executor
    /// parks only after it found the queue empty, so while the queue holds an id it either has not
    /// parked yet, and pops that id first, or the wake that filled the queue has unparked it.
    /// (An unpark is a `futex` system call: 100,000 tasks woken at once made 100,000 of them.)
    pub(crate) fn wake(&self, task: usize) {
        self.observer.woken(task);
        if self.ready.lock().unwrap_or_else(PoisonError::into_inner).push(task) {
            self.parker.unpark();
        }
    }

    fn new(observer: Arc<dyn Observer>) -> Shared {
        Shared { ready: Mutex::default(), parker: Parker::default(), stopped: AtomicBool::new(false), observer }
    }

    fn next_ready(&self) -> Option<usize> {
        self.ready.lock().unwrap_or_else(PoisonError::into_inner).pop()
    }

    /// A new task: reported, and queued to be polled without a wake.
    fn spawned(&self, task: usize) {
        self.observer.spawned(task);
        self.ready.lock().unwrap_or_else(PoisonError::into_inner).push(task);
    }

    fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    /// Nothing is ready: reports it and parks until a wake (or a stop) unparks. A wake between the
    /// caller's empty queue and this park left the permit: park returns at once (WK-07).
    fn sleep(&self, pending: usize) {
        self.observer.sleeping(pending);
        self.parker.park();
    }
}

/// What one poll of a task came to.
pub(crate) enum Polled {
    Pending,
    Finished,
    /// The task failed: the run ends with this error.
    Failed(Error),
}

/// The executor's own state, on its thread: its tasks of type `T` (chapter 8's futures, chapter
/// 10's standard ones) and the loop that polls them.
pub(crate) struct Core<T> {
    pub(crate) shared: Arc<Shared>,
    /// Unfinished tasks by id; a task being polled is taken out meanwhile.
    tasks: RefCell<HashMap<usize, T>>,
    next_id: Cell<usize>,
    running: Cell<Option<usize>>,
}

impl<T> Core<T> {
    pub(crate) fn new(observer: Arc<dyn Observer>) -> Core<T> {
        Core {
            shared: Arc::new(Shared::new(observer)),
            tasks: RefCell::default(),
            next_id: Cell::new(0),
            running: Cell::new(None),
        }
    }

    pub(crate) fn spawn(&self, task: T) {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.tasks.borrow_mut().insert(id, task);
        self.shared.spawned(id);
    }

    /// The task being polled, if any.
    pub(crate) fn running(&self) -> Option<usize> {
        self.running.get()
    }

    /// Polls each task whose id is on the ready queue with `poll`, parking while none is, until no
    /// task is left; `Stopped` once a [`Stopper`] stopped it, or the first task's failure.
    pub(crate) fn run(&self, mut poll: impl FnMut(&mut T, usize) -> Polled) -> Result<(), Error> {
        let shared = &*self.shared;
        loop {
            while let Some(id) = shared.next_ready() {
                if shared.is_stopped() {
                    return Err(Error::Stopped);
                }
                // The book's guard against false wake-ups: a finished task is gone from the map.
                let Some(mut task) = self.tasks.borrow_mut().remove(&id) else { continue };
                shared.observer.polled(id);
                self.running.set(Some(id));
                let polled = poll(&mut task, id);
                self.running.set(None);
                match polled {
                    Polled::Pending => {
                        self.tasks.borrow_mut().insert(id, task);
                    }
                    Polled::Finished => shared.observer.finished(id),
                    Polled::Failed(error) => return Err(error),
                }
            }
            let pending = self.tasks.borrow().len();
            if pending == 0 {
                break;
            }
            if shared.is_stopped() {
                return Err(Error::Stopped);
            }
            shared.sleep(pending);
        }
        shared.observer.all_finished();
        Ok(())
    }
}

thread_local! {
    /// The executor running on this thread, as the book's `CURRENT_EXEC`: how `spawn` finds it.
    static CURRENT: RefCell<Option<Rc<Core<Task>>>> = const { RefCell::new(None) };
}

/// The book's chapter 8 executor: tasks, a ready queue of task ids, a parker to sleep on.
///
/// `block_on` polls a task when it is spawned and after that only when one of its wakers was
/// called (WK-02); with nothing ready it parks until a waker unparks it, so pending tasks cost no
/// CPU. A task that returns Ready is dropped and never polled again (WK-10), and a wake for a task
/// it no longer holds is ignored (WK-05). Every executor has its own queue and parker, so
/// executors on several threads can share one reactor: each waker reaches its own (WK-15).
pub struct Executor {
    core: Rc<Core<Task>>,
}

/// Stops an executor from another thread: its `block_on` returns `Stopped`.
#[derive(Clone)]
pub struct Stopper(Arc<Shared>);

impl Stopper {
    pub(crate) fn new(executor: Arc<Shared>) -> Stopper {
        Stopper(executor)
    }

    /// Makes `block_on` return at its next step, even while it sleeps.
    pub fn stop(&self) {
        self.0.stopped.store(true, Ordering::SeqCst);
        self.0.parker.unpark();
    }
}

impl Executor {
    /// An executor that reports to `observer`.
    pub fn new(observer: Arc<dyn Observer>) -> Executor {
        Executor { core: Rc::new(Core::new(observer)) }
    }

    /// A handle that stops this executor from any thread.
    pub fn stopper(&self) -> Stopper {
        Stopper(Arc::clone(&self.core.shared))
    }

    /// Spawns `root` as task 0 and runs every task until all have finished, the ones `root`
    /// spawned included (WK-08); returns the root's value. A task that fails ends the run with its
    /// error.
    pub fn block_on(&self, root: impl Future<Output = Result<String, Error>> + 'static) -> Result<String, Error> {
        let previous = CURRENT.with(|current| current.replace(Some(Rc::clone(&self.core))));
        let ran = self.run(Box::new(root));
        CURRENT.with(|current| current.replace(previous));
        ran
    }

    fn run(&self, root: Task) -> Result<String, Error> {
        self.core.spawn(root);
        let mut value = String::new();
        self.core.run(|task, id| match task.poll(&Waker::new(Arc::clone(&self.core.shared), id)) {
            PollState::NotReady => Polled::Pending,
            PollState::Ready(Ok(ready)) => {
                if id == 0 {
                    value = ready;
                }
                Polled::Finished
            }
            PollState::Ready(Err(error)) => Polled::Failed(error),
        })?;
        Ok(value)
    }
}

/// Spawns `future` as a new task of the executor running on this thread; it is polled after the
/// current poll returns (WK-09). `NotInitialised` outside an executor.
pub fn spawn(future: impl Future<Output = Result<String, Error>> + 'static) -> Result<(), Error> {
    let core = CURRENT.with(|current| current.borrow().clone());
    let core = core.ok_or(Error::NotInitialised("spawn needs an executor running on this thread"))?;
    core.spawn(Box::new(future));
    Ok(())
}

/// The task the executor on this thread is polling, if any.
pub fn current_task() -> Option<usize> {
    CURRENT.with(|current| current.borrow().as_ref().and_then(|core| core.running()))
}
