//! TaskWaker: what a `std::task::Waker` of this runtime does when it is woken.

use std::sync::Arc;
use std::task::Wake;

use crate::wakers::executor::Shared;

/// The book's chapter 10 waker: the task's id and the executor it belongs to. Waking it, by value
/// or by reference, pushes the id on that executor's ready queue and unparks its thread, from any
/// thread. `Arc<TaskWaker>` becomes a `std::task::Waker` through `Waker::from`.
pub struct TaskWaker {
    executor: Arc<Shared>,
    task: usize,
}

impl TaskWaker {
    pub(crate) fn waker(executor: &Arc<Shared>, task: usize) -> std::task::Waker {
        std::task::Waker::from(Arc::new(TaskWaker { executor: Arc::clone(executor), task }))
    }
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.executor.wake(self.task);
    }
}
