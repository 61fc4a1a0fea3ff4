//! The futures a program waits on. An http leaf is the book's `Http::get`; the others are glue the
//! protocol asks of an adapter where the book has nothing to call (spec/protocol.md §7.3), taken
//! from `ack-impl`: manual leaves the runner makes ready, a third-party client that does its own
//! I/O on a thread and wakes through the standard waker (the book's isahc), and a leaf of another
//! runtime that works only inside that runtime's context (the book's reqwest on Tokio).

use std::sync::{Arc, Mutex, PoisonError};

use ack_adapter::{Error, ErrorKind, Leaf, Result, WakeBy};
use ack_impl::runtime::{ManualLeaves, OtherRuntime, ThirdParty, Wake};

use crate::http::Http;
use crate::program::Program;

/// What the leaves of a session's programs share: the manual leaves, and the other runtime, made
/// at the first `enter_other_runtime`.
#[derive(Clone, Default)]
pub(crate) struct Leaves {
    manual: ManualLeaves,
    other: Arc<Mutex<Option<Arc<OtherRuntime>>>>,
}

impl Leaves {
    /// A new future for `leaf`.
    pub(crate) fn leaf(&self, leaf: &Leaf) -> Program {
        match leaf {
            Leaf::Manual { name } => {
                let leaf = self.manual.leaf(name);
                Box::pin(async move { Ok(leaf.await) })
            }
            // The book's request goes to 127.0.0.1:8080 whatever the port: run the kit with
            // `--delay-server-port 8080`.
            Leaf::Http { path, .. } => {
                let path = path.clone();
                Box::pin(async move { Ok(body(&Http::get(&path).await)) })
            }
            Leaf::ThirdParty { port, path, .. } => {
                let request = ThirdParty::get(*port, path);
                Box::pin(async move { request.await.map_err(glue_error) })
            }
            Leaf::OtherRuntime { port, path, .. } => {
                let request = OtherRuntime::get(*port, path);
                Box::pin(async move { request.await.map_err(glue_error) })
            }
        }
    }

    /// The other runtime, made at the first call of the session.
    pub(crate) fn other_runtime(&self) -> Result<Arc<OtherRuntime>> {
        let mut other = self.other.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(other) = &*other {
            return Ok(Arc::clone(other));
        }
        Ok(Arc::clone(other.insert(Arc::new(OtherRuntime::new().map_err(glue_error)?))))
    }

    /// Makes manual leaf `name` Ready and wakes its task through the waker its most recent poll
    /// left, from the calling thread.
    pub(crate) fn make_ready(&self, name: &str, value: &str, wake: WakeBy) -> Result<()> {
        let wake = match wake {
            WakeBy::Value => Wake::ByValue,
            WakeBy::Reference => Wake::ByReference,
        };
        if self.manual.make_ready(name, value, wake) {
            return Ok(());
        }
        Err(Error::new(ErrorKind::BadRequest, format!("no program waits on leaf {name:?}")))
    }

    /// Forgets the manual leaves and ends the other runtime.
    pub(crate) fn clear(&self) {
        self.manual.clear();
        self.other.lock().unwrap_or_else(PoisonError::into_inner).take();
    }
}

/// The book's future is Ready with the whole response; a program binds its body, the bytes after
/// the blank line that ends the headers (spec/protocol.md §7).
fn body(response: &str) -> String {
    response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default()
}

/// The glue leaves' errors as the protocol's.
fn glue_error(error: ack_impl::coroutines::Error) -> Error {
    use ack_impl::coroutines::Error as Glue;
    let kind = match error {
        Glue::Io(error) => return error.into(),
        Glue::NotInitialised(_) => ErrorKind::NotInitialised,
        Glue::AlreadyRunning => ErrorKind::AlreadyRunning,
        Glue::PolledAfterReady => ErrorKind::PolledAfterReady,
        Glue::Stopped => ErrorKind::Internal,
    };
    Error::new(kind, error.to_string())
}
