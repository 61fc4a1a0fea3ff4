"""Awaited: a future of chapter 7's kind (`poll(waker)`), made awaitable in native coroutines."""

from __future__ import annotations

from collections.abc import Awaitable, Generator, Iterable
from typing import Generic, TypeVar

from ack.coroutines import Future, JoinAll, Ready

from .context import current_waker
from .native import NativeFuture

T = TypeVar("T")


class Awaited(Generic[T]):
    """`await Awaited(future)` polls `future` with the task's waker, and suspends the task while it is Pending.

    The leaves (a manual leaf, an http request on the reactor) keep the waker of their most recent
    poll and call it when they can make progress; the task is then polled again and so is the leaf.
    """

    def __init__(self, future: Future[T]) -> None:
        self._future = future

    def __await__(self) -> Generator[None, None, T]:
        while True:
            state = self._future.poll(current_waker())
            if isinstance(state, Ready):
                return state.value
            yield  # Pending: the task's send(None) returns here, and the future has the waker


def join_all(awaitables: Iterable[Awaitable[T]]) -> Awaited[list[T]]:
    """The book's `join_all`: every awaitable's value, in the order given, once all of them finished.

    Chapter 7's JoinAll over them as futures: each poll of the task polls each unfinished one.
    """
    return Awaited(JoinAll(NativeFuture(_awaiting(awaitable)) for awaitable in awaitables))


async def _awaiting(awaitable: Awaitable[T]) -> T:
    """A coroutine around any awaitable (a coroutine too), so that `send(None)` can poll it."""
    return await awaitable
