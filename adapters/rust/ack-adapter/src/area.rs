//! Areas: what the server needs from each (`eq.*`, `fb.*`, …), and their capabilities.

use std::any::Any;

use crate::args::Args;
use crate::error::Result;
use crate::handles::Handles;
use crate::json::Json;

/// An area of the protocol (§3.1), in chapter order: the handshake lists them so.
///
/// A new area is a variant here, a module with its trait and an [`Area`]
/// implementation, and one method on [`Adapter`](crate::Adapter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum AreaId {
    EventQueue,
    Fibers,
    Coroutines,
    Wakers,
    Pinning,
    Runtime,
}

impl AreaId {
    pub(crate) const ALL: [AreaId; 6] =
        [AreaId::EventQueue, AreaId::Fibers, AreaId::Coroutines, AreaId::Wakers, AreaId::Pinning, AreaId::Runtime];

    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            AreaId::EventQueue => "event-queue",
            AreaId::Fibers => "fibers",
            AreaId::Coroutines => "coroutines",
            AreaId::Wakers => "wakers",
            AreaId::Pinning => "pinning",
            AreaId::Runtime => "runtime",
        }
    }

    /// What the area's ops start with.
    pub(crate) fn op_prefix(self) -> &'static str {
        match self {
            AreaId::EventQueue => "eq.",
            AreaId::Fibers => "fb.",
            AreaId::Coroutines => "co.",
            AreaId::Wakers => "wk.",
            AreaId::Pinning => "pn.",
            AreaId::Runtime => "rt.",
        }
    }
}

/// Optional behaviour an implementation claims in the handshake; scenarios that need a capability
/// not claimed are reported as not claimed, never as failed (§3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Capability {
    /// Area `event-queue`: registrations with `"trigger": "edge"` (EQ-10).
    EdgeTriggered,
    /// Area `event-queue`: registrations with `"oneshot": true` (EQ-11).
    Oneshot,
    /// Area `pinning`: values pinned in a scope, until `pn.scope_end` (PN-09).
    ScopedPinning,
    /// Area `event-queue`: `eq.reregister` (EQ-12).
    Reregister,
    /// Area `event-queue`: `eq.deregister` (EQ-13, EQ-15).
    Deregister,
    /// Area `event-queue`: wakers bound to a poll instance (EQ-24, EQ-25, EQ-33).
    EventQueueWaker,
    /// Area `event-queue`: registering from another thread while a poll blocks (EQ-23).
    CrossThreadRegistry,
    /// Area `event-queue`: empty interests and a capacity of 0 rejected (EQ-03, EQ-32).
    ArgumentChecks,
    /// Area `event-queue`: events carry `read_closed`, `write_closed` and `error` (EQ-35).
    EventFlags,
    /// Area `fibers`: `slots` other than the default (FB-22, FB-23).
    ConfigurableSlots,
    /// Area `fibers`: `stack_size` other than the default (FB-18, FB-22, FB-24).
    ConfigurableStackSize,
    /// Area `fibers`: stack exhaustion reported as `StackOverflow` (FB-18).
    StackGuard,
    /// Area `fibers`: a fiber call without a runtime is an error, not a null-pointer dereference
    /// (FB-17).
    RuntimeCheck,
    /// Area `fibers`: `run` returns to its caller and the runtime runs again (FB-10).
    RunReturns,
    /// Area `coroutines`: `join_all`'s value is its children's values in order (CO-19).
    JoinedValues,
    /// Area `wakers`: `block_on` returns the root task's value (WK-20).
    BlockOnValue,
    /// Area `wakers`: every call of a task's waker, the reactor's included, is a `wake` entry (WK-22).
    WakeReports,
    /// Area `fibers`, a declaration rather than a capability: `run` ends the process (the book's
    /// `exit(0)`); the crate then sends each trace entry as a `trace` event as it happens (§6.1).
    RunEndsProcess,
}

impl Capability {
    /// The capability as the handshake spells it.
    pub const fn wire_name(self) -> &'static str {
        match self {
            Capability::EdgeTriggered => "edge-triggered",
            Capability::Oneshot => "oneshot",
            Capability::ScopedPinning => "scoped-pinning",
            Capability::Reregister => "reregister",
            Capability::Deregister => "deregister",
            Capability::EventQueueWaker => "event-queue-waker",
            Capability::CrossThreadRegistry => "cross-thread-registry",
            Capability::ArgumentChecks => "argument-checks",
            Capability::EventFlags => "event-flags",
            Capability::ConfigurableSlots => "configurable-slots",
            Capability::ConfigurableStackSize => "configurable-stack-size",
            Capability::StackGuard => "stack-guard",
            Capability::RuntimeCheck => "runtime-check",
            Capability::RunReturns => "run-returns",
            Capability::JoinedValues => "joined-values",
            Capability::BlockOnValue => "block-on-value",
            Capability::WakeReports => "wake-reports",
            Capability::RunEndsProcess => "run-ends-process",
        }
    }
}

/// What the server needs from an area: the crate implements it once per area trait, around the
/// student's implementation.
pub(crate) trait Area {
    fn id(&self) -> AreaId;

    /// What the handshake claims for this area; none unless the area says otherwise.
    fn capabilities(&self) -> Vec<Capability> {
        Vec::new()
    }

    /// Answers one of the area's ops; `handles` issues the numbers of new objects.
    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json>;

    /// Releases everything the session created in this area (§3.2).
    fn reset(&mut self);
}

/// The text of a panic, for the `Internal` reply that reports it.
pub(crate) fn panic_message(panic: &(dyn Any + Send)) -> String {
    format!("panicked: {}", crate::error::panic_text(panic).unwrap_or("a panic without a message"))
}
