//! Mode: how a registration reports readiness over time.

use super::sys::{EPOLLET, EPOLLONESHOT};

/// Level-triggered (the default: reported on every poll while ready), edge-triggered (reported
/// once per transition to ready) and, on top of either, oneshot (reported once, then disarmed
/// until `reregister` re-arms it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mode {
    edge: bool,
    oneshot: bool,
}

impl Mode {
    /// Reported on every poll for as long as the source is ready.
    pub const LEVEL: Mode = Mode { edge: false, oneshot: false };
    /// Reported once each time the source becomes ready (`EPOLLET`).
    pub const EDGE: Mode = Mode { edge: true, oneshot: false };

    /// This mode, disarmed after its first event (`EPOLLONESHOT`).
    pub const fn oneshot(self) -> Mode {
        Mode { oneshot: true, ..self }
    }

    pub(crate) fn flags(self) -> u32 {
        (if self.edge { EPOLLET } else { 0 }) | (if self.oneshot { EPOLLONESHOT } else { 0 })
    }
}
