//! What the book's runtime does, said the way the protocol needs it: the id of the running
//! thread, the slot a spawn took, and the book's `no available thread.` panic as `NoFreeSlot`.
//! Everything is read from the runtime the book's `init` made current, as its own `spawn`,
//! `guard` and `yield_thread` reach it.

use ack_adapter::{Error, ErrorKind, Result};

use super::{RUNTIME, Runtime, State};

/// The panic of the book's `spawn` when every slot is taken.
const NO_AVAILABLE_THREAD: &str = "no available thread.";

/// The current runtime, for one reading. The book's `run` holds it as `&mut self` meanwhile, as
/// its own `guard` and `spawn` do when they read it the same way.
fn runtime() -> &'static Runtime {
    // SAFETY: `init` stored the address of a runtime the adapter keeps in a `Box` until `reset`,
    // and every caller runs on a context of that runtime, inside `fb.run`.
    unsafe { &*(RUNTIME as *const Runtime) }
}

/// The id of the running thread, as the book's `guard` reads it when it prints `THREAD n FINISHED.`.
pub(crate) fn running_id() -> usize {
    let runtime = runtime();
    runtime.threads[runtime.current].id
}

/// Calls the book's `Runtime::spawn` and returns the slot it took: the one that was available
/// before the call and is not after it.
pub(crate) fn spawn(task: impl FnOnce() + 'static) -> Result<usize> {
    let available: Vec<bool> = runtime().threads.iter().map(|thread| thread.state == State::Available).collect();
    Error::from_panic(NO_AVAILABLE_THREAD, ErrorKind::NoFreeSlot, || Runtime::spawn(task))?;
    let taken = runtime().threads.iter().zip(available).position(|(thread, was)| was && thread.state != State::Available);
    Ok(taken.expect("the book's spawn makes an available thread ready"))
}
