"""Events: the collection a poll fills with what is ready."""

from __future__ import annotations

from collections.abc import Iterator

from .errors import invalid_argument
from .event import Event

# epoll_wait rejects more than INT_MAX / sizeof(struct epoll_event) events per call; that struct is
# 12 bytes on x86-64 and 16 elsewhere, so this bound is safe everywhere.
MAX_CAPACITY = (2**31 - 1) // 16


class Events:
    """Holds at most `capacity` events, like mio's `Events::with_capacity`.

    Each poll replaces the contents: events left over from the previous poll are gone, and sources
    that did not fit are reported by the next poll.
    """

    def __init__(self, capacity: int) -> None:
        if not 1 <= capacity <= MAX_CAPACITY:
            raise invalid_argument(f"capacity {capacity} is outside 1..{MAX_CAPACITY}")
        self._capacity = capacity
        self._events: list[Event] = []

    @property
    def capacity(self) -> int:
        return self._capacity

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    def _replace(self, events: list[Event]) -> None:
        """Package-internal: only Poll fills the collection."""
        assert len(events) <= self._capacity
        self._events = events
