"""The executor of ch09/b (spawn pins the task in its box, then polls it) and the shortcut of ch09/c."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from ack.coroutines import NOOP_WAKER, Ready

from .buffer import NativeCoroutine
from .pin import Pin


@dataclass(frozen=True)
class ExecutorRun:
    value: str
    shortcut_applied: bool
    requeued: int
    """How often the root went back into the task collection after a Pending poll."""


class _QueueWaker:
    def __init__(self, ready: deque[int], task: int) -> None:
        self._ready = ready
        self._task = task

    def wake(self) -> None:
        self._ready.append(self._task)


class Executor:
    """block_on takes a ready task out of the task map, polls it where it is and puts it back if it is
    Pending: only the box moves between collections, never the task.
    """

    def block_on(self, root: NativeCoroutine) -> ExecutorRun:
        """Runs `root` to its end and drops it."""
        try:
            return self._run_in_task_list(Pin.boxed(root), shortcut_applied=False)
        finally:
            root.drop()

    def _run_in_task_list(self, task: Pin[NativeCoroutine], shortcut_applied: bool) -> ExecutorRun:
        tasks: dict[int, Pin[NativeCoroutine]] = {0: task}
        ready: deque[int] = deque([0])
        requeued = 0
        while ready:
            task_id = ready.popleft()
            polled = tasks.pop(task_id)
            state = polled.get().poll(_QueueWaker(ready, task_id))
            if isinstance(state, Ready):
                return ExecutorRun(state.value, shortcut_applied, requeued)
            tasks[task_id] = polled
            requeued += 1
        raise RuntimeError("no task is ready and nothing can wake one")


class ShortcutExecutor(Executor):
    """Polls the root once where it stands and moves it into the task list only if it is Pending;
    applied only to movable roots (for a !Unpin future ch09/e's shortcut no longer compiles).
    """

    def block_on(self, root: NativeCoroutine) -> ExecutorRun:
        if not self._may_poll_in_place(root):
            return super().block_on(root)
        try:
            with Pin.scoped(root) as here:
                first = here.get().poll(NOOP_WAKER)
            if isinstance(first, Ready):
                return ExecutorRun(first.value, True, 0)
            root.move()
            return self._run_in_task_list(Pin.boxed(root), shortcut_applied=True)
        finally:
            root.drop()

    def _may_poll_in_place(self, root: NativeCoroutine) -> bool:
        """The seam of the shortcut: only a movable root may be polled in place and moved afterwards."""
        return root.movable
