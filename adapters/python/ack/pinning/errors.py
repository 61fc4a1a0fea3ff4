"""MoveRefused: a move of a pinned value that is not movable (kind MOVE_REFUSED)."""

from __future__ import annotations

from ack.errors import AckError, ErrorKind


class MoveRefused(AckError):
    """What Rust refuses at compile time, refused at run time: Python's types cannot say `!Unpin`."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorKind.MOVE_REFUSED, message)
