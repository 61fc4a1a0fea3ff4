//! A thin adapter over the book's chapter 8 code, ch08/d-multiple-threads: the kit's coroutine
//! programs become state machines on the book's `Future`, as corofy would write them, run as tasks
//! of the book's executor (`spawn`, `block_on`) and are woken by the book's reactor
//! (`runtime::init`). `adapters/book/check` copies the book's files to where the `#[path]` below
//! finds them.

/// The book's files, laid out as in the book's crate. The `#[path]` names the book's `src`
/// folder rather than each file: runtime.rs declares `mod executor; mod reactor;`, which Rust
/// looks for in `runtime/` only when runtime.rs is reached by a plain `mod runtime;`.
#[path = "../../target/book/ch08/d-multiple-threads/src"]
#[allow(unused_imports)] // the book's files import a few things they do not use
mod book {
    pub mod future;
    pub mod http;
    pub mod runtime;
}

mod book_futures;
mod detached;
mod executor_lines;
mod manual_leaf;
mod pending_once;
mod task;
mod task_waker;
mod wakers;

// The book's files name these from the crate's root, where its main.rs declares and imports them.
use book::{future, http, runtime};
use future::Future;

fn main() -> std::process::ExitCode {
    ack_adapter::Adapter::new("d-multiple-threads", "0.1.0").wakers(wakers::Wakers::default()).serve()
}
