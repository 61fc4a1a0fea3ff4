//! The glue: `fb.runtime_new` is the book's `Runtime::new` and `init`, `fb.run` runs the program on
//! the base context and then the book's `run`, which ends the process with `exit(0)`.

use ack_adapter::{Capability, Error, ErrorKind, FiberProgram, FiberTrace, Fibers, Result, RuntimeConfig};

use crate::book::Runtime;
use crate::program::{self, BookThreads};

/// d-fibers-closure's fibers. Nothing beyond the chapter is claimed: its slots and stack size are
/// constants, its stacks have no guard, `yield_thread` before `init` dereferences a null pointer,
/// and `run` never returns, which the adapter declares.
pub(crate) struct BookFibers;

impl Fibers for BookFibers {
    /// In a `Box` before `init`, which keeps the runtime's address: the crate's handle table may
    /// move what it holds, and the book's global pointer must not dangle.
    type Runtime = Box<Runtime>;

    fn capabilities(&self) -> &[Capability] {
        &[Capability::RunEndsProcess]
    }

    fn runtime_new(&self, config: RuntimeConfig) -> Result<Box<Runtime>> {
        // PR-10: other slots or stack sizes need capabilities the book's constants do not have.
        if config != RuntimeConfig::default() {
            return Err(Error::new(ErrorKind::Unsupported, "the book's MAX_THREADS and DEFAULT_STACK_SIZE are fixed"));
        }
        let runtime = Box::new(Runtime::new());
        runtime.init();
        Ok(runtime)
    }

    fn run(&self, runtime: &mut Box<Runtime>, program: &FiberProgram, trace: &FiberTrace) -> Result<()> {
        if program::exhausts_a_stack(program) {
            return Err(Error::new(ErrorKind::Unsupported, "exhaust_stack needs stack-guard, which the book's stacks lack"));
        }
        program.interpret(&BookThreads, trace);
        runtime.run()
    }
}
