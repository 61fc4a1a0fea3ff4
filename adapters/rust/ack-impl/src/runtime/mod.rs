//! Chapter 10: a runtime for the language's own `async` code.
//!
//! Chapter 8's executors and reactor, with the standard library's types where the book's were: a
//! task is a `Pin<Box<dyn std::future::Future<Output = ()> + Send>>` (an `async fn`'s future), it
//! is polled with a `std::task::Context`, and its waker is a `std::task::Waker` made from an
//! `Arc<`[`TaskWaker`]`>`. So any future that follows the standard contract runs unchanged: our
//! [`Http`] leaf, woken by the reactor, a [`ThirdParty`] request that does its own I/O on its own
//! thread, and [`OtherRuntime`]'s leaf, which works only inside that runtime's context.
//!
//! [`init`] starts the reactor once per process; each thread that runs tasks makes its own
//! [`Executor`], and [`spawn`] adds a task to the one on the current thread. [`interpret`] runs the
//! kit's runtime programs as `async` code on this runtime or any other ([`ProgramHost`]).

mod executor;
mod http;
mod init;
mod join_all;
mod manual;
mod other;
mod program;
mod task_waker;
mod third_party;

pub use executor::{Executor, current_task, spawn};
pub use http::Http;
pub use init::{init, reactor, shutdown};
pub use join_all::{JoinAll, join_all};
pub use manual::{ManualLeaf, ManualLeaves, Wake};
pub use other::InContext;
pub use other::OtherRuntime;
pub use program::{ProgramHost, interpret};
pub use task_waker::TaskWaker;
pub use third_party::ThirdParty;

/// The reactor of a runtime: chapter 8's, keeping the standard library's wakers.
pub type Reactor = crate::wakers::reactor::Reactor<std::task::Waker>;
