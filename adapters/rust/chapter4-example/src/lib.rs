//! Chapter 4's glue: [`Epoll`] implements `ack_adapter::EventQueue` with an event queue shaped
//! like mio (here `ack_impl::event_queue`; put yours in its place). This is all a student writes
//! for the chapter besides the event queue itself: the crate does the protocol.
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::time::Duration;

use ack_adapter::{Capability, Error, ErrorKind, Event, EventQueue, Registration, Result, Token, Trigger};
use ack_impl::event_queue::{self as eq, Events, Interest, Mode, Poll, Registry, TcpStream, Waker};

/// The event queue of chapter 4, as the kit's runner drives it.
pub struct Epoll;

/// The mio-shaped registration a protocol registration asks for. No interests is a registration
/// that can never fire, which `Interest` cannot even express: `InvalidArgument` (EQ-03).
fn interest_and_mode(registration: &Registration) -> Result<(eq::Token, Interest, Mode)> {
    let interests = &registration.interests;
    let interest = match (interests.readable, interests.writable) {
        (true, true) => Interest::READABLE | Interest::WRITABLE,
        (true, false) => Interest::READABLE,
        (false, true) => Interest::WRITABLE,
        (false, false) => return Err(Error::new(ErrorKind::InvalidArgument, "interests must not be empty")),
    };
    let mode = if registration.trigger == Trigger::Edge { Mode::EDGE } else { Mode::LEVEL };
    let mode = if registration.oneshot { mode.oneshot() } else { mode };
    Ok((token(registration.token), interest, mode))
}

fn token(token: Token) -> eq::Token {
    // Tokens are at most 2^53 - 1: they fit in a usize on the 64-bit targets ack-impl runs on.
    eq::Token(token.0 as usize)
}

impl EventQueue for Epoll {
    type Poll = Poll;
    type Registry = Registry;
    type Events = Events;
    type Source = TcpStream;
    type Waker = Waker;

    fn capabilities(&self) -> &[Capability] {
        &[
            Capability::EdgeTriggered,
            Capability::Oneshot,
            Capability::Reregister,
            Capability::Deregister,
            Capability::EventQueueWaker,
            Capability::CrossThreadRegistry,
            Capability::ArgumentChecks,
            Capability::EventFlags,
        ]
    }

    fn poll_new(&self) -> Result<Poll> {
        Ok(Poll::new()?)
    }

    fn registry(&self, poll: &Poll) -> Result<Registry> {
        Ok(poll.registry().clone())
    }

    fn events_new(&self, capacity: usize) -> Result<Events> {
        Ok(Events::with_capacity(capacity)?)
    }

    fn connect(&self, host: &str, port: u16) -> Result<TcpStream> {
        Ok(TcpStream::connect((host, port))?)
    }

    fn write(&self, source: &mut TcpStream, data: &[u8]) -> Result<usize> {
        Ok(source.write(data)?)
    }

    fn read(&self, source: &mut TcpStream, buffer: &mut [u8]) -> Result<usize> {
        Ok(source.read(buffer)?)
    }

    fn source_close(&self, source: &mut TcpStream) -> Result<()> {
        source.close();
        Ok(())
    }

    fn register(&self, registry: &Registry, source: &TcpStream, registration: Registration) -> Result<()> {
        let (token, interest, mode) = interest_and_mode(&registration)?;
        Ok(registry.register(source, token, interest, mode)?)
    }

    fn reregister(&self, registry: &Registry, source: &TcpStream, registration: Registration) -> Result<()> {
        let (token, interest, mode) = interest_and_mode(&registration)?;
        Ok(registry.reregister(source, token, interest, mode)?)
    }

    fn deregister(&self, registry: &Registry, source: &TcpStream) -> Result<()> {
        Ok(registry.deregister(source)?)
    }

    fn waker_new(&self, registry: &Registry, token: Token) -> Result<Waker> {
        Ok(Waker::new(registry, self::token(token))?)
    }

    fn wake(&self, waker: &Waker) -> Result<()> {
        Ok(waker.wake()?)
    }

    fn poll(&self, poll: &mut Poll, events: &mut Events, timeout: Option<Duration>) -> Result<Vec<Event>> {
        poll.poll(events, timeout)?;
        let event = |event: eq::Event| Event {
            token: Token(event.token().0 as u64),
            readable: event.is_readable(),
            writable: event.is_writable(),
            read_closed: event.is_read_closed(),
            write_closed: event.is_write_closed(),
            error: event.is_error(),
        };
        Ok(events.iter().map(event).collect())
    }
}
