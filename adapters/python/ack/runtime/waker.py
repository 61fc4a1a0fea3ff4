"""Waker: the runtime's standard waker, woken by value or by reference (Rust's `std::task::Waker`)."""

from __future__ import annotations

from ack import wakers


class Waker:
    """Puts task `task` back on the ready queue of `executor` and unparks the executor's thread.

    Rust's `Waker` has `wake`, which takes the waker by value (the caller gives it up), and
    `wake_by_ref`, which leaves it with the caller; `clone` makes another for the same task. Python
    cannot take a value away, so here the difference is the caller's promise only: both wake the
    task once more, from any thread, any number of times, also after the task finished (the
    chapter 8 reactor and leaves that keep this waker wake it again at every event).
    """

    def __init__(self, executor: wakers.Executor, task: int) -> None:
        self._executor = executor
        self._task = task

    def wake(self) -> None:
        """Wakes the task; the caller does not use this waker again."""
        self.wake_by_ref()

    def wake_by_ref(self) -> None:
        """Wakes the task; the waker stays the caller's."""
        self._executor.wake(self._task)

    def clone(self) -> Waker:
        return Waker(self._executor, self._task)
