//! ThirdParty: a request made by a client that is not the runtime's (the book's isahc).

use std::future::Future;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread;

use crate::coroutines::Error;
use crate::coroutines::http::{body, request};

/// A `GET path` to the delay server that knows nothing of our reactor or executor: its first poll
/// starts a thread of its own that makes the request with a blocking `std::net::TcpStream`, and
/// when the response is whole, that thread calls `wake()` on the waker the most recent poll left.
/// All it relies on is the standard contract of `Future` and `Waker`.
pub struct ThirdParty {
    port: u16,
    path: String,
    shared: Option<Arc<Mutex<Shared>>>,
}

/// What the request's thread and the future share.
#[derive(Default)]
struct Shared {
    response: Option<io::Result<String>>,
    waker: Option<Waker>,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ThirdParty {
    /// A request that starts at its first poll.
    pub fn get(port: u16, path: &str) -> ThirdParty {
        ThirdParty { port, path: path.to_owned(), shared: None }
    }

    fn start(&self, shared: Arc<Mutex<Shared>>) -> io::Result<()> {
        let (port, request) = (self.port, request(&self.path));
        thread::Builder::new().name("third-party-client".into()).spawn(move || {
            let response = fetch(port, &request);
            let waker = {
                let mut shared = lock(&shared);
                shared.response = Some(response);
                shared.waker.take()
            };
            if let Some(waker) = waker {
                waker.wake();
            }
        })?;
        Ok(())
    }
}

/// The whole blocking request: connect, send, read until the server closes.
fn fetch(port: u16, request: &str) -> io::Result<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.write_all(request.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    Ok(body(&response))
}

impl Future for ThirdParty {
    type Output = Result<String, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let shared = match &this.shared {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared = Arc::new(Mutex::new(Shared::default()));
                // The waker before the thread: a response faster than this poll must find it.
                lock(&shared).waker = Some(cx.waker().clone());
                if let Err(error) = this.start(Arc::clone(&shared)) {
                    return Poll::Ready(Err(error.into()));
                }
                this.shared = Some(shared);
                return Poll::Pending;
            }
        };
        let mut shared = lock(&shared);
        match shared.response.take() {
            Some(response) => Poll::Ready(response.map_err(Error::from)),
            None => {
                // Keep the most recent waker: the task may have moved to another executor's poll.
                shared.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
