"""What every area handler offers the server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from ack.protocol.args import Args

Result = dict[str, Any]
Op = Callable[[Args], Result]


class Area(Protocol):
    """An area of the protocol (spec/protocol.md §3.1), e.g. `event-queue`."""

    name: str
    capabilities: tuple[str, ...]

    def ops(self) -> dict[str, Op]:
        """The area's operations by wire name; each returns the reply's `result` or raises an AckError."""
        ...

    def reset(self) -> None:
        """Releases everything the area created in this session."""
        ...
