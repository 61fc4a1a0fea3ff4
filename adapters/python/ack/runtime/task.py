"""Task: a spawned native coroutine, as the executor polls it."""

from __future__ import annotations

from collections.abc import Coroutine
from contextvars import Context
from typing import Any

from ack.coroutines import PENDING, PollState, Ready, Waker

from .native import NativeFuture


class Task:
    """An output-less native coroutine, owned by the executor (the book's `Pin<Box<dyn Future<Output = ()>>>`).

    Each task runs in a context of its own (`contextvars`), so what it enters (the other runtime's
    context) stays with it across its waits, and other tasks on the same thread do not see it. The
    chapter 8 executor's tasks have a string output; a task's is always "".
    """

    def __init__(self, coroutine: Coroutine[Any, Any, None]) -> None:
        self._future = NativeFuture(coroutine)
        self._context = Context()  # empty: a spawned task does not inherit its spawner's context

    def poll(self, waker: Waker) -> PollState[str]:
        state = self._context.run(self._future.poll, waker)
        return Ready("") if isinstance(state, Ready) else PENDING
