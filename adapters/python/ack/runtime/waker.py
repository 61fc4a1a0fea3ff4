"""Waker: the runtime's standard waker, woken by value or by reference (Rust's `std::task::Waker`)."""

from __future__ import annotations

from ack import wakers


class Waker:
    """Puts task `task` back on the ready queue of `executor` and unparks the executor's thread.

    Rust's `Waker::wake` takes the waker by value, so it is gone afterwards, while `wake_by_ref`
    leaves it usable; `clone` makes another for the same task. Python cannot move values, so `wake`
    marks this one used up, and a later use of it is a bug that raises. Safe from any thread.
    """

    def __init__(self, executor: wakers.Executor, task: int) -> None:
        self._executor = executor
        self._task = task
        self._used_up = False

    def wake(self) -> None:
        """Wakes the task and uses this waker up."""
        self.wake_by_ref()
        self._used_up = True

    def wake_by_ref(self) -> None:
        """Wakes the task; the waker stays usable."""
        if self._used_up:
            raise ValueError(f"the waker of task {self._task} was used up by wake()")
        self._executor.wake(self._task)

    def clone(self) -> Waker:
        return Waker(self._executor, self._task)
