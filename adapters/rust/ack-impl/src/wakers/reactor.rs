//! Reactor: one thread that watches sockets on the chapter 4 event queue and wakes the tasks
//! waiting on them.

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};

use super::Waker;
use crate::coroutines::Error;
use crate::event_queue::{self as eq, Events, Interest, Mode, Poll, Registry, Source, Token};

/// What the reactor calls when a socket is ready: chapter 8's own [`Waker`], or, in chapter 10,
/// the standard library's `std::task::Waker`, woken by reference as the book's reactor does.
pub trait Wakes: Clone + Send + 'static {
    /// Has the waiting task polled again; the reactor keeps its copy.
    fn wake_task(&self);
}

impl Wakes for Waker {
    fn wake_task(&self) {
        self.wake();
    }
}

impl Wakes for std::task::Waker {
    fn wake_task(&self) {
        self.wake_by_ref();
    }
}

/// The token of the reactor's own waker, which ends its loop; sockets get 1, 2, … as the book's ids.
const STOP: Token = Token(0);

/// The book's chapter 8 reactor. Its thread blocks in [`Poll::poll`]; a future registers its
/// socket with an id from [`Reactor::next_id`] and leaves the waker of each poll
/// ([`Reactor::set_waker`]): the most recent one is the one to wake (WK-04), because a future may
/// be polled by another task (or first outside any) before its socket is ready. When the socket
/// is ready the reactor calls that waker, on its own thread. It knows nothing about executors:
/// the waker does. `W` is the kind of waker it keeps ([`Wakes`]).
pub struct Reactor<W: Wakes = Waker> {
    registry: Registry,
    /// The waker of the most recent poll, by socket id; shared with the reactor's thread.
    wakers: Arc<Wakers<W>>,
    next_id: AtomicUsize,
    stop: eq::Waker,
    thread: Mutex<Option<JoinHandle<()>>>,
}

type Wakers<W> = Mutex<HashMap<usize, W>>;

fn lock<W>(wakers: &Wakers<W>) -> MutexGuard<'_, HashMap<usize, W>> {
    wakers.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The one reactor of the process, found by the futures that need it.
static RUNNING: Mutex<Option<Arc<Reactor>>> = Mutex::new(None);

fn running() -> MutexGuard<'static, Option<Arc<Reactor>>> {
    RUNNING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the reactor of this process; `AlreadyRunning` while one runs, which goes on unharmed
/// (WK-13).
pub fn start() -> Result<Arc<Reactor>, Error> {
    let mut running = running();
    if running.is_some() {
        return Err(Error::AlreadyRunning);
    }
    let reactor = Arc::new(Reactor::new("reactor")?);
    *running = Some(Arc::clone(&reactor));
    Ok(reactor)
}

/// The running reactor; `NotInitialised` when none runs (WK-14).
pub fn current() -> Result<Arc<Reactor>, Error> {
    running().clone().ok_or(Error::NotInitialised("no reactor is running"))
}

/// Stops the running reactor, if any, and waits for its thread; another may start afterwards.
pub fn stop() {
    let reactor = running().take();
    if let Some(reactor) = reactor {
        reactor.shut_down();
    }
}

impl<W: Wakes> Reactor<W> {
    /// A reactor on a new thread named `name`. Chapter 8 has one per process ([`start`]); chapter
    /// 10 makes its own, and a second runtime another.
    pub fn new(name: &str) -> io::Result<Reactor<W>> {
        let mut poll = Poll::new()?;
        let registry = poll.registry().clone();
        let stop = eq::Waker::new(&registry, STOP)?;
        let wakers = Arc::new(Wakers::default());
        let loop_wakers = Arc::clone(&wakers);
        let thread = thread::Builder::new().name(name.into()).spawn(move || {
            if let Err(error) = event_loop(&mut poll, &loop_wakers) {
                eprintln!("ERROR: the reactor's event loop failed: {error}");
            }
        })?;
        Ok(Reactor { registry, wakers, next_id: AtomicUsize::new(1), stop, thread: Mutex::new(Some(thread)) })
    }

    /// A new id for a socket: its token.
    pub fn next_id(&self) -> usize {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Watches `source` for reading under `id`. Edge-triggered, as mio is: each arrival of data
    /// wakes once, and the future reads until it would block before it returns `NotReady`.
    pub fn register(&self, source: &impl Source, id: usize) -> io::Result<()> {
        self.registry.register(source, Token(id), Interest::READABLE, Mode::EDGE)
    }

    /// Keeps `waker` for `id`, replacing the one kept before.
    pub fn set_waker(&self, waker: &W, id: usize) {
        lock(&self.wakers).insert(id, waker.clone());
    }

    /// Stops watching `source` and drops the waker of `id` (WK-17).
    pub fn deregister(&self, source: &impl Source, id: usize) -> io::Result<()> {
        lock(&self.wakers).remove(&id);
        self.registry.deregister(source)
    }

    /// Ends the reactor's thread and waits for it.
    pub fn shut_down(&self) {
        if let Err(error) = self.stop.wake() {
            eprintln!("ERROR: stopping the reactor: {error}");
        }
        let thread = self.thread.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }
}

/// Polls until the stop token comes, calling the waker kept for every other event's token.
fn event_loop<W: Wakes>(poll: &mut Poll, wakers: &Wakers<W>) -> io::Result<()> {
    let mut events = Events::with_capacity(100)?;
    loop {
        poll.poll(&mut events, None)?;
        for event in events.iter() {
            if event.token() == STOP {
                return Ok(());
            }
            // None: the future finished and deregistered after the event was queued. The waker is
            // called outside the lock: waking takes the executor's.
            let waker = lock(wakers).get(&event.token().0).cloned();
            if let Some(waker) = waker {
                waker.wake_task();
            }
        }
    }
}
