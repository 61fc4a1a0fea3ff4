"""How the runtime fails: one exception type, told apart by its kind, as in the eventqueue package."""

from __future__ import annotations

from enum import Enum


class ErrorKind(Enum):
    """Spelled like the kit's protocol vocabulary (spec/protocol.md §2.1), so an adapter can pass a kind on."""

    ALREADY_RUNNING = "AlreadyRunning"
    """A reactor was started while one runs (the book panics: `Reactor already running`)."""

    NOT_INITIALISED = "NotInitialised"
    """The reactor was needed and none runs (the book panics: `Called outside an runtime context`)."""


class ReactorError(Exception):
    """An operation of the reactor failed; `kind` says how."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class ExecutorStopped(Exception):
    """`Executor.stop` ended a `block_on` before its tasks finished."""
