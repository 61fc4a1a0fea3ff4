"""EventQueueError: how the event queue fails, and what an OS error means for it."""

from __future__ import annotations

import errno

from ack.errors import AckError, ErrorKind

# What the kernel's answer means for this package. EEXIST and ENOENT only come from epoll_ctl here:
# "add" of an fd already in the set, "modify"/"delete" of one that is not.
_KIND_BY_ERRNO = {
    errno.EAGAIN: ErrorKind.WOULD_BLOCK,  # EWOULDBLOCK is the same number on Linux
    errno.EEXIST: ErrorKind.ALREADY_REGISTERED,
    errno.ENOENT: ErrorKind.NOT_REGISTERED,
    errno.EBADF: ErrorKind.INVALID_ARGUMENT,
    errno.EINVAL: ErrorKind.INVALID_ARGUMENT,
}


class EventQueueError(AckError):
    """An operation of the event queue failed; `kind` says how."""


def error_from_os(err: OSError, action: str) -> EventQueueError:
    """Translates an OSError raised while doing `action`; the message names the errno (e.g. ECONNREFUSED)."""
    code = err.errno or 0
    name = errno.errorcode.get(code, f"errno {code}")
    return EventQueueError(_KIND_BY_ERRNO.get(code, ErrorKind.IO), f"{action}: {name} ({err.strerror or err})")


def invalid_argument(message: str) -> EventQueueError:
    return EventQueueError(ErrorKind.INVALID_ARGUMENT, message)
