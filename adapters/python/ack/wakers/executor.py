"""Executor: runs tasks on one thread, polling each only when it can make progress."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Protocol

from ack.coroutines import Future, Ready
from ack.coroutines import Waker as AnyWaker

from .errors import ExecutorStopped
from .parker import Parker
from .waker import Waker


class ExecutorObserver(Protocol):
    """What an executor reports as it goes, where the book prints. `woken` comes from the waking thread."""

    def spawned(self, task: int) -> None: ...

    def polled(self, task: int) -> None: ...

    def finished(self, task: int) -> None: ...

    def woken(self, task: int) -> None: ...

    def sleeping(self, pending: int) -> None: ...

    def all_finished(self) -> None: ...


class Executor:
    """The book's chapter 8 executor: tasks, a ready queue of task ids, and a parker to sleep on.

    `block_on` runs on the calling thread. It polls a task only when the task's id is on the ready
    queue: after `spawn`, or after one of the task's wakers was called. When the queue is empty it
    parks until a waker unparks it, so a pending task costs no CPU. A task that returns Ready is
    dropped and never polled again. Each executor has its own queue and parker, so several
    executors on several threads can share one reactor: a waker knows which executor to wake.
    """

    def __init__(self, observer: ExecutorObserver, make_waker: Callable[[Executor, int], AnyWaker] = Waker) -> None:
        """`make_waker(executor, task)` makes the waker of each poll; chapter 10 hands in a richer one."""
        self._observer = observer
        self._make_waker = make_waker
        self._tasks: dict[int, Future[str]] = {}  # only block_on's thread touches it
        self._next_task = 0
        self._ready: deque[int] = deque()  # wakers append from any thread: deque appends are thread-safe
        self._parker = Parker()
        self._stopped = False
        self.current_task: int | None = None
        """The task being polled, while one is."""

    def spawn(self, future: Future[str]) -> int:
        """Adds a task, ready to be polled; returns its id. Call it on block_on's thread (from a task)."""
        task = self._next_task
        self._next_task += 1
        self._tasks[task] = future
        self._observer.spawned(task)
        self._ready.append(task)
        return task

    def block_on(self, root: Future[str]) -> str:
        """Runs `root`, and every task spawned meanwhile, to the end; returns the root's value."""
        root_task = self.spawn(root)
        value = ""
        while self._tasks:
            task = self._next_ready()
            future = self._tasks.pop(task, None)
            if future is None:
                continue  # a wake for a task that finished (or never was): nothing to poll
            self._observer.polled(task)
            self.current_task = task
            try:
                state = future.poll(self._make_waker(self, task))
            finally:
                self.current_task = None
            if isinstance(state, Ready):
                self._observer.finished(task)  # dropped here: nothing can poll it again
                if task == root_task:
                    value = state.value
            else:
                self._tasks[task] = future
        self._observer.all_finished()
        return value

    def wake(self, task: int) -> None:
        """Queues `task` to be polled and wakes the executor. What a Waker calls; safe from any thread."""
        self._observer.woken(task)
        self._ready.append(task)
        self._parker.unpark()

    def stop(self) -> None:
        """Makes `block_on` raise ExecutorStopped at its next step, even while it sleeps. Safe from any thread."""
        self._stopped = True
        self._parker.unpark()

    def _next_ready(self) -> int:
        """The next id on the ready queue; sleeps while there is none."""
        if not self._ready:
            self._observer.sleeping(len(self._tasks))
            # A wake between the check above and park() leaves the permit, so park() returns at once
            # and the loop finds the id: no wake is lost. A permit left by a wake whose id was already
            # taken lets park() return to an empty queue; the loop parks again.
            while not self._ready and not self._stopped:
                self._parker.park()
        if self._stopped:
            raise ExecutorStopped("the executor was stopped")
        return self._ready.popleft()
