"""Executor: one per thread; runs native coroutines as tasks, and sleeps while none can make progress."""

from __future__ import annotations

import threading
from collections.abc import Coroutine
from typing import Any

from ack import wakers
from ack.errors import ErrorKind

from .errors import RuntimeContextError
from .task import Task
from .waker import Waker


class Executor:
    """The book's chapter 10 executor: chapter 8's (`ack.wakers.Executor`) with native coroutines as tasks.

    `block_on` runs on the calling thread, which becomes this executor's until it returns: `spawn`
    there adds to it. Tasks are polled only when woken, with the runtime's `Waker`; with nothing to
    poll, the thread parks (no CPU) until a waker unparks it. `block_on` returns once the root and
    every task spawned meanwhile finished. Several executors, each on its own thread, share the one
    reactor: a waker names its executor.
    """

    def __init__(self, observer: wakers.ExecutorObserver) -> None:
        self._executor = wakers.Executor(observer, Waker)

    def block_on(self, root: Coroutine[Any, Any, None]) -> None:
        """Runs `root`, and every task spawned meanwhile, to the end."""
        _thread.executor = self
        try:
            self._executor.block_on(Task(root))
        finally:
            _thread.executor = None

    def spawn(self, task: Coroutine[Any, Any, None]) -> None:
        """Adds `task`, ready to be polled; nothing waits for it (fire and forget). Call it on block_on's thread."""
        self._executor.spawn(Task(task))

    @property
    def current_task(self) -> int | None:
        """The id of the task being polled, while one is."""
        return self._executor.current_task

    def stop(self) -> None:
        """Makes `block_on` raise ExecutorStopped at its next step, even while it sleeps. Safe from any thread."""
        self._executor.stop()


class _ThreadExecutor(threading.local):
    executor: Executor | None = None


_thread = _ThreadExecutor()


def current_executor() -> Executor:
    """The executor whose block_on runs on this thread; NOT_INITIALISED outside one."""
    executor = _thread.executor
    if executor is None:
        raise RuntimeContextError(ErrorKind.NOT_INITIALISED, "no executor runs on this thread")
    return executor


def spawn(task: Coroutine[Any, Any, None]) -> None:
    """The book's free `spawn`: adds `task` to the executor of this thread (from inside a task)."""
    current_executor().spawn(task)
