"""Registry: tells the epoll instance which sources to watch, and remembers each one's token."""

from __future__ import annotations

import select
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .errors import error_from_os, invalid_argument
from .event import Event
from .interest import Interest
from .token import Token
from .trigger import Trigger

if TYPE_CHECKING:
    from .waker import Waker


class Source(Protocol):
    """Anything backed by a file descriptor: a TcpStream, a socket, a Waker."""

    def fileno(self) -> int: ...


@dataclass(frozen=True)
class _Registration:
    token: Token
    waker: Waker | None = None  # set for a waker's eventfd, which poll must drain


class Registry:
    """Registers, reregisters and deregisters sources with one epoll instance.

    The kernel remembers *which* fds are registered (so it answers EEXIST / ENOENT, and it forgets an
    fd by itself when the fd is closed). The token is ours to remember: the book keeps it in
    epoll_event's data field, but Python's select.epoll hands back only the fd. So the registry keeps an
    fd -> token map, updated right after the kernel accepted each change. An entry left behind by a
    closed fd is harmless: the kernel no longer reports that fd, and registering the fd's next owner
    overwrites the entry.

    Safe to use from other threads while one thread blocks in `Poll.poll` (epoll allows that);
    the lock keeps the map and the kernel's view in step.
    """

    def __init__(self, epoll: select.epoll) -> None:
        self._epoll = epoll
        self._lock = threading.Lock()
        self._registrations: dict[int, _Registration] = {}

    def register(
        self, source: Source, token: Token, interests: Interest, trigger: Trigger = Trigger.LEVEL, oneshot: bool = False
    ) -> None:
        """Starts watching `source`; its events will carry `token`. AlreadyRegistered if it is watched."""
        mask = _epoll_mask(interests, trigger, oneshot)
        self._watch(self._epoll.register, source, mask, _Registration(token), "register")

    def reregister(
        self, source: Source, token: Token, interests: Interest, trigger: Trigger = Trigger.LEVEL, oneshot: bool = False
    ) -> None:
        """Replaces token, interests and mode of a watched source, and re-arms it if it was oneshot."""
        mask = _epoll_mask(interests, trigger, oneshot)
        self._watch(self._epoll.modify, source, mask, _Registration(token), "reregister")

    def deregister(self, source: Source) -> None:
        """Stops watching `source`: no events for it from now on. NotRegistered if it was not watched."""
        fd = self._fd_of(source)
        with self._lock:
            self._ctl(self._epoll.unregister, fd, action="deregister")
            del self._registrations[fd]

    def _register_waker(self, waker: Waker, token: Token) -> None:
        """Package-internal: a waker's eventfd is registered level-triggered and drained by poll."""
        self._watch(self._epoll.register, waker, select.EPOLLIN, _Registration(token, waker), "register waker")

    def _watch(
        self,
        operation: Callable[..., None],
        source: Source,
        mask: int,
        registration: _Registration,
        action: str,
    ) -> None:
        """Adds `source` to the epoll set or modifies it (`operation`); remembers the token once the kernel agreed."""
        fd = self._fd_of(source)
        with self._lock:
            self._ctl(operation, fd, mask, action=action)
            self._registrations[fd] = registration

    def _to_events(self, ready: list[tuple[int, int]]) -> list[Event]:
        """Package-internal: turns epoll's (fd, mask) pairs into events carrying tokens."""
        events: list[Event] = []
        with self._lock:
            for fd, mask in ready:
                registration = self._registrations.get(fd)
                if registration is None:
                    continue  # deregistered by another thread after epoll_wait returned
                if registration.waker is not None:
                    registration.waker._drain()
                events.append(Event.from_epoll(registration.token, mask))
        return events

    def _close_wakers(self) -> None:
        """Package-internal: the poll instance is closing, and its wakers go with it."""
        with self._lock:
            for registration in self._registrations.values():
                if registration.waker is not None:
                    registration.waker.close()
            self._registrations.clear()

    def _fd_of(self, source: Source) -> int:
        if self._epoll.closed:
            raise invalid_argument("the poll instance is closed")
        fd = source.fileno()
        if fd < 0:  # what a closed Python socket reports
            raise invalid_argument("the source is closed")
        return fd

    @staticmethod
    def _ctl(operation: Callable[..., None], *arguments: int, action: str) -> None:
        try:
            operation(*arguments)
        except OSError as err:
            raise error_from_os(err, action) from err


def _epoll_mask(interests: Interest, trigger: Trigger, oneshot: bool) -> int:
    if not interests:
        raise invalid_argument("interests must not be empty")
    mask = 0
    if Interest.READABLE in interests:
        # EPOLLRDHUP lets an event say that the peer closed its side (Event.read_closed).
        mask |= select.EPOLLIN | select.EPOLLRDHUP
    if Interest.WRITABLE in interests:
        mask |= select.EPOLLOUT
    if trigger is Trigger.EDGE:
        mask |= select.EPOLLET
    if oneshot:
        mask |= select.EPOLLONESHOT
    return mask
