"""Token: the caller's name for a registration, handed back in every event of that source."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import invalid_argument

# The book's token is a usize and lives in epoll_event's 64-bit data field.
_MAX_TOKEN = 2**64 - 1


@dataclass(frozen=True)
class Token:
    """Like mio's `Token(usize)`: a plain number the caller chooses, e.g. an index into its own table.

    Python ints are exact at any size, so a token comes back exactly as it went in.
    """

    value: int

    def __post_init__(self) -> None:
        # bool is a subclass of int in Python; Token(True) is a mistake, not token 1.
        if isinstance(self.value, bool):
            raise invalid_argument("a token is an int, not a bool")
        if not 0 <= self.value <= _MAX_TOKEN:
            raise invalid_argument(f"token {self.value} is outside 0..2^64-1")
