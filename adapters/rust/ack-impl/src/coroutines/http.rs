//! HttpGet: the book's `Http::get` leaf, a GET request to the delay server on 127.0.0.1.

use std::io::{self, Read, Write};
use std::sync::Arc;

use super::{Error, Future, PollState};
use crate::event_queue::TcpStream;
use crate::wakers::reactor::Reactor;
use crate::wakers::{Waker, reactor};

const HOST: &str = "127.0.0.1";

/// A `GET path` request, lazy like the book's: making it sends nothing (CO-01).
///
/// The first poll connects (blocking, as the book's), sends the request and returns `NotReady`
/// without reading (CO-11). Later polls read what has arrived without blocking; once the server
/// has closed the connection the future is Ready with the response's body (CO-12).
///
/// Chapter 7's leaf ([`HttpGet::polled_by_caller`]) leaves it to the caller to poll again.
/// Chapter 8's ([`HttpGet::woken_by_reactor`]) registers its socket with the running reactor,
/// which calls the waker of the most recent poll when data arrives, and deregisters at the end
/// (WK-17).
pub struct HttpGet {
    port: u16,
    path: String,
    woken_by_reactor: bool,
    stream: Option<TcpStream>,
    response: Vec<u8>,
    /// Chapter 8: the reactor watching the stream, and the stream's id there.
    reactor: Option<(Arc<Reactor>, usize)>,
    done: bool,
}

impl HttpGet {
    fn new(port: u16, path: &str, woken_by_reactor: bool) -> HttpGet {
        HttpGet {
            port,
            path: path.to_owned(),
            woken_by_reactor,
            stream: None,
            response: Vec::new(),
            reactor: None,
            done: false,
        }
    }

    /// Chapter 7: nothing watches the socket between polls; every poll just tries to read.
    pub fn polled_by_caller(port: u16, path: &str) -> HttpGet {
        HttpGet::new(port, path, false)
    }

    /// Chapter 8: the running reactor wakes the task. The first poll fails with `NotInitialised`
    /// when no reactor runs (WK-14).
    pub fn woken_by_reactor(port: u16, path: &str) -> HttpGet {
        HttpGet::new(port, path, true)
    }

    fn start(&mut self, waker: &Waker) -> Result<(), Error> {
        // Before anything is sent: no reactor, no request.
        let reactor = if self.woken_by_reactor { Some(reactor::current()?) } else { None };
        let mut stream = TcpStream::connect((HOST, self.port))?;
        write_all(&mut stream, request(&self.path).as_bytes())?;
        if let Some(reactor) = reactor {
            let id = reactor.next_id();
            // The waker first: an event right after registering must find it.
            reactor.set_waker(waker, id);
            reactor.register(&stream, id)?;
            self.reactor = Some((reactor, id));
        }
        self.stream = Some(stream);
        Ok(())
    }

    /// Reads what is there; `true` once the server has closed the connection.
    fn read_available(&mut self) -> io::Result<bool> {
        let Some(stream) = &mut self.stream else { return Ok(true) };
        read_available(stream, &mut self.response, &mut [0; 4096])
    }

    /// Deregisters from the reactor, if it is registered, and closes the connection.
    fn close(&mut self) -> io::Result<()> {
        let stream = self.stream.take();
        match (self.reactor.take(), &stream) {
            (Some((reactor, id)), Some(stream)) => reactor.deregister(stream, id),
            _ => Ok(()),
        }
    }
}

/// The request the book's leaf sends: the connection closes after the response.
pub(crate) fn request(path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
}

/// Reads what is there into `response`, `buffer` at a time; `true` once the server has closed the
/// connection. The stream does not block: `WouldBlock` means "nothing more for now".
pub(crate) fn read_available(stream: &mut TcpStream, response: &mut Vec<u8>, buffer: &mut [u8]) -> io::Result<bool> {
    loop {
        match stream.read(buffer) {
            Ok(0) => return Ok(true),
            Ok(count) => response.extend_from_slice(&buffer[..count]),
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => return Ok(false),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

/// The response after the blank line that ends its headers.
pub(crate) fn body(response: &[u8]) -> String {
    let text = String::from_utf8_lossy(response);
    text.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default()
}

/// A request this small goes in one write, but a write may take less; a full send buffer here
/// would be a broken peer, and is reported as such.
pub(crate) fn write_all(stream: &mut TcpStream, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        match stream.write(data) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(count) => data = &data[count..],
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

impl Future for HttpGet {
    type Output = Result<String, Error>;

    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        if self.done {
            return PollState::Ready(Err(Error::PolledAfterReady));
        }
        if self.stream.is_none() {
            return match self.start(waker) {
                Ok(()) => PollState::NotReady,
                Err(error) => {
                    self.done = true;
                    PollState::Ready(Err(error))
                }
            };
        }
        // Before reading: data that arrives after the read must wake this poll's waker.
        if let Some((reactor, id)) = &self.reactor {
            reactor.set_waker(waker, *id);
        }
        let finished =
            self.read_available().and_then(|ended| if ended { self.close().map(|()| true) } else { Ok(false) });
        match finished {
            Ok(false) => PollState::NotReady,
            Ok(true) => {
                self.done = true;
                PollState::Ready(Ok(body(&self.response)))
            }
            Err(error) => {
                self.done = true;
                PollState::Ready(Err(error.into()))
            }
        }
    }
}

impl Drop for HttpGet {
    /// A request dropped before its end leaves no registration behind.
    fn drop(&mut self) {
        if let Err(error) = self.close() {
            eprintln!("ERROR: deregistering a dropped request: {error}");
        }
    }
}
