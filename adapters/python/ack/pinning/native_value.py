"""NativeValue: a value in C memory, named by its current place; NotMovable, the pin marker."""

from __future__ import annotations

from .errors import MoveRefused
from .native import NativeHeap, copy


class NotMovable:
    """The pin marker (Rust's PhantomPinned, which makes a type !Unpin): once pinned, never moved."""


class NativeValue:
    """A move copies the bytes to a new block and keeps the old block as a stale copy until the value
    is dropped, so an address that still points there reads old bytes, not freed memory (the stack
    slot of a moved Rust value stays until its function returns). While a Pin holds a NotMovable value,
    every move, swap and replace of its pinned part is refused.
    """

    def __init__(self, heap: NativeHeap, size: int) -> None:
        self._heap = heap
        self._size = size
        self._place = heap.allocate(size)
        self._stale: list[int] = []
        self._pinned = False
        self._dropped = False

    @property
    def address(self) -> int:
        return self._place

    @property
    def movable(self) -> bool:
        return not isinstance(self, NotMovable)

    @property
    def pinned(self) -> bool:
        return self._pinned

    def move(self) -> int:
        """Moves to a new place and returns its address; MoveRefused while pinned and not movable."""
        self._refuse_if_pinned("move")
        return self.relocate()

    def swap_with(self, other: NativeValue) -> None:
        """Swaps the two values' bytes in place, as std::mem::swap does."""
        self._refuse_if_pinned("swap")
        other._refuse_if_pinned("swap")
        self._swap_bytes(other)

    def _swap_bytes(self, other: NativeValue) -> None:
        """The seam of a swap: byte for byte. A swap that fixed up addresses would hide what the chapter shows."""
        scratch = self._heap.allocate(self._size)
        try:
            copy(self._place, scratch, self._size)
            copy(other._place, self._place, self._size)
            copy(scratch, other._place, self._size)
        finally:
            self._heap.free(scratch)

    def _pin_forbids_move(self) -> bool:
        """The seam of every refusal."""
        return self._pinned and not self.movable

    def _refuse_if_pinned(self, what: str) -> None:
        if self._pin_forbids_move():
            raise MoveRefused(f"{what} of a pinned {type(self).__name__} at {self._place:#x}, which is not movable")

    def relocate(self) -> int:
        """The move itself, unchecked: for `move` and for Pin's escape hatch only."""
        target = self._heap.allocate(self._size)
        copy(self._place, target, self._size)
        self._stale.append(self._place)
        self._place = target
        return target

    def mark_pinned(self, pinned: bool) -> None:
        """For Pin only."""
        self._pinned = pinned

    @property
    def heap(self) -> NativeHeap:
        return self._heap

    def drop(self) -> None:
        """Frees the place and every stale copy; dropping twice does nothing."""
        if self._dropped:
            return
        self._dropped = True
        self._pinned = False
        for block in [self._place, *self._stale]:
            self._heap.free(block)
        self._stale.clear()
