//! Area `runtime` (chapter 10): programs become `async` blocks (`ack_impl::runtime::interpret`),
//! run as tasks of `ack_impl::runtime` executors with the standard library's `Future`, `Context`
//! and `Waker`.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ack_adapter::{CoroutineProgram, ErrorKind, Leaf, Result, StopSignal, Trace, WakeBy};
use ack_impl::coroutines::Error;
use ack_impl::runtime::{self, Executor, Http, ManualLeaves, OtherRuntime, ProgramHost, ThirdParty, Wake, interpret};
use ack_impl::wakers::Stopper;

use crate::coroutine::protocol_error;
use crate::wake_at_sleep::WakeAtSleep;
use crate::wakers::TraceObserver;

/// A program's future, or a leaf's: owned, sendable to the executor's thread, pinned on the heap.
type Task = Pin<Box<dyn Future<Output = std::result::Result<String, Error>> + Send>>;

/// The area, as the crate drives it: the session's manual leaves and the other runtime, made at
/// its first `enter_other_runtime`.
#[derive(Default)]
pub(crate) struct Runtime {
    leaves: ManualLeaves,
    other: Arc<Mutex<Option<Arc<OtherRuntime>>>>,
}

impl ack_adapter::Runtime for Runtime {
    fn init(&self) -> Result<()> {
        runtime::init().map_err(protocol_error)
    }

    fn block_on(&self, program: CoroutineProgram, trace: Trace, stop: &StopSignal) -> Result<()> {
        let executor = Executor::new(Arc::new(TraceObserver(trace.clone(), WakeAtSleep::default())));
        let stopper = executor.stopper();
        let on_stop = stopper.clone();
        stop.on_stop(move || on_stop.stop());
        let env = Env {
            trace,
            leaves: self.leaves.clone(),
            other: Arc::clone(&self.other),
            failure: Arc::default(),
            stopper,
        };
        let failure = Arc::clone(&env.failure);
        let ran = executor.block_on(env.clone().task(interpret(program, env)));
        // A task that failed stopped the executor: its error is the run's.
        match failure.lock().unwrap_or_else(PoisonError::into_inner).take() {
            Some(error) => Err(error),
            None => ran.map_err(protocol_error),
        }
    }

    fn leaf_ready(&self, name: &str, value: &str, wake: WakeBy) -> Result<()> {
        let wake = match wake {
            WakeBy::Value => Wake::ByValue,
            WakeBy::Reference => Wake::ByReference,
        };
        if self.leaves.make_ready(name, value, wake) {
            return Ok(());
        }
        Err(ack_adapter::Error::new(ErrorKind::BadRequest, format!("no program waits on leaf {name:?}")))
    }

    fn cpu_time(&self) -> Result<Duration> {
        ack_adapter::process_cpu_time()
    }

    fn reset(&self) {
        runtime::shutdown();
        self.leaves.clear();
        self.other.lock().unwrap_or_else(PoisonError::into_inner).take();
    }
}

/// What every task of a run shares.
#[derive(Clone)]
struct Env {
    trace: Trace,
    leaves: ManualLeaves,
    other: Arc<Mutex<Option<Arc<OtherRuntime>>>>,
    /// The first error of a task, which ends the run.
    failure: Arc<Mutex<Option<ack_adapter::Error>>>,
    stopper: Stopper,
}

impl Env {
    /// A program's future as a task: its value is dropped, its error ends the run.
    async fn task(self, program: impl Future<Output = std::result::Result<String, Error>>) {
        if let Err(error) = program.await {
            self.failure.lock().unwrap_or_else(PoisonError::into_inner).get_or_insert(protocol_error(error));
            self.stopper.stop();
        }
    }
}

impl ProgramHost for Env {
    type Error = Error;
    type Future = Task;

    fn program(&self, program: CoroutineProgram) -> Task {
        Box::pin(interpret(program, self.clone()))
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }

    fn running_task(&self) -> Option<usize> {
        runtime::current_task()
    }

    fn spawn(&self, task: Task) -> std::result::Result<(), Error> {
        runtime::spawn(self.clone().task(task))
    }

    fn leaf(&self, leaf: &Leaf) -> Task {
        match leaf {
            Leaf::Manual { name } => {
                let leaf = self.leaves.leaf(name);
                Box::pin(async move { Ok(leaf.await) })
            }
            Leaf::Http { port, path, .. } => Box::pin(Http::get(*port, path, runtime::reactor)),
            Leaf::ThirdParty { port, path, .. } => Box::pin(ThirdParty::get(*port, path)),
            Leaf::OtherRuntime { port, path, .. } => Box::pin(OtherRuntime::get(*port, path)),
        }
    }

    /// The other runtime, made at the first call of the session.
    fn other_runtime(&self) -> std::result::Result<Arc<OtherRuntime>, Error> {
        let mut other = self.other.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(other) = &*other {
            return Ok(Arc::clone(other));
        }
        Ok(Arc::clone(other.insert(Arc::new(OtherRuntime::new()?))))
    }
}

#[cfg(test)]
mod tests {
    use std::thread;

    use ack_adapter::Runtime as _;

    use super::*;

    /// Runs `json` on a new thread, making each of `ready` ready by reference once a task waits on
    /// it; the run's outcome and the texts it logged.
    fn run(json: &str, ready: &[(&str, &str)]) -> (Result<()>, Vec<String>) {
        let runtime = Arc::new(Runtime::default());
        let (program, trace) = (CoroutineProgram::for_runtime(json).unwrap(), Trace::default());
        let (on_thread, recording) = (Arc::clone(&runtime), trace.clone());
        let running = thread::spawn(move || on_thread.block_on(program, recording, &StopSignal::default()));
        for (name, value) in ready {
            while runtime.leaf_ready(name, value, WakeBy::Reference).is_err() {
                thread::yield_now(); // until a task waits on it
            }
        }
        let ran = running.join().unwrap();
        let logs = trace.entries().into_iter().filter(|entry| entry.contains(r#""event":"log""#)).collect();
        (ran, logs)
    }

    #[test]
    fn the_buffer_is_written_through_one_reference_across_every_wait() {
        let (ran, logs) = run(
            r#"[{"do": "append", "text": "<"},
                {"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": "a"}, {"do": "append", "text": "{a}"},
                {"do": "create", "name": "c", "program": [{"do": "wait", "leaf": {"kind": "manual", "name": "B"}, "into": "b"}, {"do": "return", "value": "{b}"}]},
                {"do": "wait", "child": "c", "into": "b"}, {"do": "append", "text": ",{b}>"}, {"do": "log", "text": "{buffer}"}]"#,
            &[("A", "1"), ("B", "2")],
        );
        ran.unwrap();
        assert_eq!(logs, [r#"{"event":"log","task":0,"text":"<1,2>"}"#]);
    }

    #[test]
    fn a_spawned_task_that_fails_ends_the_run_with_its_error() {
        let (ran, _) = run(
            r#"[{"do": "create", "name": "c", "program": [{"do": "wait", "leaf": {"kind": "other-runtime", "port": 9, "path": "/0/x"}}]},
                {"do": "spawn", "child": "c"}, {"do": "wait", "leaf": {"kind": "manual", "name": "never"}}]"#,
            &[],
        );
        assert_eq!(ran.unwrap_err().kind(), ErrorKind::NotInitialised, "not the executor's stop");
    }
}
