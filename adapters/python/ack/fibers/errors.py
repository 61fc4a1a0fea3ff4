"""How the fiber runtime fails: one exception type, told apart by its kind."""

from __future__ import annotations

from enum import Enum


class ErrorKind(Enum):
    """The ways an operation can fail.

    The values are spelled like the kit's protocol vocabulary (spec/protocol.md §2.1), so an adapter
    can pass a kind on unchanged.
    """

    NO_FREE_SLOT = "NoFreeSlot"
    STACK_OVERFLOW = "StackOverflow"
    NOT_INITIALISED = "NotInitialised"
    INVALID_ARGUMENT = "InvalidArgument"


class FiberError(Exception):
    """An operation of the fiber runtime failed; `kind` says how."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
