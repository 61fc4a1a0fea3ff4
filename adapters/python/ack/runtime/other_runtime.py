"""The other runtime: a second, separate one (the book's tokio next to ours), found through a context."""

from __future__ import annotations

import threading
from contextvars import ContextVar

from ack.coroutines import PollState
from ack.coroutines import Waker as AnyWaker
from ack.errors import ErrorKind
from ack.eventqueue.closeable import Closeable
from ack.wakers import Reactor, ReactorHttpGet

from .errors import RuntimeContextError


class _OtherRuntime:
    """Its own reactor, on its own thread; our tasks only borrow it for their requests."""

    def __init__(self) -> None:
        self.reactor = Reactor()


_entered: ContextVar[_OtherRuntime | None] = ContextVar("other_runtime", default=None)
_instance: _OtherRuntime | None = None
_instance_lock = threading.Lock()


def enter_other_runtime() -> None:
    """The rest of the current task runs in the other runtime's context (made at the first call).

    Like tokio's `Runtime::enter` guard held across awaits. The context variable lives in the task's
    own context, so it stays with this task, whichever thread polls it, and no other task sees it.
    """
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = _OtherRuntime()
        _entered.set(_instance)


def stop_other_runtime() -> None:
    """Stops the other runtime's reactor, if one was made."""
    global _instance
    with _instance_lock:
        runtime, _instance = _instance, None
    if runtime is not None:
        runtime.reactor.stop()


class OtherRuntimeGet(Closeable):
    """A GET bound to the other runtime's reactor (the book's reqwest on tokio).

    Its first poll looks for the other runtime in the task's context: outside it the poll fails with
    NOT_INITIALISED (reqwest panics there); inside it, the request registers with the other
    runtime's reactor, which wakes our task through the standard waker.
    """

    def __init__(self, port: int, path: str) -> None:
        self._port = port
        self._path = path
        self._get: ReactorHttpGet | None = None

    def poll(self, waker: AnyWaker) -> PollState[str]:
        if self._get is None:
            runtime = _entered.get()
            if runtime is None:
                raise RuntimeContextError(
                    ErrorKind.NOT_INITIALISED,
                    "this request needs the other runtime's context: the task must enter it first",
                )
            self._get = ReactorHttpGet(self._port, self._path, runtime.reactor)
        return self._get.poll(waker)

    def close(self) -> None:
        if self._get is not None:
            self._get.close()
