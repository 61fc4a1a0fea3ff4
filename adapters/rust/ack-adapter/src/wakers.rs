//! Area `wakers` (chapter 8; spec/protocol.md §7.2): executors and a reactor run programs.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crate::Capability;
use crate::area::{Area, AreaId};
use crate::args::Args;
use crate::error::{Error, Result};
use crate::handles::{Handles, Table};
use crate::json::Json;
use crate::program::{self, CoroutineProgram};
use crate::runs::{Latch, Runs};
use crate::trace::Trace;

/// Wakers, a reactor and executors (chapter 8). Implement it for a type of yours and pass that to
/// [`Adapter::wakers`](crate::Adapter::wakers).
///
/// The crate does the protocol's threads: `wk.block_on` starts a thread named after the executor
/// and calls [`Wakers::block_on`] on it; `wk.run_wait` waits for it with a timeout;
/// `wk.park` with `unpark_after_ms` unparks from a helper thread. So the methods are called from
/// several threads at once, on a shared `&self`.
pub trait Wakers: Send + Sync + 'static {
    /// A parker: park / unpark with one permit (the book's parker-bonus).
    type Parker: Send + Sync + 'static;

    /// The optional behaviour this area has beyond the book's code ([`Capability`]); the
    /// handshake claims it. None unless you say.
    fn capabilities(&self) -> &[Capability] {
        &[]
    }

    /// `wk.reactor_start`: starts the one reactor (its own thread, on your chapter 4 event
    /// queue); `AlreadyRunning` while one runs (WK-13).
    fn reactor_start(&self) -> Result<()> {
        Err(Error::unsupported("wk.reactor_start"))
    }

    /// Runs `block_on(program)` with a new executor on the calling thread, which the crate started
    /// and named after the executor; returns the root task's value when every task has finished.
    /// Record into `trace` (the executor's entries take the executor's name from the thread).
    ///
    /// On `reset` the crate fires `stop`: register with [`StopSignal::on_stop`] whatever makes
    /// your executor leave `block_on` (an unpark after setting a flag, for example).
    fn block_on(&self, program: CoroutineProgram, trace: Trace, stop: &StopSignal) -> Result<String> {
        let _ = (program, trace, stop);
        Err(Error::unsupported("wk.block_on"))
    }

    /// `wk.leaf_ready`: makes manual leaf `name` Ready with `value` and calls the waker of its most
    /// recent poll, from this, the request thread.
    fn leaf_ready(&self, name: &str, value: &str) -> Result<()> {
        let _ = (name, value);
        Err(Error::unsupported("wk.leaf_ready"))
    }

    /// `wk.wake`: calls the waker a `keep_waker` kept under `name`, even if its task finished. A
    /// name nobody kept is a `BadRequest`.
    fn wake(&self, name: &str) -> Result<()> {
        let _ = name;
        Err(Error::unsupported("wk.wake"))
    }

    /// `wk.parker_new`.
    fn parker_new(&self) -> Result<Self::Parker> {
        Err(Error::unsupported("wk.parker_new"))
    }

    /// `wk.unpark`, from the request thread or the crate's helper thread.
    fn unpark(&self, parker: &Self::Parker) -> Result<()> {
        let _ = parker;
        Err(Error::unsupported("wk.unpark"))
    }

    /// `wk.park`: blocks until the permit is there, then takes it.
    fn park(&self, parker: &Self::Parker) -> Result<()> {
        let _ = parker;
        Err(Error::unsupported("wk.park"))
    }

    /// `reset`: stop the reactor, forget the session's leaves and kept wakers. By the time this is
    /// called every run has been stopped. The default does nothing.
    fn reset(&self) {}
}

/// Fired by the crate when `reset` ends the session, to stop the executors still running.
#[derive(Clone, Default)]
pub struct StopSignal(Arc<Mutex<StopState>>);

#[derive(Default)]
struct StopState {
    stopped: bool,
    callbacks: Vec<Box<dyn FnOnce() + Send>>,
}

impl StopSignal {
    fn state(&self) -> std::sync::MutexGuard<'_, StopState> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Calls `callback` when the signal fires (at once, on this thread, if it has fired already).
    pub fn on_stop(&self, callback: impl FnOnce() + Send + 'static) {
        let mut state = self.state();
        if state.stopped {
            drop(state);
            callback();
        } else {
            state.callbacks.push(Box::new(callback));
        }
    }

    /// Whether the signal has fired.
    pub fn is_stopped(&self) -> bool {
        self.state().stopped
    }

