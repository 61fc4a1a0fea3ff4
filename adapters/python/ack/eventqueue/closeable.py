"""Closeable: `with` support for the objects that hold an OS handle (Poll, TcpStream)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self


class Closeable(ABC):
    """Owns OS handles, so it must be closed; `with obj:` closes it on the way out, also when the block raises."""

    @abstractmethod
    def close(self) -> None:
        """Releases the OS handles this object owns."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
