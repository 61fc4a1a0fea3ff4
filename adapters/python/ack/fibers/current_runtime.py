"""The current runtime of this thread (the book's global pointer, set by `init`) and the free functions that use it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ack.errors import ErrorKind

from .errors import FiberError

if TYPE_CHECKING:
    from .runtime import Runtime, Task

# One per thread, as the book's pointer would have to be: greenlets all run on the thread that made them.
_holder = threading.local()


def set_current(runtime: Runtime | None) -> None:
    """Makes `runtime` the current one of this thread; None leaves the thread with none."""
    _holder.runtime = runtime


def current() -> Runtime:
    """The current runtime of this thread; NotInitialised if there is none."""
    runtime: Runtime | None = getattr(_holder, "runtime", None)
    if runtime is None:
        raise FiberError(ErrorKind.NOT_INITIALISED, "no fiber runtime is initialised on this thread; call Runtime.init()")
    return runtime


def spawn(task: Task) -> int:
    """Spawns `task` on the current runtime (the book's `Runtime::spawn`); see Runtime.spawn."""
    return current().spawn(task)


def yield_now() -> bool:
    """Yields on the current runtime (the book's `yield_thread`); see Runtime.yield_now."""
    return current().yield_now()
