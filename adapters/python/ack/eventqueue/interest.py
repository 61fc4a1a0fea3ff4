"""Interest: which kinds of readiness a registration asks to be told about."""

from __future__ import annotations

from enum import Flag, auto


class Interest(Flag):
    """Combine with `|`, e.g. `Interest.READABLE | Interest.WRITABLE`.

    Unlike mio's Interest, a Flag can be empty (`Interest(0)`); the registry rejects that.
    """

    READABLE = auto()
    WRITABLE = auto()
