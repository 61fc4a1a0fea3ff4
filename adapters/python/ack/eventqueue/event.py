"""Event: one ready source, as reported by one poll."""

from __future__ import annotations

import select
from dataclasses import dataclass

from .token import Token


@dataclass(frozen=True)
class Event:
    """Which registration is ready (`token`) and for what.

    The closed/error flags follow mio's reading of epoll's bits, so code ported from mio sees the same.
    """

    token: Token
    readable: bool
    writable: bool
    read_closed: bool = False
    write_closed: bool = False
    error: bool = False

    @classmethod
    def from_epoll(cls, token: Token, mask: int) -> Event:
        readable = bool(mask & select.EPOLLIN)
        writable = bool(mask & select.EPOLLOUT)
        hung_up = bool(mask & select.EPOLLHUP)  # both directions are closed
        error = bool(mask & select.EPOLLERR)
        return cls(
            token=token,
            readable=readable,
            writable=writable,
            # EPOLLRDHUP: the peer shut down its writing side, so our reads end in EOF.
            read_closed=hung_up or (readable and bool(mask & select.EPOLLRDHUP)),
            # An error on a writable socket, or an error alone, means writing is over.
            write_closed=hung_up or (writable and error) or mask == select.EPOLLERR,
            error=error,
        )
