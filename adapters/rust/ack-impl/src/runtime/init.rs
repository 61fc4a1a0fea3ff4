//! Init: the runtime's one reactor in the process.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::Reactor;
use crate::coroutines::Error;

static RUNNING: Mutex<Option<Arc<Reactor>>> = Mutex::new(None);

fn running() -> MutexGuard<'static, Option<Arc<Reactor>>> {
    RUNNING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the runtime: its reactor, on a thread of its own. Once per process: `AlreadyRunning`
/// while it runs, and the running one goes on unharmed. (The book's `init` also returns the first
/// executor; here every thread makes its own with [`Executor::new`](super::Executor::new).)
pub fn init() -> Result<(), Error> {
    let mut running = running();
    if running.is_some() {
        return Err(Error::AlreadyRunning);
    }
    *running = Some(Arc::new(Reactor::new("runtime-reactor")?));
    Ok(())
}

/// The running runtime's reactor; `NotInitialised` before [`init`].
pub fn reactor() -> Result<Arc<Reactor>, Error> {
    running().clone().ok_or(Error::NotInitialised("the runtime is not initialised: call init first"))
}

/// Ends the runtime, if it runs: its reactor stops; [`init`] may start another.
pub fn shutdown() {
    let reactor = running().take();
    if let Some(reactor) = reactor {
        reactor.shut_down();
    }
}
