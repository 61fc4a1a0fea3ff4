"""Future: a value that is not there yet, and PollState, what one poll of it says."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Generic, Protocol, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class Ready(Generic[T_co]):
    """The future is done; `value` is its output. A future is not polled again after this.

    Covariant, because it is read-only: a Ready[str] is a Ready[object] too, and so a Future[str]
    serves wherever a Future[object] is asked for.
    """

    value: T_co


class Pending:
    """The future cannot make progress yet. Use the PENDING instance."""

    def __repr__(self) -> str:
        return "PENDING"


PENDING: Final = Pending()

PollState = Ready[T] | Pending
"""The book's `PollState<T>`: `Ready(T)` or `NotReady`."""


class Waker(Protocol):
    """What a pending future keeps, to say "poll me again" once it can make progress.

    Chapter 7 has no real wakers: the caller polls again whenever it likes, so it hands in
    NOOP_WAKER. Chapter 8's `runtime.Waker` puts a task back on its executor's ready queue.
    """

    def wake(self) -> None: ...


class Future(Protocol[T_co]):
    """The book's `Future` trait: `poll` runs the future as far as it can without blocking.

    Creating a future does no work; the first poll starts it.
    """

    def poll(self, waker: Waker) -> PollState[T_co]: ...


class _NoopWaker:
    def wake(self) -> None:
        pass  # nobody to tell: the caller polls again on its own


NOOP_WAKER: Final[Waker] = _NoopWaker()


class _CurrentWaker:
    """A future that is Ready at once with the waker it was polled with."""

    def poll(self, waker: Waker) -> Ready[Waker]:
        return Ready(waker)


CURRENT_WAKER: Final[Future[Waker]] = _CurrentWaker()
"""A coroutine body gets the waker of the poll that runs it with `waker = yield CURRENT_WAKER`."""
