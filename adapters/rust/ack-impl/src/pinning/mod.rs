//! Chapter 9: pinning.
//!
//! State that lives across a wait moves into the coroutine; when the coroutine keeps a raw pointer
//! into that state (the book's `writer`), it is self-referential, and a move (a copy of its bytes
//! to another address) leaves the pointer at the old place. `Pin` is Rust's answer: a pinned
//! `!Unpin` value cannot be moved until it is dropped, except through `unsafe`.
//!
//! Everything here lives at real addresses, in blocks of a counted [`Heap`]: a [`Place`] is a
//! value in a block of its own (a `Box` that reports to the heap), [`Place::pin`] is `Box::pin`,
//! and a move ([`Place::relocate`]) copies the bytes and keeps the old block, stale, until the
//! value is dropped. On that:
//!
//! - [`SelfRef`]: the book's `MaybeSelfRef` (ch09/d), `!Unpin` with [`PhantomPinned`](std::marker::PhantomPinned)
//!   ([`MaybeSelfRef`]) or `Unpin` without ([`MovableSelfRef`]), with its pin projection;
//! - [`Value`]: a value, its pin (heap, scope or none) and the moves that compile for it;
//! - [`BufferCoroutine`]: the self-referential coroutine of ch09/b, and [`Root`], a coroutine that
//!   keeps it as a pinned child (ch09/e);
//! - [`Executor`] (ch09/b, boxing) and [`ShortcutExecutor`] (ch09/c, poll once, then move).

mod addresses;
mod buffer;
mod error;
mod executor;
mod heap;
mod place;
mod root;
mod self_ref;
mod value;
mod wait;

pub use addresses::Addresses;
pub use buffer::{BufferCoroutine, MovableBufferCoroutine, PinnedBufferCoroutine, START};
pub use error::Error;
pub use executor::{Executor, Run, ShortcutExecutor};
pub use heap::Heap;
pub use place::{Place, Stale};
pub use root::Root;
pub use self_ref::{Inner, MaybeSelfRef, MovableSelfRef, SelfRef};
pub use value::Value;
pub use wait::Wait;
