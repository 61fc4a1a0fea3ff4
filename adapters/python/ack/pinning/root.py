"""RootCoroutine: a root that keeps its one child pinned in the child's own block (ch09/e's Pin<Box<...>>)."""

from __future__ import annotations

from ack.coroutines import PollState, Ready, Waker

from .buffer import NativeCoroutine
from .native import NativeHeap, read, write
from .pin import Pin

_STATE = 0
_CHILD = 8


class RootCoroutine(NativeCoroutine):
    """Its state holds the child's address, nothing of its own: it is movable, and moving it leaves the child in place."""

    def __init__(self, heap: NativeHeap, child: NativeCoroutine) -> None:
        super().__init__(heap, 16)
        self._child = Pin.boxed(child)

    def _resume(self, waker: Waker) -> PollState[str]:
        if read(self.address + _STATE) == 0:
            write(self.address + _CHILD, self._child.get().address)
            write(self.address + _STATE, 1)
        state = self._child.get().poll(waker)
        if isinstance(state, Ready):
            write(self.address + _STATE, 2)
        return state

    def drop(self) -> None:
        self._child.get().drop()
        super().drop()
