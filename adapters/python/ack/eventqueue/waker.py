"""Waker: lets any thread interrupt a poll that is blocking."""

from __future__ import annotations

import os

from .errors import error_from_os, invalid_argument
from .registry import Registry
from .token import Token


class Waker:
    """Like mio's Waker: `wake()` makes the poll it is bound to report an event with its token.

    It is an eventfd, a kernel counter that is readable while it is not zero. `wake()` adds one; the
    poll that reports it reads the counter back to zero, because a level-triggered registration would
    otherwise report it on every poll. Wakes that happen before the next poll merge into one event.
    The poll instance owns its wakers: closing the poll closes them.
    """

    def __init__(self, registry: Registry, token: Token) -> None:
        self._fd: int = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        try:
            registry._register_waker(self, token)
        except BaseException:
            os.close(self._fd)
            raise

    def fileno(self) -> int:
        return self._fd

    def wake(self) -> None:
        """Safe from any thread."""
        if self._fd < 0:
            raise invalid_argument("the waker is closed")
        try:
            os.eventfd_write(self._fd, 1)
        except BlockingIOError:
            pass  # the counter is at its maximum: the poll will see it readable anyway
        except OSError as err:
            raise error_from_os(err, "wake") from err

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _drain(self) -> None:
        """Package-internal: called by the poll that reports this waker."""
        try:
            os.eventfd_read(self._fd)
        except BlockingIOError:
            pass  # already zero: a poll on another thread drained it first
