//! The book's ch05/d-fibers-closure as the kit's fibers: `adapters/book/check BOOK d-fibers-closure`.

mod book {
    //! The book's `main.rs` as `check` copies it and `book.sed` edits it for stable Rust, included
    //! rather than made a `#[path]` module so that [`bridge`], a child module, may read the
    //! runtime's private fields: the book prints the ids of its threads but returns none.
    // The book's own `main` goes unused (the kit's programs take its place), and the book casts
    // functions straight to the addresses it writes on a new stack.
    #![allow(dead_code, function_casts_as_integer)]

    include!("../../target/book/ch05/d-fibers-closure/src/main.rs");

    pub(crate) mod bridge;
}
mod fibers;
mod program;

use std::process::ExitCode;

use ack_adapter::Adapter;

fn main() -> ExitCode {
    Adapter::new("d-fibers-closure", env!("CARGO_PKG_VERSION")).fibers(fibers::BookFibers).serve()
}
