"""How everything in ack fails: each area raises its own exception type, and all of them carry one ErrorKind.

The kinds are the kit protocol's closed vocabulary (spec/protocol.md §2.1), spelled as on the wire, so
the adapter answers any failure with `kind.value` and never translates. As with Rust's
`io::ErrorKind`, code decides on the kind; the message is for humans.
"""

from __future__ import annotations

from enum import Enum


class ErrorKind(Enum):
    WOULD_BLOCK = "WouldBlock"
    """Nothing to read now, or no space to write now."""

    TIMED_OUT = "TimedOut"
    """A wait the request asked for ran out."""

    ALREADY_REGISTERED = "AlreadyRegistered"
    """The source is already registered with this poll instance."""

    NOT_REGISTERED = "NotRegistered"
    """The source is not registered with this poll instance."""

    INVALID_ARGUMENT = "InvalidArgument"
    """A well-formed value the implementation rejects: a closed OS handle, empty interests, a capacity of 0."""

    UNSUPPORTED = "Unsupported"
    """The request needs a capability the adapter did not claim."""

    UNKNOWN_HANDLE = "UnknownHandle"
    """A handle that was never issued, was released, or names another kind of object."""

    BAD_REQUEST = "BadRequest"
    """A request the protocol forbids: not JSON, an unknown op, a missing or mistyped arg."""

    IO = "Io"
    """Any other OS error; the message names it, e.g. ECONNREFUSED."""

    NO_FREE_SLOT = "NoFreeSlot"
    """Fibers: a spawn found every slot of the runtime taken."""

    STACK_OVERFLOW = "StackOverflow"
    """Fibers: a fiber used up its stack."""

    NOT_INITIALISED = "NotInitialised"
    """An operation that needs a runtime (or a reactor) was called where none was initialised."""

    POLLED_AFTER_READY = "PolledAfterReady"
    """Coroutines: polled again after it returned Ready (the book panics: `Polled a resolved future`)."""

    ALREADY_RUNNING = "AlreadyRunning"
    """Wakers: a second reactor was started while one runs (the book panics: `Reactor already running`)."""

    MOVE_REFUSED = "MoveRefused"
    """Pinning: a move, swap or replace of a pinned value that is not movable was refused."""

    INTERNAL = "Internal"
    """The adapter or implementation failed unexpectedly."""


class AckError(Exception):
    """The base of every area's exception: `kind` says how it failed, the message what happened."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
