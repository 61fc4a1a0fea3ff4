"""NativeFuture: a native coroutine (`async def`) seen as a future: one poll is one `send(None)`."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, Generic, TypeVar

from ack.coroutines import PENDING, PollState, Ready
from ack.coroutines import Waker as AnyWaker

from .context import polling_with
from .waker import Waker

T = TypeVar("T")


class NativeFuture(Generic[T]):
    """Polls `coroutine`: runs it to its next suspension (Pending) or to its end (Ready with its value).

    Python compiles an `async def` into the state machine the book writes by hand; `send(None)`
    resumes it where it stopped. An awaitable deep inside that cannot finish yet takes the waker from
    `current_waker()`, which is this poll's, and yields: the whole chain of awaits suspends.
    """

    def __init__(self, coroutine: Coroutine[Any, Any, T]) -> None:
        self._coroutine = coroutine

    def poll(self, waker: AnyWaker) -> PollState[T]:
        if not isinstance(waker, Waker):
            raise TypeError("a native coroutine is polled by the runtime, with the runtime's waker")
        with polling_with(waker):
            try:
                self._coroutine.send(None)  # what it yields is only "Pending"; the waker is handed over
            except StopIteration as end:
                return Ready(end.value)
        return PENDING
