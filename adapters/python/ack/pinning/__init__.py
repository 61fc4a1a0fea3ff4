"""Pinning, after chapter 9 of "Asynchronous Programming in Rust": self-referential state at real addresses.

CPython never moves an object, and a reference to one never dangles; the hazard the chapter teaches is a
raw address that outlives the place it names. So values here live in C memory (ctypes and libc's
malloc): a move copies their bytes to a new block and keeps the old block as a stale copy, and a
self-reference is an address stored in those bytes, which no move fixes up.

    heap = NativeHeap()
    x = MaybeSelfRef(heap)            # the book's MaybeSelfRef: NotMovable, like !Unpin
    pin = Pin.boxed(x)                # pinned until dropped: x.move() raises MoveRefused
    x.init()                          # b = the address of x's own a
    pin.unsafe_move_unchecked()       # the escape hatch: moved, and b points at the stale copy

One concept per module: native (NativeHeap), native_value (NativeValue, NotMovable), self_ref
(SelfRefValue, MaybeSelfRef), pin (Pin, ScopedPin), buffer (the book's self-referential coroutine),
root (a root that keeps its child pinned), executor (the ch09/b executor and the ch09/c shortcut), errors.
"""

from .buffer import BufferCoroutine, NativeCoroutine, PinnedBufferCoroutine
from .errors import MoveRefused
from .executor import Executor, ExecutorRun, ShortcutExecutor
from .native import NativeHeap
from .native_value import NativeValue, NotMovable
from .pin import Pin, ScopedPin
from .root import RootCoroutine
from .self_ref import MaybeSelfRef, SelfRefValue

__all__ = [
    "BufferCoroutine",
    "Executor",
    "ExecutorRun",
    "MaybeSelfRef",
    "MoveRefused",
    "NativeCoroutine",
    "NativeHeap",
    "NativeValue",
    "NotMovable",
    "Pin",
    "PinnedBufferCoroutine",
    "RootCoroutine",
    "ScopedPin",
    "SelfRefValue",
    "ShortcutExecutor",
]
