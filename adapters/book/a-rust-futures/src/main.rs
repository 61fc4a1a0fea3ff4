//! A thin adapter over the book's chapter 10 runtime, `ch10/a-rust-futures`: the kit's runtime
//! programs become native `async` code, run by the book's executor and reactor and woken by the
//! book's waker, and the book's `Http::get` is their http leaf. What it bridges, and what it leaves
//! unclaimed, is in README.md.

mod area;
mod leaves;
mod prints;
mod program;
mod tasks;

use std::process::ExitCode;

use ack_adapter::Adapter;

/// The book's files as `adapters/book/check` copied them from a checkout, unchanged. The folder is
/// the module's path, so `runtime.rs` finds `runtime/executor.rs` and `runtime/reactor.rs` where it
/// finds them in the book's own crate.
#[path = "../../target/book/ch10/a-rust-futures/src"]
mod book {
    pub mod http;
    pub mod runtime;
}

// Where the book's `http.rs` looks for the runtime: `crate::runtime`.
use book::{http, runtime};

fn main() -> ExitCode {
    Adapter::new("a-rust-futures", env!("CARGO_PKG_VERSION")).runtime(area::BookRuntime::default()).serve()
}
