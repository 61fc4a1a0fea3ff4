//! Area `coroutines` (chapter 7): the runner polls compiled coroutines itself, with no wakers.

use std::task::Poll;

use ack_adapter::{Capability, CoroutineProgram, Result, Trace};
use ack_impl::coroutines::Future as _;
use ack_impl::coroutines::{ManualLeaves, PollState};
use ack_impl::wakers::Waker;

use crate::coroutine::{Coroutine, Env, protocol_error};

/// The area, as the crate drives it: the session's manual leaves.
#[derive(Default)]
pub(crate) struct Coroutines {
    leaves: ManualLeaves,
}

impl ack_adapter::Coroutines for Coroutines {
    type Coroutine = Coroutine;

    fn capabilities(&self) -> &[Capability] {
        &[Capability::JoinedValues]
    }

    fn create(&self, program: CoroutineProgram, trace: &Trace) -> Result<Coroutine> {
        Ok(Coroutine::new(program, Env::polled_by_runner(trace.clone(), self.leaves.clone())))
    }

    /// Chapter 7 has no wakers: whoever polls decides when to poll again.
    fn poll(&self, coroutine: &mut Coroutine) -> Result<Poll<String>> {
        match coroutine.poll(&Waker::noop()) {
            PollState::NotReady => Ok(Poll::Pending),
            PollState::Ready(value) => value.map(Poll::Ready).map_err(protocol_error),
        }
    }

    fn leaf_ready(&self, name: &str, value: &str) -> Result<()> {
        self.leaves.make_ready(name, value);
        Ok(())
    }

    fn reset(&self) {
        self.leaves.clear();
    }
}
