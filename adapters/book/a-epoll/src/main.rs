//! The book's ch04/a-epoll as the kit's event queue: `adapters/book/check BOOK a-epoll`.
//!
//! `poll.rs` and `ffi.rs` are the book's, compiled in unchanged from the copy `check` makes; they
//! are modules of this crate because `ffi::Event` keeps its readiness bits in a `pub(crate)` field.

#[path = "../../target/book/ch04/a-epoll/src/ffi.rs"]
mod ffi;
#[path = "../../target/book/ch04/a-epoll/src/poll.rs"]
mod poll;

mod event_queue;

use std::process::ExitCode;

use ack_adapter::Adapter;

fn main() -> ExitCode {
    Adapter::new("a-epoll", env!("CARGO_PKG_VERSION")).event_queue(event_queue::BookEpoll).serve()
}
