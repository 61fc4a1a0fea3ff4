//! A thin adapter over the book's chapter 7 code, ch07/c-async-await: the kit's coroutine
//! programs become state machines on the book's `Future`, as corofy would write them, and wait on
//! the book's `Http::get` and `join_all`. `adapters/book/check` copies the book's files to where
//! the `#[path]`s below find them.

#[path = "../../target/book/ch07/c-async-await/src/future.rs"]
mod future;
#[path = "../../target/book/ch07/c-async-await/src/http.rs"]
mod http;

mod book_futures;
mod coroutines;
mod manual_leaf;

// The book's http.rs names the trait `crate::Future`, as its main.rs imports it.
use future::Future;

fn main() -> std::process::ExitCode {
    ack_adapter::Adapter::new("c-async-await", "0.1.0").coroutines(coroutines::Coroutines::default()).serve()
}
