//! A chapter 4 adapter: `./kit --chapter 4 --adapter target/release/chapter4-example`.

use std::process::ExitCode;

use ack_adapter::Adapter;
use chapter4_example::Epoll;

fn main() -> ExitCode {
    Adapter::new("chapter4-example", env!("CARGO_PKG_VERSION")).event_queue(Epoll).serve()
}
