//! Area `fibers` (chapter 5): programs interpreted on `ack_impl::fibers`.
//!
//! ack-adapter's interpreter runs the programs on the context that runs them, with the runtime's
//! yield, spawn and stack guard.

use ack_adapter::{
    Capability, Error, ErrorKind, FiberContext, FiberProgram, FiberTrace, Result, RuntimeCall, RuntimeConfig,
};
use ack_impl::fibers::{self, Runtime};

/// The area, as the crate drives it.
pub(crate) struct Fibers;

fn protocol_error(error: fibers::Error) -> Error {
    let kind = match error {
        fibers::Error::NoFreeSlot => ErrorKind::NoFreeSlot,
        fibers::Error::StackOverflow => ErrorKind::StackOverflow,
        fibers::Error::NotInitialised => ErrorKind::NotInitialised,
        fibers::Error::InvalidArgument(_) => ErrorKind::InvalidArgument,
        fibers::Error::Io(_) => ErrorKind::Io,
    };
    Error::new(kind, error.to_string())
}

impl ack_adapter::Fibers for Fibers {
    type Runtime = Runtime;

    fn capabilities(&self) -> &[Capability] {
        &[
            Capability::ConfigurableSlots,
            Capability::ConfigurableStackSize,
            Capability::StackGuard,
            Capability::RuntimeCheck,
            Capability::RunReturns,
        ]
    }

    fn runtime_new(&self, config: RuntimeConfig) -> Result<Runtime> {
        let size = |value: i64| {
            usize::try_from(value).map_err(|_| Error::new(ErrorKind::InvalidArgument, format!("{value} is below 1")))
        };
        let runtime = Runtime::new(size(config.slots)?, size(config.stack_size)?).map_err(protocol_error)?;
        runtime.init();
        Ok(runtime)
    }

    fn run(&self, runtime: &mut Runtime, program: &FiberProgram, trace: &FiberTrace) -> Result<()> {
        program.interpret(&Context(runtime.clone()), trace);
        runtime.run();
        Ok(())
    }

    fn call_outside_runtime(&self, call: RuntimeCall) -> Result<()> {
        match call {
            RuntimeCall::Yield => fibers::yield_now().map(drop),
            RuntimeCall::Spawn => fibers::spawn(|| {}).map(drop),
        }
        .map_err(protocol_error)
    }
}

/// The runtime as the interpreter drives it: its errors said the protocol's way.
#[derive(Clone)]
struct Context(Runtime);

impl FiberContext for Context {
    fn running_id(&self) -> usize {
        self.0.current_id()
    }

    fn yield_now(&self) {
        self.0.yield_now();
    }

    fn spawn(&self, task: impl FnOnce() + 'static) -> Result<usize> {
        self.0.spawn(task).map_err(protocol_error)
    }

    fn check_stack(&self, bytes: usize) -> Result<()> {
        self.0.check_stack(bytes).map_err(protocol_error)
    }
}
