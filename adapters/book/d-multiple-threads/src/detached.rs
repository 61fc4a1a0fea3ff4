//! The waker of `poll_detached`, which wakes nothing.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;
use std::thread;

use crate::future::{Future, PollState};
use crate::runtime::{Executor, Waker};

/// A waker that wakes nothing. The book's `Waker` comes only from its executor, so this is the
/// waker of the one task of an executor that has finished: calling it pushes onto a ready queue
/// nobody reads and unparks a thread that has ended.
pub fn waker_that_wakes_nothing() -> &'static Waker {
    static NOBODYS: OnceLock<Waker> = OnceLock::new();
    NOBODYS.get_or_init(|| {
        let executor = thread::Builder::new().name("nobody".into()).spawn(|| {
            let given = Rc::new(RefCell::new(None));
            Executor::new().block_on(KeepsItsWaker(Rc::clone(&given)));
            given.take().expect("the executor polls the task it blocks on")
        });
        executor.expect("a thread for the executor").join().expect("the executor ends")
    })
}

/// A task that keeps the waker of its first poll, and is done.
struct KeepsItsWaker(Rc<RefCell<Option<Waker>>>);

impl Future for KeepsItsWaker {
    type Output = String;

    fn poll(&mut self, waker: &Waker) -> PollState<String> {
        *self.0.borrow_mut() = Some(waker.clone());
        PollState::Ready(String::new())
    }
}
