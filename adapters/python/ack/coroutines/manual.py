"""Manual leaves: futures that are Ready when someone outside says so, by name."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from .future import PENDING, PollState, Ready, Waker


@dataclass
class _Leaf:
    value: str | None = None  # None until made ready
    waker: Waker | None = None  # from the most recent poll that found it pending


class ManualLeaves:
    """The named leaves of a session: programs wait on them, the runner makes them ready.

    A leaf may be made ready before anything polled it; its first poll is then Ready. Safe to use
    from several threads: an executor polls while the request thread makes leaves ready.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._leaves: dict[str, _Leaf] = {}

    def leaf(self, name: str) -> ManualLeaf:
        """A future for leaf `name`; creating it does nothing."""
        return ManualLeaf(self, name)

    def make_ready(self, name: str, value: str) -> None:
        """Makes leaf `name` Ready with `value`, and wakes the waker of its most recent pending poll."""
        waker = self.complete(name, value)
        if waker is not None:
            waker.wake()  # outside the lock: waking may take other locks (an executor's, a trace's)

    def complete(self, name: str, value: str) -> Waker | None:
        """Makes leaf `name` Ready with `value`; returns the waker of its most recent pending poll, for
        the caller to wake as it likes (chapter 10 wakes by value or by reference), or None."""
        with self._lock:
            leaf = self._leaves.setdefault(name, _Leaf())
            leaf.value = value
            waker, leaf.waker = leaf.waker, None
        return waker

    def clear(self) -> None:
        with self._lock:
            self._leaves.clear()

    def _poll(self, name: str, waker: Waker) -> PollState[str]:
        # One lock for "is it ready?" and "keep the waker", so make_ready either finds this waker or
        # this poll finds the value: a wake cannot fall between the two.
        with self._lock:
            leaf = self._leaves.setdefault(name, _Leaf())
            if leaf.value is not None:
                return Ready(leaf.value)
            leaf.waker = waker  # the most recent poll's waker replaces older ones
            return PENDING


class ManualLeaf:
    """Pending until `ManualLeaves.make_ready(name, …)`; then Ready with that value."""

    def __init__(self, leaves: ManualLeaves, name: str) -> None:
        self._leaves = leaves
        self._name = name

    def poll(self, waker: Waker) -> PollState[str]:
        return self._leaves._poll(self._name, waker)
