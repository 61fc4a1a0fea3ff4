//! The primitives of *Asynchronous Programming in Rust* (C. F. Samson), one concept per file:
//!
//! - [`event_queue`] (chapter 4): an epoll event queue shaped like mio;
//! - [`fibers`] (chapter 5): stackful fibers on hand-written x86-64 context switches;
//! - [`coroutines`] (chapter 7): futures polled by their caller, `join_all`, leaf futures;
//! - [`wakers`] (chapter 8): wakers, a reactor on the chapter 4 event queue, executors;
//! - [`pinning`] (chapter 9): values at real addresses, `Pin`, and self-referential coroutines;
//! - [`runtime`] (chapter 10): a runtime for the language's own `async` code, on `std::task`.
//!
//! Linux on x86-64 only: epoll is Linux's, and the fibers switch stacks in x86-64 assembly.
#![deny(unsafe_code)]

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
compile_error!("ack-impl runs on Linux on x86-64: epoll, and fibers in x86-64 assembly");

pub mod coroutines;
pub mod event_queue;
pub mod fibers;
pub mod pinning;
pub mod runtime;
pub mod wakers;
