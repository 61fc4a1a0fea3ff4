//! Chapter 7: futures polled by their caller.
//!
//! A [`Future`] runs, at each poll, as far as it can without blocking, and says
//! [`PollState::Ready`] with its output or [`PollState::NotReady`]. The leaves here are the
//! book's [`HttpGet`] request to its delay server and [`ManualLeaf`]s that another thread makes
//! ready by name; [`join_all()`] waits on several futures at once. Coroutines, the state machines
//! that wait on these, are compiled from programs by the adapter (`ack-rust`), as the book's
//! `corofy` rewrites a `coroutine fn`.

mod error;
mod future;
pub(crate) mod http;
mod join_all;
mod manual;

pub use error::Error;
pub use future::{Future, PollState};
pub use http::HttpGet;
pub use join_all::{JoinAll, join_all};
pub use manual::{ManualLeaf, ManualLeaves};
