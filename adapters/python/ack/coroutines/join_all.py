"""JoinAll: waits on several futures at once (the book's `join_all`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from .future import PENDING, Future, PollState, Ready, Waker

T = TypeVar("T")


class JoinAll(Generic[T]):
    """Ready with every future's value, in the order given, once all of them are Ready.

    Each poll polls every unfinished future once, in order and with the same waker, and never polls
    a finished one again. With no futures at all it is Ready on its first poll.
    """

    def __init__(self, futures: Iterable[Future[T]]) -> None:
        self._futures = list(futures)
        self._values: dict[int, T] = {}  # by position, for the futures that are Ready

    def poll(self, waker: Waker) -> PollState[list[T]]:
        for index, future in enumerate(self._futures):
            if index in self._values:
                continue
            state = future.poll(waker)
            if isinstance(state, Ready):
                self._values[index] = state.value
        if len(self._values) < len(self._futures):
            return PENDING
        return Ready([self._values[index] for index in range(len(self._futures))])
