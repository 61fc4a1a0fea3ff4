"""What every area handler offers the server, and the error translation the areas share."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from typing import Any, Protocol, cast

from ack.protocol.args import Args
from ack.protocol.errors import ErrorKind, ProtocolError

Result = dict[str, Any]
Op = Callable[[Args], Result]


class Area(Protocol):
    """An area of the protocol (spec/protocol.md §3.1), e.g. `event-queue`."""

    name: str
    capabilities: tuple[str, ...]

    def ops(self) -> dict[str, Op]:
        """The area's operations by wire name; each returns the reply's `result` or raises ProtocolError."""
        ...

    def reset(self) -> None:
        """Releases everything the area created in this session."""
        ...


class _KindedError(Protocol):
    """A library's exception: its `kind` is an Enum whose values are spelled like the protocol's kinds."""

    kind: Enum


def with_protocol_errors(op: Op, *library_errors: type[Exception]) -> Op:
    """`op`, with the errors of the libraries it calls passed on by name: each kind is already a protocol kind."""

    @functools.wraps(op)
    def translated(args: Args) -> Result:
        try:
            return op(args)
        except library_errors as err:
            kind = cast(_KindedError, err).kind
            raise ProtocolError(ErrorKind(kind.value), str(err)) from err

    return translated
