"""Stack: a fiber's stack size, enforced as a budget of bytes."""

from __future__ import annotations

from ack.errors import ErrorKind

from .errors import FiberError


class Stack:
    """The stack of one slot, kept as an account rather than a block of memory.

    Python frames live on the heap, and greenlet copies a fiber's slice of the C stack aside whenever
    it switches away, so no fiber has a fixed block it could run off the end of. Code on a fiber
    therefore declares each frame it pushes; a push that would pass `size` fails with StackOverflow
    before the frame is used. That is where the book's fiber, which has no guard page, would start
    writing over memory it does not own.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._used = 0

    def push(self, frame_bytes: int) -> None:
        """Declares a frame of `frame_bytes`; StackOverflow, with nothing pushed, when it does not fit."""
        if frame_bytes > self.size - self._used:
            raise FiberError(
                ErrorKind.STACK_OVERFLOW,
                f"a frame of {frame_bytes} bytes does not fit: {self._used} of the stack's {self.size} bytes are in use",
            )
        self._used += frame_bytes

    def pop(self, frame_bytes: int) -> None:
        """Gives back a frame pushed before."""
        self._used -= frame_bytes

    def clear(self) -> None:
        """Gives back every frame, for code whose frames an exception unwound before they could pop."""
        self._used = 0
