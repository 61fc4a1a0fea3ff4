"""How coroutines fail: one exception type, told apart by its kind, as in the eventqueue package."""

from __future__ import annotations

from enum import Enum


class ErrorKind(Enum):
    """Spelled like the kit's protocol vocabulary (spec/protocol.md §2.1), so an adapter can pass a kind on."""

    POLLED_AFTER_READY = "PolledAfterReady"
    """Polled again after it ended (the book panics: `Polled a resolved future`)."""


class CoroutineError(Exception):
    """A coroutine was used wrongly; `kind` says how."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
