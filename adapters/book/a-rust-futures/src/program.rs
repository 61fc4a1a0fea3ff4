//! A program as native async code (spec/runtime.md RT-01): `ack_impl::runtime::interpret`, an
//! `async fn` that keeps the program's locals, created children and buffer in the future the
//! compiler makes of it, run on the book's executor: the run is its host, spawning on the book's
//! `spawn` and numbering tasks as the book's executor does.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use ack_adapter::{CoroutineProgram, Error, Leaf, Result, Trace};
use ack_impl::runtime::{interpret, OtherRuntime, ProgramHost};

use crate::leaves::Leaves;
use crate::tasks::{self, Tasks, Traced};

/// A program's future, or a leaf's: Ready with its value. Not `Send`: the book's tasks stay on the
/// thread of the executor that spawned them.
pub(crate) type Program = Pin<Box<dyn Future<Output = Result<String>>>>;

/// What the tasks of one run share.
#[derive(Clone)]
pub(crate) struct Run {
    trace: Trace,
    leaves: Leaves,
    tasks: Tasks,
    /// The first error of a task, which is the run's once `block_on` returns.
    failure: Rc<RefCell<Option<Error>>>,
}

impl Run {
    pub(crate) fn new(trace: Trace, leaves: Leaves) -> Run {
        Run { tasks: Tasks::new(trace.clone()), trace, leaves, failure: Rc::default() }
    }

    /// The root task, for the book's `block_on`.
    pub(crate) fn root(&self, program: CoroutineProgram) -> Traced {
        self.tasks.root(self.task(self.program(program)))
    }

    /// How the run ended, once `block_on` returned.
    pub(crate) fn outcome(&self) -> Result<()> {
        self.failure.borrow_mut().take().map_or(Ok(()), Err)
    }

    /// A program's future as a task, whose value is dropped (RT-04) and whose error is the run's.
    fn task(&self, program: Program) -> impl Future<Output = ()> + 'static {
        let failure = Rc::clone(&self.failure);
        async move {
            if let Err(error) = program.await {
                failure.borrow_mut().get_or_insert(error);
            }
        }
    }
}

impl ProgramHost for Run {
    type Error = Error;
    type Future = Program;

    fn program(&self, program: CoroutineProgram) -> Program {
        Box::pin(interpret(program, self.clone()))
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }

    fn running_task(&self) -> Option<usize> {
        Some(tasks::polling())
    }

    fn spawn(&self, task: Program) -> Result<()> {
        self.tasks.spawn(self.task(task));
        Ok(())
    }

    fn leaf(&self, leaf: &Leaf) -> Program {
        self.leaves.leaf(leaf)
    }

    fn other_runtime(&self) -> Result<Arc<OtherRuntime>> {
        self.leaves.other_runtime()
    }
}
