//! Runs: programs that executors run on threads of their own, for areas `wakers` and `runtime`
//! (`wk.block_on` / `rt.block_on`, `…run_wait`, and stopping them at `reset`).

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::args::Args;
use crate::error::{Error, Result};
use crate::handles::{Handles, Table};
use crate::json::Json;
use crate::trace::Trace;
use crate::wakers::StopSignal;

/// A value some thread sets once and others wait for, with a timeout.
pub(crate) struct Latch<T> {
    value: Mutex<Option<T>>,
    set: Condvar,
}

impl<T: Clone> Latch<T> {
    pub(crate) fn new() -> Latch<T> {
        Latch { value: Mutex::new(None), set: Condvar::new() }
    }

    pub(crate) fn set(&self, value: T) {
        *self.value.lock().unwrap_or_else(PoisonError::into_inner) = Some(value);
        self.set.notify_all();
    }

    /// The value, once it is set; `None` if `timeout` ran out first.
    pub(crate) fn wait(&self, timeout: Duration) -> Option<T> {
        let value = self.value.lock().unwrap_or_else(PoisonError::into_inner);
        let (value, _) = self
            .set
            .wait_timeout_while(value, timeout, |value| value.is_none())
            .unwrap_or_else(PoisonError::into_inner);
        value.clone()
    }
}

/// One run: the executor's thread, how it ended (`T`: what its `block_on` returns), its trace and
/// its stop signal.
struct Run<T> {
    outcome: Arc<Latch<Result<T>>>,
    trace: Trace,
    stop: StopSignal,
    thread: JoinHandle<()>,
}

/// How long `reset` waits for stopped runs before it leaves them running.
const STOP_PATIENCE: Duration = Duration::from_secs(2);

/// The runs of a session, under handles.
pub(crate) struct Runs<T> {
    runs: Table<Run<T>>,
}

impl<T: Clone + Send + 'static> Runs<T> {
    pub(crate) fn new() -> Runs<T> {
        Runs { runs: Table::new("run") }
    }

    /// Starts `block_on` on a new thread named after arg `executor` (default `main`), with a new
    /// trace and stop signal, and replies at once with the run's handle. A panic in it ends the run
    /// as `Internal`.
    pub(crate) fn start(
        &mut self,
        args: &Args<'_>,
        handles: &mut Handles,
        block_on: impl FnOnce(Trace, &StopSignal) -> Result<T> + Send + 'static,
    ) -> Result<Json> {
        let executor = args.opt_string("executor")?.unwrap_or("main");
        if executor.contains('\0') {
            return Err(Error::bad_request("args.executor must not contain NUL"));
        }
        let (trace, stop, outcome) = (Trace::default(), StopSignal::default(), Arc::new(Latch::new()));
        let (run_trace, run_stop, run_outcome) = (trace.clone(), stop.clone(), Arc::clone(&outcome));
        let thread = thread::Builder::new().name(executor.into()).spawn(move || {
            let ran = panic::catch_unwind(AssertUnwindSafe(|| block_on(run_trace, &run_stop)));
            run_outcome.set(ran.unwrap_or_else(|panic| Err(Error::internal(crate::area::panic_message(&*panic)))));
        })?;
        let run = self.runs.issue(handles, Run { outcome, trace, stop, thread });
        Ok(Json::object([("run", run.into())]))
    }

    /// Waits up to arg `timeout_ms` for run `run`: its outcome, if it ended, and the trace entries
    /// recorded since the last wait.
    pub(crate) fn wait(&self, args: &Args<'_>) -> Result<(Option<Result<T>>, Json)> {
        let run = self.runs.get(args.handle("run")?)?;
        let timeout = Duration::from_millis(args.int("timeout_ms")?);
        let outcome = run.outcome.wait(timeout);
        Ok((outcome, Json::Array(run.trace.take())))
    }

    /// Stops every run and waits for them a little; one that does not stop is left running.
    pub(crate) fn stop_all(&mut self) {
        let runs: Vec<Run<T>> = self.runs.release_all().collect();
        runs.iter().for_each(|run| run.stop.stop());
        let deadline = Instant::now() + STOP_PATIENCE;
        for run in runs {
            if run.outcome.wait(deadline.saturating_duration_since(Instant::now())).is_some() {
                // The thread has only its last statement left: joining is immediate.
                let _ = run.thread.join();
            } else {
                let executor = run.thread.thread().name().unwrap_or_default().to_owned();
                eprintln!(
                    "ack-adapter: executor {executor:?} did not stop within {STOP_PATIENCE:?} of reset; left running"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latch_hands_its_value_to_every_waiter_or_times_out() {
        let latch = Arc::new(Latch::new());
        assert_eq!(latch.wait(Duration::from_millis(1)), None);
        let setter = Arc::clone(&latch);
        let thread = thread::spawn(move || setter.set(7));
        assert_eq!(latch.wait(Duration::from_secs(10)), Some(7));
        assert_eq!(latch.wait(Duration::ZERO), Some(7));
        thread.join().unwrap();
    }
}
