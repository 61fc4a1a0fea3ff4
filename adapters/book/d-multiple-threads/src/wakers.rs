//! Area `wakers` (chapter 8): programs run as tasks of the book's executor, woken by the book's
//! reactor and by the runner's manual leaves and kept wakers.

use std::thread::{self, Thread};

use ack_adapter::{CoroutineProgram, Error, ErrorKind, Result, StopSignal, Trace};
use program_machine::{Machine, ManualLeaves};

use crate::book_futures::BookFutures;
use crate::executor_lines;
use crate::runtime::{self, Executor};
use crate::task::Task;
use crate::task_waker::{KeptWakers, TaskWaker};

/// The book's reactor refuses a second start and an http leaf before any start by panicking
/// (`reactor.rs`); WK-13 and WK-14 ask for error replies, so exactly these panics become errors.
const ALREADY_RUNNING: &str = "Reactor already running";
const OUTSIDE_RUNTIME: &str = "Called outside an runtime context";

/// The area, as ack-adapter drives it: the session's manual leaves and kept wakers. It claims no
/// capability: the book's `block_on` returns `()` (`block-on-value`), and its `Waker` tells no one
/// it was called (`wake-reports`).
#[derive(Default)]
pub struct Wakers {
    leaves: ManualLeaves<TaskWaker>,
    kept: KeptWakers,
}

impl ack_adapter::Wakers for Wakers {
    /// The book's executor sleeps with `thread::park` and is woken with `Thread::unpark`: a
    /// parker is the thread that parks on it, the runner's request thread.
    type Parker = Thread;

    /// The book's `runtime::init`; the executor it also makes is dropped, as every run makes its
    /// own. The reactor lives as long as the process (the kit runs with `--isolate scenario`). A
    /// second start panics, which WK-13 asks to see as `AlreadyRunning`.
    fn reactor_start(&self) -> Result<()> {
        Error::from_panic(ALREADY_RUNNING, ErrorKind::AlreadyRunning, runtime::init).map(drop)
    }

    /// The book's `Executor::block_on`, on the thread ack-adapter started for the run. It returns
    /// `()`, so the run's value is `""`. It has no way to stop before its tasks are done, so
    /// `stop` is left alone.
    fn block_on(&self, program: CoroutineProgram, trace: Trace, _: &StopSignal) -> Result<String> {
        // Until it is dropped at the end, after the executor's last line is in the trace.
        let _following = executor_lines::follow(&trace);
        let futures = BookFutures { trace: trace.clone(), leaves: self.leaves.clone(), kept: self.kept.clone() };
        let root = Task::new(Machine::new(program, futures), &trace);
        // an http leaf before the reactor started panics in the book's reactor(): WK-14's NotInitialised
        Error::from_panic(OUTSIDE_RUNTIME, ErrorKind::NotInitialised, || Executor::new().block_on(root))?;
        Ok(String::new())
    }

    fn leaf_ready(&self, name: &str, value: &str) -> Result<()> {
        if let Some(waker) = self.leaves.make_ready(name, value) {
            waker.wake();
        }
        Ok(())
    }

    fn wake(&self, name: &str) -> Result<()> {
        self.kept.wake(name)
    }

    fn parker_new(&self) -> Result<Thread> {
        Ok(thread::current())
    }

    fn unpark(&self, parker: &Thread) -> Result<()> {
        parker.unpark();
        Ok(())
    }

    fn park(&self, _: &Thread) -> Result<()> {
        thread::park();
        Ok(())
    }

    /// The reactor cannot be stopped; the next scenario gets a new process.
    fn reset(&self) {
        self.leaves.clear();
        self.kept.clear();
    }
}
