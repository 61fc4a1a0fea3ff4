"""init and shutdown: the runtime's reactor is started once per process."""

from __future__ import annotations

from ack import wakers

from .other_runtime import stop_other_runtime


def init() -> None:
    """The book's `runtime::init`: starts the reactor; ALREADY_RUNNING while one runs (until `shutdown`).

    The book's also returns an executor for the calling thread; here each thread makes its own
    `Executor(observer)`, and all of them share the reactor.
    """
    wakers.start_reactor()


def shutdown() -> None:
    """Stops the reactor, and the other runtime if one was made; `init` may be called again afterwards.

    Stop the executors first: a task must not poll a leaf of a stopped reactor.
    """
    wakers.stop_reactor()
    stop_other_runtime()
