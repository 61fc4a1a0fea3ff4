//! Chapter 4: an event queue on epoll, shaped like mio.
//!
//! A [`Poll`] owns an epoll instance; its [`Registry`] adds, changes and removes [`Source`]s (here
//! [`TcpStream`]s), each with a [`Token`], an [`Interest`] and a [`Mode`]; `poll` fills an
//! [`Events`] collection with [`Event`]s; a [`Waker`] makes a blocked poll return from another
//! thread. Errors are `std::io::Error`s with the kernel's `errno` (`EEXIST`, `ENOENT`, `EBADF`, …).
//!
//! ```no_run
//! use std::io::Write;
//! use ack_impl::event_queue::{Events, Interest, Mode, Poll, TcpStream, Token};
//!
//! let mut poll = Poll::new()?;
//! let mut stream = TcpStream::connect("127.0.0.1:8080")?;
//! stream.write_all(b"GET /1000/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")?;
//! poll.registry().register(&stream, Token(0), Interest::READABLE, Mode::EDGE)?;
//! let mut events = Events::with_capacity(10)?;
//! poll.poll(&mut events, None)?;
//! for event in events.iter() {
//!     println!("{:?} is readable: {}", event.token(), event.is_readable());
//! }
//! # Ok::<(), std::io::Error>(())
//! ```

mod event;
mod events;
mod interest;
mod mode;
mod poll;
mod registry;
mod source;
mod sys;
mod tcp_stream;
mod token;
mod waker;

pub use event::Event;
pub use events::Events;
pub use interest::Interest;
pub use mode::Mode;
pub use poll::Poll;
pub use registry::Registry;
pub use source::Source;
pub use tcp_stream::TcpStream;
pub use token::Token;
pub use waker::Waker;
