//! Chapter 8: wakers, a reactor and executors.
//!
//! An [`Executor`] polls a task only when the task's [`Waker`] was called, and sleeps on its
//! [`Parker`] in between. The [`reactor`] runs on its own thread around the chapter 4 event
//! queue and calls the waker of a future whose socket became ready. One reactor serves any number
//! of executors, each on its own thread: a waker knows which executor to wake.

pub(crate) mod executor;
mod parker;
pub mod reactor;
mod waker;

pub use executor::{Executor, Observer, Stopper, current_task, spawn};
pub use parker::Parker;
pub use waker::Waker;
