"""The waker of the poll that is running: how an awaitable finds its task's waker (Rust's `Context`).

Rust hands `cx: &mut Context` down through every `poll`; a native coroutine's `send(None)` carries
nothing, so each poll sets the waker in a context variable for the code it runs, and awaitables read
it with `current_waker()`.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from contextvars import ContextVar

from ack.errors import ErrorKind

from .errors import RuntimeContextError
from .waker import Waker

_waker: ContextVar[Waker | None] = ContextVar("waker", default=None)


def current_waker() -> Waker:
    """The waker of the running poll; NOT_INITIALISED when no task is being polled."""
    waker = _waker.get()
    if waker is None:
        raise RuntimeContextError(ErrorKind.NOT_INITIALISED, "awaited outside a task: no runtime is polling it")
    return waker


@contextmanager
def polling_with(waker: Waker) -> Generator[None]:
    """`current_waker()` is `waker` inside the block, and what it was before afterwards."""
    token = _waker.set(waker)
    try:
        yield
    finally:
        _waker.reset(token)
