"""Handles: the positive integers by which requests name objects the adapter created."""

from __future__ import annotations

from typing import TypeVar

from ack.errors import ErrorKind

from .errors import ProtocolError

T = TypeVar("T")


class Handles:
    """One table for the whole process, so a handle names one object, of one kind, in any area.

    Numbers are never reused, not even after `reset`, so a stale handle is always UnknownHandle.
    """

    def __init__(self) -> None:
        self._next = 1
        self._objects: dict[int, object] = {}

    def issue(self, obj: object) -> int:
        handle = self._next
        self._next += 1
        self._objects[handle] = obj
        return handle

    def get(self, handle: int, kind: type[T]) -> T:
        """The object named by `handle`; UnknownHandle if there is none, or it is not a `kind`."""
        obj = self._objects.get(handle)
        if not isinstance(obj, kind):
            raise ProtocolError(ErrorKind.UNKNOWN_HANDLE, f"handle {handle} does not name a {kind.__name__}")
        return obj

    def release(self, handle: int) -> None:
        del self._objects[handle]

    def release_all(self, kind: type[T]) -> list[T]:
        """Forgets every object of `kind` and returns them, for the caller to close."""
        released = [obj for obj in self._objects.values() if isinstance(obj, kind)]
        self._objects = {h: obj for h, obj in self._objects.items() if not isinstance(obj, kind)}
        return released
