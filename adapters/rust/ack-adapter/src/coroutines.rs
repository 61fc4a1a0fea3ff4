//! Area `coroutines` (chapter 7; spec/protocol.md §7.1): the runner polls coroutines itself.

use std::task::Poll;

use crate::Capability;
use crate::area::{Area, AreaId};
use crate::args::Args;
use crate::error::{Error, Result};
use crate::handles::{Handles, Table};
use crate::json::Json;
use crate::program::{self, CoroutineProgram};
use crate::trace::Trace;

/// Stackless coroutines that the runner polls (chapter 7 has no wakers: whoever polls decides when
/// to poll again). Implement it for a type of yours and pass that to
/// [`Adapter::coroutines`](crate::Adapter::coroutines).
pub trait Coroutines {
    /// A coroutine compiled from a program: a state machine, an `async` block, ….
    type Coroutine;

    /// The optional behaviour this area has beyond the book's code ([`Capability`]); the
    /// handshake claims it. None unless you say.
    fn capabilities(&self) -> &[Capability] {
        &[]
    }

    /// `co.create`: turns `program` into a coroutine that records into `trace` (clone it into
    /// whatever records). Nothing of the program may run yet (CO-01).
    fn create(&self, program: CoroutineProgram, trace: &Trace) -> Result<Self::Coroutine> {
        let _ = (program, trace);
        Err(Error::unsupported("co.create"))
    }

    /// `co.poll`: one poll, run as far as the coroutine can go. Polling again after Ready is
    /// yours to fail with `PolledAfterReady` (CO-05). The reply carries the trace entries recorded
    /// since the previous poll; the entries of a poll that fails are dropped (§7).
    fn poll(&self, coroutine: &mut Self::Coroutine) -> Result<Poll<String>> {
        let _ = coroutine;
        Err(Error::unsupported("co.poll"))
    }

    /// `co.leaf_ready`: makes manual leaf `name` Ready with `value` (also before its first poll).
    fn leaf_ready(&self, name: &str, value: &str) -> Result<()> {
        let _ = (name, value);
        Err(Error::unsupported("co.leaf_ready"))
    }

    /// `reset`: forget the session's leaves and close their connections. The crate drops the
    /// session's coroutines first. The default does nothing.
    fn reset(&self) {}
}

/// Serves the `co.*` ops with [`Coroutines`].
pub(crate) struct CoroutinesArea<C: Coroutines> {
    coroutines: C,
    created: Table<C::Coroutine>,
    trace: Trace,
}

impl<C: Coroutines> CoroutinesArea<C> {
    pub(crate) fn new(coroutines: C) -> Self {
        CoroutinesArea { coroutines, created: Table::new("coroutine"), trace: Trace::default() }
    }
}

impl<C: Coroutines> Area for CoroutinesArea<C> {
    fn id(&self) -> AreaId {
        AreaId::Coroutines
    }

    fn capabilities(&self) -> Vec<Capability> {
        self.coroutines.capabilities().to_vec()
    }

    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        match op {
            "co.create" => {
                let coroutine = self.coroutines.create(program::program(args, "program")?, &self.trace)?;
                Ok(Json::object([("coroutine", self.created.issue(handles, coroutine).into())]))
            }
            "co.poll" => {
                let coroutine = self.created.get_mut(args.handle("coroutine")?)?;
                let polled = self.coroutines.poll(coroutine);
                let trace = Json::Array(self.trace.take());
                Ok(match polled? {
                    Poll::Ready(value) => {
                        Json::object([("ready", true.into()), ("value", value.into()), ("trace", trace)])
                    }
                    Poll::Pending => Json::object([("ready", false.into()), ("trace", trace)]),
                })
            }
            "co.leaf_ready" => {
                self.coroutines.leaf_ready(args.string("name")?, args.string("value")?)?;
                Ok(Json::object([]))
            }
            _ => Err(Error::bad_request(format!("unknown op {op:?}"))),
        }
    }

    fn reset(&mut self) {
        self.created.clear();
        self.coroutines.reset();
        self.trace.take();
    }
}
