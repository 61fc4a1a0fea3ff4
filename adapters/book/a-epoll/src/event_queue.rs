//! The glue: each request becomes a call of a-epoll's `Poll::new`, `Registry::register` or
//! `Poll::poll` (or of std's `TcpStream`, which the book's `main` uses for its sources), and the
//! reply says what that call did. Nothing is checked or fixed on the way.

use std::io::{Read, Write};
use std::mem::ManuallyDrop;
use std::net::TcpStream;
use std::os::fd::AsRawFd;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use ack_adapter::{Capability, Event, EventQueue, Registration, Result, Token, Trigger};

use crate::{ffi, poll};

/// The interest bit a-epoll's `ffi.rs` leaves out, because the book's `main` only reads.
const EPOLLOUT: i32 = 0x4;
/// Bits of `epoll_event.events` that mio counts as readable besides `EPOLLIN`.
const EPOLLPRI: u32 = 0x2;

/// a-epoll's event queue. It has edge-triggered registrations (`EPOLLET`) and nothing beyond
/// the chapter: no reregister, deregister or waker, a registry that is its `Poll`, no checks of
/// its own.
pub(crate) struct BookEpoll;

/// The book's `Poll`, which owns its `Registry`: the registry the protocol hands out is this same
/// `Poll`. The lock keeps at run time the borrows the book's API asks for (`poll` takes
/// `&mut self`, `registry` borrows the `Poll`).
pub(crate) type SharedPoll = Arc<Mutex<poll::Poll>>;

/// A std `TcpStream`, non-blocking as in the book's `main`. Closing it closes its descriptor with
/// the book's `ffi::close` and keeps the stream, so later requests hand the OS the closed
/// descriptor: EQ-16's `EBADF` comes from the book's `epoll_ctl`.
pub(crate) struct Source {
    stream: ManuallyDrop<TcpStream>,
    closed: bool,
}

impl Drop for Source {
    fn drop(&mut self) {
        if !self.closed {
            // SAFETY: the stream is dropped once, here, and never used again.
            unsafe { ManuallyDrop::drop(&mut self.stream) }
        }
    }
}

fn lock(poll: &SharedPoll) -> MutexGuard<'_, poll::Poll> {
    // The book's code does not panic while it holds the lock, so it is never poisoned.
    poll.lock().expect("the poll instance's lock is never poisoned")
}

/// The bits a-epoll's `register` takes for a protocol registration. No interests is 0, which
/// a-epoll passes to the OS as it is.
fn interests(registration: &Registration) -> i32 {
    let mut bits = 0;
    if registration.interests.readable {
        bits |= ffi::EPOLLIN;
    }
    if registration.interests.writable {
        bits |= EPOLLOUT;
    }
    if registration.trigger == Trigger::Edge {
        bits |= ffi::EPOLLET;
    }
    bits
}

/// An event of a-epoll's as mio reads its bits. a-epoll reports the raw bits and reads none of
/// them, so the flags beyond readable and writable stay unset (`event-flags` is not claimed).
fn event(event: &ffi::Event) -> Event {
    let bits = event.events;
    Event {
        token: Token(event.token() as u64),
        readable: bits & (ffi::EPOLLIN as u32 | EPOLLPRI) != 0,
        writable: bits & EPOLLOUT as u32 != 0,
        ..Event::default()
    }
}

impl EventQueue for BookEpoll {
    type Poll = SharedPoll;
    type Registry = SharedPoll;
    /// The book's `Events`, a `Vec` whose capacity is what `poll` asks the OS for.
    type Events = Vec<ffi::Event>;
    type Source = Source;
    type Waker = ();

    fn capabilities(&self) -> &[Capability] {
        &[Capability::EdgeTriggered]
    }

    fn poll_new(&self) -> Result<SharedPoll> {
        Ok(Arc::new(Mutex::new(poll::Poll::new()?)))
    }

    fn registry(&self, poll: &SharedPoll) -> Result<SharedPoll> {
        Ok(Arc::clone(poll))
    }

    fn events_new(&self, capacity: usize) -> Result<Vec<ffi::Event>> {
        Ok(Vec::with_capacity(capacity))
    }

    fn connect(&self, host: &str, port: u16) -> Result<Source> {
        let stream = TcpStream::connect((host, port))?;
        stream.set_nonblocking(true)?;
        Ok(Source { stream: ManuallyDrop::new(stream), closed: false })
    }

    fn write(&self, source: &mut Source, data: &[u8]) -> Result<usize> {
        Ok(source.stream.write(data)?)
    }

    fn read(&self, source: &mut Source, buffer: &mut [u8]) -> Result<usize> {
        Ok(source.stream.read(buffer)?)
    }

    fn source_close(&self, source: &mut Source) -> Result<()> {
        if !source.closed {
            source.closed = true;
            // SAFETY: the descriptor is the stream's own, and `closed` keeps it from being closed
            // twice; the stream is never dropped after this.
            if unsafe { ffi::close(source.stream.as_raw_fd()) } < 0 {
                return Err(std::io::Error::last_os_error().into());
            }
        }
        Ok(())
    }

    fn register(&self, registry: &SharedPoll, source: &Source, registration: Registration) -> Result<()> {
        // Tokens are at most 2^53 - 1: they fit the book's usize on x86-64.
        let token = registration.token.0 as usize;
        Ok(lock(registry).registry().register(&source.stream, token, interests(&registration))?)
    }

    fn poll(&self, poll: &mut SharedPoll, events: &mut Vec<ffi::Event>, timeout: Option<Duration>) -> Result<Vec<Event>> {
        // The book's timeout is in milliseconds, an i32; a longer one waits as long as it can.
        let timeout = timeout.map(|timeout| i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX));
        lock(poll).poll(events, timeout)?;
        Ok(events.iter().map(event).collect())
    }
}
