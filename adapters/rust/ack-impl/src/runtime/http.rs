//! Http: the book's chapter 10 `Http::get`, a standard future woken by a runtime's reactor.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::Reactor;
use crate::coroutines::Error;
use crate::coroutines::http::{body, read_available, request, write_all};
use crate::event_queue::TcpStream;

/// The book reads into a buffer of 147 bytes: a response comes in several reads, and the future
/// must still be Ready once, with all of it.
const READ_CHUNK: usize = 147;

/// A `GET path` to the delay server on 127.0.0.1, lazy: the first poll finds the reactor (through
/// `reactor`, which says which runtime the leaf belongs to), connects, sends and registers. Each
/// poll leaves `cx.waker()` with the reactor, which wakes the most recent one by reference when
/// data arrives; the future reads until it would block and is Ready with the body once the server
/// has closed the connection.
pub struct Http {
    port: u16,
    path: String,
    reactor: fn() -> Result<Arc<Reactor>, Error>,
    started: bool,
    stream: Option<TcpStream>,
    response: Vec<u8>,
    /// The reactor watching the stream, and the stream's id there.
    registration: Option<(Arc<Reactor>, usize)>,
}

impl Http {
    /// A request to be woken by the reactor `reactor` finds at the first poll; when it finds none,
    /// that poll fails with its `NotInitialised`.
    pub fn get(port: u16, path: &str, reactor: fn() -> Result<Arc<Reactor>, Error>) -> Http {
        Http {
            port,
            path: path.to_owned(),
            reactor,
            started: false,
            stream: None,
            response: Vec::new(),
            registration: None,
        }
    }

    fn start(&mut self, cx: &Context<'_>) -> Result<(), Error> {
        // Before anything is sent: no reactor, no request.
        let reactor = (self.reactor)()?;
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        write_all(&mut stream, request(&self.path).as_bytes())?;
        let id = reactor.next_id();
        // The waker first: an event right after registering must find it.
        reactor.set_waker(cx.waker(), id);
        reactor.register(&stream, id)?;
        self.registration = Some((reactor, id));
        self.stream = Some(stream);
        Ok(())
    }

    /// Reads what has arrived; `Some(body)` once the response is whole.
    fn read(&mut self, cx: &Context<'_>) -> Result<Option<String>, Error> {
        let Some(stream) = &mut self.stream else { return Err(Error::PolledAfterReady) };
        // Before reading: data that arrives after the read must wake this poll's waker.
        if let Some((reactor, id)) = &self.registration {
            reactor.set_waker(cx.waker(), *id);
        }
        if !read_available(stream, &mut self.response, &mut [0; READ_CHUNK])? {
            return Ok(None);
        }
        self.close()?;
        Ok(Some(body(&std::mem::take(&mut self.response))))
    }

    fn close(&mut self) -> io::Result<()> {
        let stream = self.stream.take();
        match (self.registration.take(), &stream) {
            (Some((reactor, id)), Some(stream)) => reactor.deregister(stream, id),
            _ => Ok(()),
        }
    }
}

impl Future for Http {
    type Output = Result<String, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // Nothing of it points into itself: it is `Unpin`, and may be used as `&mut`.
        let this = self.get_mut();
        if !std::mem::replace(&mut this.started, true) {
            return match this.start(cx) {
                Ok(()) => Poll::Pending,
                Err(error) => Poll::Ready(Err(error)),
            };
        }
        match this.read(cx) {
            Ok(None) => Poll::Pending,
            Ok(Some(body)) => Poll::Ready(Ok(body)),
            Err(error) => Poll::Ready(Err(error)),
        }
    }
}

impl Drop for Http {
    /// A request dropped before its end leaves no registration behind.
    fn drop(&mut self) {
        if let Err(error) = self.close() {
            eprintln!("ERROR: deregistering a dropped request: {error}");
        }
    }
}
