"""Poll: the event queue itself, one epoll instance."""

from __future__ import annotations

import select

from .closeable import Closeable
from .errors import error_from_os, invalid_argument
from .events import Events
from .registry import Registry


class Poll(Closeable):
    """Waits for registered sources to become ready, like mio's Poll (and the book's ch04 Poll).

    Register sources through `registry()`, then call `poll` in a loop. Close it when done: the epoll
    fd is an OS handle, and Python would otherwise only release it whenever the object is collected.
    """

    def __init__(self) -> None:
        try:
            self._epoll = select.epoll()
        except OSError as err:
            raise error_from_os(err, "create epoll instance") from err
        self._registry = Registry(self._epoll)

    def registry(self) -> Registry:
        """The registry can be handed to other threads; they may register while `poll` blocks."""
        return self._registry

    def poll(self, events: Events, timeout_ms: float | None) -> None:
        """Waits for readiness, then replaces the contents of `events` with what is ready.

        `timeout_ms` None blocks until something is ready, 0 only looks, T waits at most T
        milliseconds. After a timeout `events` is empty; an empty result is not an error (it can also
        be spurious).
        """
        if self._epoll.closed:
            raise invalid_argument("the poll instance is closed")
        if timeout_ms is not None and timeout_ms < 0:
            raise invalid_argument(f"timeout {timeout_ms} ms is negative; use None to block")
        # select.epoll counts in seconds and takes -1 for "no timeout".
        timeout_s = -1 if timeout_ms is None else timeout_ms / 1000
        try:
            ready = self._epoll.poll(timeout_s, events.capacity)
        except OSError as err:
            raise error_from_os(err, "poll") from err
        events._replace(self._registry._to_events(ready))

    def close(self) -> None:
        """Releases the epoll fd and the wakers bound to it. Registered sources stay open: they are the caller's."""
        self._registry._close_wakers()
        self._epoll.close()
