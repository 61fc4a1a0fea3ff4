"""Pin and ScopedPin: while a pin holds a NotMovable value, the value refuses every move."""

from __future__ import annotations

from types import TracebackType
from typing import Generic, TypeVar

from .native_value import NativeValue

V = TypeVar("V", bound=NativeValue)
W = TypeVar("W", bound=NativeValue)


class Pin(Generic[V]):
    """A heap pin (`Pin.boxed`, the book's Box::pin) lasts until the value is dropped."""

    def __init__(self, value: V) -> None:
        self._value = value
        value.mark_pinned(True)

    @staticmethod
    def boxed(value: W) -> Pin[W]:
        return Pin(value)

    @staticmethod
    def scoped(value: W) -> ScopedPin[W]:
        """Pinned until the `with` block (or `close`) ends its scope: the book's stack pinning."""
        return ScopedPin(value)

    def get(self) -> V:
        return self._value

    def unsafe_move_unchecked(self) -> int:
        """The escape hatch (Rust's unsafe get_unchecked_mut, then a move): moves the value although it is pinned."""
        return self._value.relocate()


class ScopedPin(Pin[V]):
    """After `close`, the value may be moved again, and a self-reference set while it was pinned breaks."""

    def close(self) -> None:
        self.get().mark_pinned(False)

    def __enter__(self) -> ScopedPin[V]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
