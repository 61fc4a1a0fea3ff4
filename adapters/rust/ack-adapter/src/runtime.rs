//! Area `runtime` (chapter 10; spec/protocol.md §7.3): a runtime runs programs as the language's
//! own `async` code.

use std::sync::Arc;
use std::time::Duration;

use crate::Capability;
use crate::area::{Area, AreaId};
use crate::args::Args;
use crate::error::{Error, Result};
use crate::handles::Handles;
use crate::json::Json;
use crate::program::{self, CoroutineProgram};
use crate::runs::Runs;
use crate::trace::Trace;
use crate::wakers::StopSignal;

/// A runtime for the language's own asynchronous code (chapter 10). Implement it for a type of
/// yours and pass that to [`Adapter::runtime`](crate::Adapter::runtime).
///
/// As in area `wakers`, the crate does the protocol's threads: `rt.block_on` starts a thread named
/// after the executor and calls [`Runtime::block_on`] on it, so the methods are called from several
/// threads at once, on a shared `&self`.
pub trait Runtime: Send + Sync + 'static {
    /// The optional behaviour this area has beyond the book's code ([`Capability`]); the
    /// handshake claims it. None unless you say.
    fn capabilities(&self) -> &[Capability] {
        &[]
    }

    /// `rt.init`: starts the runtime's reactor (its own thread); once per process, so
    /// `AlreadyRunning` while one runs, which goes on unharmed.
    fn init(&self) -> Result<()> {
        Err(Error::unsupported("rt.init"))
    }

    /// Runs `block_on(program)` with a new executor on the calling thread, which the crate started
    /// and named after the executor, turning the program into native async code; returns when the
    /// root and every task it spawned have finished. A task that fails ends the run with its error.
    /// On `reset` the crate fires `stop`: register with [`StopSignal::on_stop`] whatever makes your
    /// executor leave `block_on`.
    fn block_on(&self, program: CoroutineProgram, trace: Trace, stop: &StopSignal) -> Result<()> {
        let _ = (program, trace, stop);
        Err(Error::unsupported("rt.block_on"))
    }

    /// `rt.leaf_ready`: makes manual leaf `name` Ready with `value` and wakes its task through the
    /// waker its most recent poll left, as `wake` says, from this, the request thread. A leaf no
    /// program waits on is a `BadRequest`.
    fn leaf_ready(&self, name: &str, value: &str, wake: WakeBy) -> Result<()> {
        let _ = (name, value, wake);
        Err(Error::unsupported("rt.leaf_ready"))
    }

    /// `rt.cpu_time`: the CPU time the process has used so far, user and system, every thread.
    fn cpu_time(&self) -> Result<Duration> {
        Err(Error::unsupported("rt.cpu_time"))
    }

    /// `reset`: end the runtime (a later `rt.init` starts a new one) and forget the session's
    /// leaves. By the time this is called every run has been stopped. The default does nothing.
    fn reset(&self) {}
}

/// The clock of `/proc/<pid>/stat`'s times: `USER_HZ`, which the kernel fixes at 100 on x86-64.
const TICKS_PER_SECOND: u64 = 100;

/// User and system time of every thread of the process, the finished ones included (what
/// `rt.cpu_time` reports; Linux): fields 14 and 15 of `/proc/self/stat`, after the command name in
/// parentheses (which may hold spaces).
pub fn process_cpu_time() -> Result<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or_default();
    // After the name come field 3 (state) onwards: utime and stime are the 12th and 13th.
    let ticks: Option<u64> =
        after_name.split_whitespace().skip(11).take(2).map(|field| field.parse::<u64>().ok()).sum();
    let ticks = ticks.ok_or_else(|| Error::internal("cannot read the CPU times of /proc/self/stat"))?;
    Ok(Duration::from_millis(ticks * 1000 / TICKS_PER_SECOND))
}

/// How `rt.leaf_ready` calls the kept waker (its arg `wake`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WakeBy {
    /// `"by_value"`: a clone of the waker, consumed (Rust's `Waker::wake`).
    Value,
    /// `"by_reference"`: Rust's `Waker::wake_by_ref`.
    Reference,
}

/// Serves the `rt.*` ops with [`Runtime`].
pub(crate) struct RuntimeArea<R: Runtime> {
    runtime: Arc<R>,
    runs: Runs<()>,
}

impl<R: Runtime> RuntimeArea<R> {
    pub(crate) fn new(runtime: R) -> Self {
        RuntimeArea { runtime: Arc::new(runtime), runs: Runs::new() }
    }

    fn block_on(&mut self, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        let program = program::runtime_program(args, "program")?;
        let runtime = Arc::clone(&self.runtime);
        self.runs.start(args, handles, move |trace, stop| runtime.block_on(program, trace, stop))
    }

    /// As `wk.run_wait`, without a value: a chapter 10 root has no output.
    fn run_wait(&self, args: &Args<'_>) -> Result<Json> {
        let (outcome, trace) = self.runs.wait(args)?;
        // A run that failed replies with its error.
        let finished = outcome.transpose()?.is_some();
        Ok(Json::object([("finished", finished.into()), ("trace", trace)]))
    }

    fn leaf_ready(&self, args: &Args<'_>) -> Result<Json> {
        let wake = args.choice("wake", &[("by_value", WakeBy::Value), ("by_reference", WakeBy::Reference)])?;
        self.runtime.leaf_ready(args.string("name")?, args.string("value")?, wake)?;
        Ok(Json::object([]))
    }

    fn cpu_time(&self) -> Result<Json> {
        let cpu = self.runtime.cpu_time()?;
        // Milliseconds to the microsecond: a JSON number with a fraction.
        Ok(Json::object([("cpu_ms", Json::Number(format!("{:.3}", cpu.as_secs_f64() * 1000.0)))]))
    }
}

impl<R: Runtime> Area for RuntimeArea<R> {
    fn id(&self) -> AreaId {
        AreaId::Runtime
    }

    fn capabilities(&self) -> Vec<Capability> {
        self.runtime.capabilities().to_vec()
    }

    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        match op {
            "rt.init" => self.runtime.init().map(|()| Json::object([])),
            "rt.block_on" => self.block_on(args, handles),
            "rt.run_wait" => self.run_wait(args),
            "rt.leaf_ready" => self.leaf_ready(args),
            "rt.cpu_time" => self.cpu_time(),
            _ => Err(Error::bad_request(format!("unknown op {op:?}"))),
        }
    }

    /// Stops every run, waits for them a little, then lets the implementation end its runtime.
    fn reset(&mut self) {
        self.runs.stop_all();
        self.runtime.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_cpu_time_grows_with_work() {
        let before = process_cpu_time().unwrap();
        let mut spin = 0_u64;
        while process_cpu_time().unwrap() < before + Duration::from_millis(20) {
            spin = spin.wrapping_add(1);
        }
        assert!(spin > 0);
    }
}
