//! Chapter 5: stackful fibers.
//!
//! A [`Runtime`] has a fixed number of slots. Slot 0 is the base context, the thread that made
//! the runtime; slots 1.. hold fibers, each running on a stack of its own with a guard page
//! below it. [`Runtime::spawn`] puts a closure into the lowest free slot; [`Runtime::yield_now`]
//! hands the CPU to the next ready context, round robin, the base context included;
//! [`Runtime::run`] yields until every fiber has finished. The switch is eleven lines of x86-64
//! assembly that save and restore the callee-saved registers and the stack pointer.
//!
//! ```
//! use ack_impl::fibers::Runtime;
//!
//! let runtime = Runtime::new(4, 64 * 1024)?;
//! for name in ["a", "b"] {
//!     let rt = runtime.clone();
//!     runtime.spawn(move || {
//!         for i in 0..3 {
//!             println!("fiber {} ({name}): {i}", rt.current_id());
//!             rt.yield_now();
//!         }
//!     })?;
//! }
//! runtime.run();
//! # Ok::<(), ack_impl::fibers::Error>(())
//! ```

mod context;
mod error;
mod runtime;
mod stack;

pub use error::Error;
pub use runtime::{DEFAULT_SLOTS, DEFAULT_STACK_SIZE, Runtime, spawn, yield_now};
