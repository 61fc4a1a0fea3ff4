//! Where a coroutine was at each of its polls.

use std::cell::RefCell;
use std::rc::Rc;

/// The addresses a coroutine records at each poll; the caller keeps a clone to read them after
/// the run. Cloning shares the list.
#[derive(Debug, Clone, Default)]
pub struct Addresses(Rc<RefCell<Vec<usize>>>);

impl Addresses {
    /// Records the address of `at`, where the polled value is now.
    pub fn record<T>(&self, at: &T) {
        self.0.borrow_mut().push(std::ptr::from_ref(at) as usize);
    }

    /// The addresses so far, in order.
    pub fn to_vec(&self) -> Vec<usize> {
        self.0.borrow().clone()
    }
}
