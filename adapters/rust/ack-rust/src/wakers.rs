//! Area `wakers` (chapter 8): compiled coroutines run as tasks of `ack_impl::wakers` executors,
//! woken by its reactor and by manual leaves.

use std::sync::{Arc, PoisonError};

use ack_adapter::{Capability, CoroutineProgram, Error, Result, StopSignal, Trace};
use ack_impl::coroutines::ManualLeaves;
use ack_impl::wakers::{Executor, Observer, Parker, reactor};

use crate::coroutine::{Coroutine, Env, KeptWakers, protocol_error};
use crate::wake_at_sleep::WakeAtSleep;

/// The area, as the crate drives it: the session's manual leaves and kept wakers.
#[derive(Default)]
pub(crate) struct Wakers {
    leaves: ManualLeaves,
    kept: KeptWakers,
}

/// An executor's reports, as the run's trace entries; at each `sleep` it calls the wakers that
/// `yield_until_sleep` armed.
pub(crate) struct TraceObserver(pub(crate) Trace, pub(crate) WakeAtSleep);

impl Observer for TraceObserver {
    fn spawned(&self, task: usize) {
        self.0.spawned(task);
    }

    fn polled(&self, task: usize) {
        self.0.task_polled(task);
    }

    fn finished(&self, task: usize) {
        self.0.task_finished(task);
    }

    fn woken(&self, task: usize) {
        self.0.wake(task);
    }

    fn sleeping(&self, pending: usize) {
        self.0.sleep(pending);
        self.1.wake_from_another_thread();
    }

    fn all_finished(&self) {
        self.0.all_finished();
    }
}

impl ack_adapter::Wakers for Wakers {
    type Parker = Parker;

    fn capabilities(&self) -> &[Capability] {
        &[Capability::BlockOnValue, Capability::WakeReports]
    }

    fn reactor_start(&self) -> Result<()> {
        reactor::start().map(drop).map_err(protocol_error)
    }

    fn block_on(&self, program: CoroutineProgram, trace: Trace, stop: &StopSignal) -> Result<String> {
        let at_sleep = WakeAtSleep::default();
        let executor = Executor::new(Arc::new(TraceObserver(trace.clone(), at_sleep.clone())));
        let stopper = executor.stopper();
        stop.on_stop(move || stopper.stop());
        let env = Env::on_executor(trace, self.leaves.clone(), Arc::clone(&self.kept), at_sleep);
        let root = Coroutine::new(program, env);
        executor.block_on(root).map_err(protocol_error)
    }

    fn leaf_ready(&self, name: &str, value: &str) -> Result<()> {
        self.leaves.make_ready(name, value);
        Ok(())
    }

    fn wake(&self, name: &str) -> Result<()> {
        let waker = self.kept.lock().unwrap_or_else(PoisonError::into_inner).get(name).cloned();
        let waker = waker.ok_or_else(|| {
            Error::new(ack_adapter::ErrorKind::BadRequest, format!("no program kept a waker under {name:?}"))
        })?;
        waker.wake();
        Ok(())
    }

    fn parker_new(&self) -> Result<Parker> {
        Ok(Parker::default())
    }

    fn unpark(&self, parker: &Parker) -> Result<()> {
        parker.unpark();
        Ok(())
    }

    fn park(&self, parker: &Parker) -> Result<()> {
        parker.park();
        Ok(())
    }

    fn reset(&self) {
        reactor::stop();
        self.leaves.clear();
        self.kept.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}
