"""The protocol's closed vocabulary of error kinds (spec/protocol.md §2.1)."""

from __future__ import annotations

from enum import Enum


class ErrorKind(Enum):
    WOULD_BLOCK = "WouldBlock"
    TIMED_OUT = "TimedOut"
    ALREADY_REGISTERED = "AlreadyRegistered"
    NOT_REGISTERED = "NotRegistered"
    INVALID_ARGUMENT = "InvalidArgument"
    UNSUPPORTED = "Unsupported"
    UNKNOWN_HANDLE = "UnknownHandle"
    BAD_REQUEST = "BadRequest"
    IO = "Io"
    NO_FREE_SLOT = "NoFreeSlot"
    STACK_OVERFLOW = "StackOverflow"
    NOT_INITIALISED = "NotInitialised"
    POLLED_AFTER_READY = "PolledAfterReady"
    ALREADY_RUNNING = "AlreadyRunning"
    INTERNAL = "Internal"


class ProtocolError(Exception):
    """A request failed; the reply carries `kind` and the message."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def bad_request(message: str) -> ProtocolError:
    return ProtocolError(ErrorKind.BAD_REQUEST, message)
