//! Areas: what the server needs from each (`eq.*`, `fb.*`, …), and their capabilities.

use std::any::Any;

use crate::args::Args;
use crate::error::Result;
use crate::handles::Handles;
use crate::json::Json;

/// An area of the protocol (§3.1), in chapter order: the handshake lists them so.
///
/// A new area (`runtime`) is a variant here, a module with its trait and an [`Area`]
/// implementation, and one method on [`Adapter`](crate::Adapter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum AreaId {
    EventQueue,
    Fibers,
    Coroutines,
    Wakers,
    Pinning,
}

impl AreaId {
    pub(crate) const ALL: [AreaId; 5] =
        [AreaId::EventQueue, AreaId::Fibers, AreaId::Coroutines, AreaId::Wakers, AreaId::Pinning];

    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            AreaId::EventQueue => "event-queue",
            AreaId::Fibers => "fibers",
            AreaId::Coroutines => "coroutines",
            AreaId::Wakers => "wakers",
            AreaId::Pinning => "pinning",
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
}

impl Capability {
    /// The capability as the handshake spells it.
    pub const fn wire_name(self) -> &'static str {
        match self {
            Capability::EdgeTriggered => "edge-triggered",
            Capability::Oneshot => "oneshot",
            Capability::ScopedPinning => "scoped-pinning",
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
    let text = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message");
    format!("panicked: {text}")
}
