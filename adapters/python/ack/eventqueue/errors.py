"""How the event queue fails: one exception type, told apart by its kind (like Rust's io::ErrorKind)."""

from __future__ import annotations

import errno
from enum import Enum


class ErrorKind(Enum):
    """The ways an operation can fail.

    The values are spelled like the kit's protocol vocabulary (spec/protocol.md §2.1), so an adapter
    can pass a kind on unchanged.
    """

    WOULD_BLOCK = "WouldBlock"
    ALREADY_REGISTERED = "AlreadyRegistered"
    NOT_REGISTERED = "NotRegistered"
    INVALID_ARGUMENT = "InvalidArgument"
    IO = "Io"


# What the kernel's answer means for this package. EEXIST and ENOENT only come from epoll_ctl here:
# "add" of an fd already in the set, "modify"/"delete" of one that is not.
_KIND_BY_ERRNO = {
    errno.EAGAIN: ErrorKind.WOULD_BLOCK,  # EWOULDBLOCK is the same number on Linux
    errno.EEXIST: ErrorKind.ALREADY_REGISTERED,
    errno.ENOENT: ErrorKind.NOT_REGISTERED,
    errno.EBADF: ErrorKind.INVALID_ARGUMENT,
    errno.EINVAL: ErrorKind.INVALID_ARGUMENT,
}


class EventQueueError(Exception):
    """An operation of the event queue failed; `kind` says how."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def error_from_os(err: OSError, action: str) -> EventQueueError:
    """Translates an OSError raised while doing `action`; the message names the errno (e.g. ECONNREFUSED)."""
    code = err.errno or 0
    name = errno.errorcode.get(code, f"errno {code}")
    return EventQueueError(_KIND_BY_ERRNO.get(code, ErrorKind.IO), f"{action}: {name} ({err.strerror or err})")


def invalid_argument(message: str) -> EventQueueError:
    return EventQueueError(ErrorKind.INVALID_ARGUMENT, message)
