"""PendingOnce: a future that is Pending once, having handed its waker to whoever is to call it."""

from __future__ import annotations

from collections.abc import Callable

from .future import PENDING, PollState, Ready, Waker


class PendingOnce:
    """Pending at its first poll, Ready with "" at the next, whoever woke it: the shape of Rust's `yield_now`.

    The first poll hands its waker to `arrange`, which decides who calls it and when: the poll
    itself (`yield_now`), or another thread the moment the executor goes to sleep (`yield_until_sleep`).
    """

    def __init__(self, arrange: Callable[[Waker], None]) -> None:
        self._arrange = arrange
        self._polled = False

    def poll(self, waker: Waker) -> PollState[str]:
        if self._polled:
            return Ready("")
        self._polled = True
        self._arrange(waker)
        return PENDING