    pub(crate) fn stop(&self) {
        let callbacks = {
            let mut state = self.state();
            state.stopped = true;
            std::mem::take(&mut state.callbacks)
        };
        callbacks.into_iter().for_each(|callback| callback());
    }
}

impl fmt::Debug for StopSignal {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.debug_struct("StopSignal").field("stopped", &self.is_stopped()).finish()
    }
}

/// Serves the `wk.*` ops with [`Wakers`].
pub(crate) struct WakersArea<W: Wakers> {
    wakers: Arc<W>,
    runs: Runs<String>,
    /// Shared with the helper thread of a `wk.park` with `unpark_after_ms`.
    parkers: Table<Arc<W::Parker>>,
}

impl<W: Wakers> WakersArea<W> {
    pub(crate) fn new(wakers: W) -> Self {
        WakersArea { wakers: Arc::new(wakers), runs: Runs::new(), parkers: Table::new("parker") }
    }

    fn block_on(&mut self, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        let program = program::program(args, "program")?;
        let wakers = Arc::clone(&self.wakers);
        self.runs.start(args, handles, move |trace, stop| wakers.block_on(program, trace, stop))
    }

    fn run_wait(&self, args: &Args<'_>) -> Result<Json> {
        Ok(match self.runs.wait(args)? {
            (None, trace) => Json::object([("finished", false.into()), ("trace", trace)]),
            (Some(value), trace) => {
                Json::object([("finished", true.into()), ("value", value?.into()), ("trace", trace)])
            }
        })
    }

    /// Parks the request thread; with `unpark_after_ms`, a helper thread unparks it after that
    /// delay, unless the park returned first (then it leaves no stray permit). The helper is a plain
    /// thread, not a scoped one: a scope's end unparks the thread that waits for it, which would be a
    /// stray permit for a parker built on `std::thread::park` (the book's).
    fn park(&self, args: &Args<'_>) -> Result<()> {
        let parker = Arc::clone(self.parkers.get(args.handle("parker")?)?);
        let Some(after) = args.opt_int::<u64>("unpark_after_ms")?.map(Duration::from_millis) else {
            return self.wakers.park(&parker);
        };
        let parked = Arc::new(Latch::new());
        let helper = {
            let (wakers, parker, parked) = (Arc::clone(&self.wakers), Arc::clone(&parker), Arc::clone(&parked));
            thread::Builder::new().name("wk.park unparker".into()).spawn(move || match parked.wait(after) {
                Some(()) => Ok(()),
                None => wakers.unpark(&parker),
            })?
        };
        let park = self.wakers.park(&parker);
        parked.set(());
        let unpark = helper.join().unwrap_or_else(|_| Err(Error::internal("the unparking thread panicked")));
        park.and(unpark)
    }
}

impl<W: Wakers> Area for WakersArea<W> {
    fn id(&self) -> AreaId {
        AreaId::Wakers
    }

    fn capabilities(&self) -> Vec<Capability> {
        self.wakers.capabilities().to_vec()
    }

    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        let wakers = &*self.wakers;
        match op {
            "wk.reactor_start" => wakers.reactor_start().map(|()| Json::object([])),
            "wk.block_on" => self.block_on(args, handles),
            "wk.run_wait" => self.run_wait(args),
            "wk.leaf_ready" => {
                wakers.leaf_ready(args.string("name")?, args.string("value")?).map(|()| Json::object([]))
            }
            "wk.wake" => wakers.wake(args.string("name")?).map(|()| Json::object([])),
            "wk.parker_new" => {
                let parker = wakers.parker_new()?;
                Ok(Json::object([("parker", self.parkers.issue(handles, Arc::new(parker)).into())]))
            }
            "wk.unpark" => wakers.unpark(self.parkers.get(args.handle("parker")?)?).map(|()| Json::object([])),
            "wk.park" => self.park(args).map(|()| Json::object([])),
            _ => Err(Error::bad_request(format!("unknown op {op:?}"))),
        }
    }

    /// Stops every run, waits for them a little, then lets the implementation reset.
    fn reset(&mut self) {
        self.runs.stop_all();
        self.parkers.clear();
        self.wakers.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_stop_signal_calls_back_once_also_when_registered_late() {
        let signal = StopSignal::default();
        let early = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&early);
        signal.on_stop(move || flag.store(true, Ordering::SeqCst));
        assert!(!signal.is_stopped());
        signal.clone().stop();
        assert!(signal.is_stopped() && early.load(Ordering::SeqCst));
        let late = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&late);
        signal.on_stop(move || flag.store(true, Ordering::SeqCst));
        assert!(late.load(Ordering::SeqCst), "a callback after the stop runs at once");
    }
}
