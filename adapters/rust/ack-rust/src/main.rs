//! The kit's adapter for `ack-impl`: every area, every capability, through `ack-adapter`.
//!
//! `./kit --adapter adapters/rust/target/release/ack-rust`
#![forbid(unsafe_code)]

mod coroutine;
mod coroutines;
mod fibers;
mod pinning;
mod runtime;
mod wake_at_sleep;
mod wakers;

use std::process::ExitCode;

use ack_adapter::Adapter;
use chapter4_example::Epoll;

fn main() -> ExitCode {
    Adapter::new("ack-rust", env!("CARGO_PKG_VERSION"))
        .event_queue(Epoll)
        .fibers(fibers::Fibers)
        .coroutines(coroutines::Coroutines::default())
        .wakers(wakers::Wakers::default())
        .pinning(pinning::Pinning::default())
        .runtime(runtime::Runtime::default())
        .serve()
}
