//! The Async Conformance Kit's adapter protocol, done once for every Rust implementation.
//!
//! The kit checks an implementation of the primitives of *Asynchronous Programming in Rust*
//! (C. F. Samson) through an adapter: a child process that reads requests from stdin and writes
//! replies to stdout, one JSON object per line (the repository's `spec/protocol.md`). This crate
//! is that process, except for your implementation: it reads and answers the lines, keeps the
//! handles, checks every argument, parses the fiber and coroutine programs into typed values,
//! collects trace entries, answers the handshake from what you implement, and keeps stdout for the
//! protocol while anything you print goes to stderr.
//!
//! You implement one trait per area, on types of yours, and claim it on an [`Adapter`]:
//!
//! | area | chapter | trait |
//! |---|---|---|
//! | `event-queue` | 4 | [`EventQueue`] |
//! | `fibers` | 5 | [`Fibers`] |
//! | `coroutines` | 7 | [`Coroutines`] |
//! | `wakers` | 8 | [`Wakers`] |
//! | `pinning` | 9 | [`Pinning`] |
//! | `runtime` | 10 | [`Runtime`] |
//!
//! Every operation of a trait has a default that answers `Unsupported`, so you can start with the
//! handshake alone and implement one operation after the other, running the kit in between:
//!
//! ```no_run
//! use ack_adapter::{Adapter, EventQueue, Result};
//!
//! struct Epoll;
//!
//! impl EventQueue for Epoll {
//!     type Poll = i32; // your Poll type, e.g. the book's `Poll`
//!     type Registry = ();
//!     type Events = ();
//!     type Source = ();
//!     type Waker = ();
//!
//!     fn poll_new(&self) -> Result<i32> {
//!         Ok(42) // create your poll instance here; `?` turns an io::Error into the right reply
//!     }
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     Adapter::new("my-epoll", "0.1.0").event_queue(Epoll).serve()
//! }
//! ```
//!
//! Then `./kit doctor --adapter "target/release/my-adapter"` checks the harness, and
//! `./kit --chapter 4 --adapter "target/release/my-adapter"` the rules of chapter 4.
//!
//! What the crate guarantees, so your code does not have to:
//! - one reply per request, flushed at once; a `BadRequest` reply with `"id": null` when the id
//!   cannot be read; serving on after any error, a panic in your code included (`Internal`);
//! - strict JSON: trailing garbage, `NaN`, lone surrogates and duplicate keys are `BadRequest`;
//!   integers are exact, so tokens up to 2^53 − 1 come through unchanged;
//! - handles unique in the process; unknown, released or wrong-kind handles are `UnknownHandle`
//!   before your code is called;
//! - a missing required arg, a wrong JSON type, a negative count or an unknown word is
//!   `BadRequest`; an optional arg given as `null` is treated as absent;
//! - `reset` drops every object the session created (your `Drop` implementations close the OS
//!   handles), then calls the trait's `reset`; `shutdown` and the end of input do the same and the
//!   process exits with status 0.
#![deny(unsafe_code)]

mod adapter;
mod area;
mod args;
mod coroutines;
mod error;
mod events;
mod event_queue;
mod fiber_interpreter;
mod fibers;
mod handles;
mod json;
mod pinning;
mod program;
mod runs;
mod runtime;
mod stdout;
mod template;
mod trace;
mod wakers;

pub use adapter::Adapter;
pub use area::Capability;
pub use coroutines::Coroutines;
pub use error::{Error, ErrorKind, Result};
pub use event_queue::{Event, EventQueue, Interests, Registration, Token, Trigger};
pub use fiber_interpreter::FiberContext;
pub use fibers::{FiberInstruction, FiberProgram, Fibers, RuntimeCall, RuntimeConfig};
pub use pinning::{BufferRun, ExecutorKind, Field, PinKind, Pinning, RunReport, ValueState};
pub use program::{CoroutineInstruction, CoroutineProgram, Leaf};
pub use runtime::{Runtime, WakeBy, process_cpu_time};
pub use template::Template;
pub use trace::{FiberTrace, Trace};
pub use wakers::{StopSignal, Wakers};
