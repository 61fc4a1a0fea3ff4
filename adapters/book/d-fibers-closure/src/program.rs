//! Fiber programs run by ack-adapter's interpreter on the book's threads: `yield` is the book's
//! `yield_thread`, `spawn` its `Runtime::spawn`, read through [`bridge`]. The `finished` entry
//! the interpreter writes when a spawned fiber's program ends is what the book's `guard` prints,
//! `THREAD n FINISHED.`.

use ack_adapter::{FiberContext, FiberInstruction, Result};

use crate::book::{bridge, yield_thread};

/// The book's running runtime, as the interpreter drives it. Its stacks have no guard, so the
/// stack check is the default one, which checks nothing.
#[derive(Clone)]
pub(crate) struct BookThreads;

impl FiberContext for BookThreads {
    fn running_id(&self) -> usize {
        bridge::running_id()
    }

    fn yield_now(&self) {
        yield_thread();
    }

    fn spawn(&self, task: impl FnOnce() + 'static) -> Result<usize> {
        bridge::spawn(task)
    }
}

/// Whether `program` asks for a stack to be exhausted, which needs `stack-guard`: the book's
/// stacks are plain `Vec`s, so an exhausted one overwrites whatever lies below it.
pub(crate) fn exhausts_a_stack(program: &[FiberInstruction]) -> bool {
    program.iter().any(|instruction| match instruction {
        FiberInstruction::ExhaustStack { .. } => true,
        FiberInstruction::Repeat { body, .. } | FiberInstruction::Nested { body, .. } | FiberInstruction::Spawn(body) => {
            exhausts_a_stack(body)
        }
        _ => false,
    })
}
