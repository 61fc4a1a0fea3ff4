//! Events the adapter sends between replies (spec/protocol.md §2): the `trace` entries of a fibers
//! run that ends the process (§6.1), which cannot wait for a reply that will never be sent.
use std::fs::File;
use std::io;
use std::sync::{Mutex, PoisonError};

use crate::json::Json;
use crate::stdout;

/// A second handle to the protocol's stream, for events; none when serving other streams (tests).
static PROTOCOL: Mutex<Option<File>> = Mutex::new(None);

/// Lets events reach the runner on the protocol's stream.
pub(crate) fn install(protocol: &File) -> io::Result<()> {
    *PROTOCOL.lock().unwrap_or_else(PoisonError::into_inner) = Some(protocol.try_clone()?);
    Ok(())
}

/// Sends one `trace` event of `area` at once, flushed: the process may end right after it.
pub(crate) fn trace(area: &str, data: &Json) {
    if let Some(protocol) = PROTOCOL.lock().unwrap_or_else(PoisonError::into_inner).as_mut() {
        let event = Json::object([("event", "trace".into()), ("area", area.into()), ("data", data.clone())]);
        // A runner that is gone cannot be told; the run's end will show it.
        let _ = stdout::send_line(protocol, &event);
    }
}
