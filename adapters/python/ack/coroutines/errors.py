"""CoroutineError: how coroutines fail (kind POLLED_AFTER_READY)."""

from __future__ import annotations

from ack.errors import AckError


class CoroutineError(AckError):
    """A coroutine was used wrongly; `kind` says how."""
