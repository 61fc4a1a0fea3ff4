//! Area `runtime` (spec/protocol.md §7.3) on the book's runtime: `rt.init` is the book's
//! `runtime::init`, and each run is the book's `Executor::block_on` of a program on the thread
//! `ack-adapter` named after the executor.

use std::time::Duration;

use ack_adapter::{CoroutineProgram, Error, ErrorKind, Result, Runtime, StopSignal, Trace, WakeBy};

use crate::leaves::Leaves;
use crate::prints;
use crate::program::Run;
use crate::runtime;

/// The book's runtime refuses two misuses by panicking: a second `init` (`reactor::start`) and an
/// http leaf before `init` (`reactor()`). RT-15 and RT-02 ask for error replies, so exactly these two
/// panics become errors; any other is ack-adapter's `Internal`.
const ALREADY_RUNNING: &str = "Reactor already running";
const OUTSIDE_RUNTIME: &str = "Called outside an runtime context";

/// The area, as the crate drives it. It claims no capability: the runtime area has none.
#[derive(Default)]
pub(crate) struct BookRuntime {
    leaves: Leaves,
}

impl Runtime for BookRuntime {
    /// The executor the book's `init` returns is the calling thread's; each run makes its own.
    fn init(&self) -> Result<()> {
        Error::from_panic(ALREADY_RUNNING, ErrorKind::AlreadyRunning, runtime::init).map(drop)
    }

    /// The book's executor has no way to stop: `stop` is left alone, and a run whose tasks never
    /// finish runs until the process ends (`kit --isolate scenario`).
    fn block_on(&self, program: CoroutineProgram, trace: Trace, _stop: &StopSignal) -> Result<()> {
        let following = prints::follow(&trace)?;
        let run = Run::new(trace, self.leaves.clone());
        let root = run.root(program);
        let mut executor = runtime::Executor::new();
        Error::from_panic(OUTSIDE_RUNTIME, ErrorKind::NotInitialised, move || executor.block_on(root))?;
        drop(following);
        run.outcome()
    }

    fn leaf_ready(&self, name: &str, value: &str, wake: WakeBy) -> Result<()> {
        self.leaves.make_ready(name, value, wake)
    }

    fn cpu_time(&self) -> Result<Duration> {
        ack_adapter::process_cpu_time()
    }

    /// The book's reactor lives as long as the process (`kit --isolate scenario`); the session's
    /// leaves go.
    fn reset(&self) {
        self.leaves.clear();
    }
}
