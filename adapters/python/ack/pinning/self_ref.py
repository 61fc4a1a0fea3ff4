"""SelfRefValue and MaybeSelfRef: the book's MaybeSelfRef (ch09/d-pin), without and with its pin marker."""

from __future__ import annotations

from .native import NativeHeap, read, write
from .native_value import NativeValue, NotMovable

_A = 0
_B = 8
_LABEL = 16
SIZE = 24
"""Three 64-bit fields: a, b (a raw address, 0 for null) and label (plain data nothing points into)."""


class SelfRefValue(NativeValue):
    """Movable: it may be moved pinned or not."""

    def __init__(self, heap: NativeHeap) -> None:
        super().__init__(heap, SIZE)

    def init(self) -> None:
        """The book's init: b = the address of this value's own a, where it is now."""
        write(self.address + _B, self.a_address)

    @property
    def a(self) -> int:
        return read(self.address + _A)

    @property
    def a_address(self) -> int:
        return self.address + _A

    @property
    def b(self) -> int:
        return read(self.address + _B)

    @property
    def label(self) -> int:
        return read(self.address + _LABEL)

    def write_through_b(self, value: int) -> None:
        """Writes wherever b points (the book's `*x.b().unwrap() = 2`)."""
        target = self.b
        if target == 0:
            raise ValueError("b is null: the value was not initialised")
        write(target, value)

    def set_label(self, value: int) -> None:
        """Pin projection exposes the plain field as a plain reference: allowed pinned or not."""
        write(self.address + _LABEL, value)

    def replace_inner(self, a: int) -> None:
        """Replaces the self-referential part (a, and b set to null): a move of what projection exposes pinned."""
        self._refuse_if_pinned("replace of the pinned part")
        write(self.address + _A, a)
        write(self.address + _B, 0)


class MaybeSelfRef(SelfRefValue, NotMovable):
    """With the pin marker: pinned, it refuses every move."""
