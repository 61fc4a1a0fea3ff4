//! Area `coroutines` (chapter 7): the runner polls the programs' machines itself.

use std::panic::{self, AssertUnwindSafe};
use std::task::Poll;

use ack_adapter::{CoroutineProgram, Error, ErrorKind, Result, Trace};
use program_machine::{Machine, ManualLeaves};

use crate::book_futures::BookFutures;
use crate::future::{Future, PollState};

/// The area, as ack-adapter drives it: the session's manual leaves. It claims no capability: the
/// book's `join_all` is Ready with an empty `String`, not its children's values (`joined-values`).
#[derive(Default)]
pub struct Coroutines {
    leaves: ManualLeaves<()>,
}

impl ack_adapter::Coroutines for Coroutines {
    type Coroutine = Machine<BookFutures>;

    fn create(&self, program: CoroutineProgram, trace: &Trace) -> Result<Machine<BookFutures>> {
        Ok(Machine::new(program, BookFutures { trace: trace.clone(), leaves: self.leaves.clone() }))
    }

    /// A poll of the book's trait. Its futures fail only by panicking: a machine polled after
    /// Ready panics as corofy's do (`PolledAfterReady`), and an instruction chapter 7 cannot run
    /// panics with its error; any other panic is ack-adapter's `Internal`.
    fn poll(&self, coroutine: &mut Machine<BookFutures>) -> Result<Poll<String>> {
        match panic::catch_unwind(AssertUnwindSafe(|| coroutine.poll())) {
            Ok(PollState::Ready(value)) => Ok(Poll::Ready(value)),
            Ok(PollState::NotReady) => Ok(Poll::Pending),
            Err(panic) => match panic.downcast::<Error>() {
                Ok(error) => Err(*error),
                Err(panic) if panic.downcast_ref::<&str>() == Some(&"Polled a resolved future") => {
                    Err(Error::new(ErrorKind::PolledAfterReady, "Polled a resolved future"))
                }
                Err(panic) => panic::resume_unwind(panic),
            },
        }
    }

    fn leaf_ready(&self, name: &str, value: &str) -> Result<()> {
        // Chapter 7 has no wakers: the runner polls again when it likes.
        self.leaves.make_ready(name, value);
        Ok(())
    }

    fn reset(&self) {
        self.leaves.clear();
    }
}
