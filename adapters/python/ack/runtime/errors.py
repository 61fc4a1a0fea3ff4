"""RuntimeContextError: code that needs a runtime's context ran outside it (kind NOT_INITIALISED)."""

from __future__ import annotations

from ack.errors import AckError


class RuntimeContextError(AckError):
    """An operation needs a context it is not in: a task's poll, an executor's thread, the other runtime."""
