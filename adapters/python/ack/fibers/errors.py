"""FiberError: how the fiber runtime fails (kinds NO_FREE_SLOT, STACK_OVERFLOW, NOT_INITIALISED, INVALID_ARGUMENT)."""

from __future__ import annotations

from ack.errors import AckError


class FiberError(AckError):
    """An operation of the fiber runtime failed; `kind` says how."""
