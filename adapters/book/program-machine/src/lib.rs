//! The kit's coroutine programs (spec/protocol.md §7) as the state machines the book's `corofy`
//! writes for a `coroutine fn`, shared by the adapters over chapters 7 and 8.
//!
//! The book changes its `Future` trait between the two chapters (chapter 8's `poll` takes a
//! `Waker`), so the machine does not name it: an adapter describes its chapter's futures with
//! [`Chapter`] and implements the book's `Future` for `Machine<ItsChapter>` by calling
//! [`Machine::resume`].

mod chapter;
mod machine;
mod manual_leaves;

pub use chapter::Chapter;
pub use machine::Machine;
pub use manual_leaves::ManualLeaves;
