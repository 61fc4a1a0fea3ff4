"""Waker: what a task's futures keep to have the task polled again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .executor import Executor


@dataclass(frozen=True)
class Waker:
    """Puts task `task` back on the ready queue of the executor that made this waker.

    The book's waker holds the executor's thread, the task id and the ready queue; here the
    executor holds the last two. Immutable, so "cloning" one is sharing it. Callable from any
    thread (the reactor's, the adapter's), any number of times, also after the task finished.
    """

    executor: Executor
    task: int

    def wake(self) -> None:
        self.executor.wake(self.task)
