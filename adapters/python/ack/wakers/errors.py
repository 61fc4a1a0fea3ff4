"""How the runtime fails: ReactorError (kinds ALREADY_RUNNING, NOT_INITIALISED), and a stopped executor."""

from __future__ import annotations

from ack.errors import AckError


class ReactorError(AckError):
    """An operation of the reactor failed; `kind` says how."""


class ExecutorStopped(Exception):
    """`Executor.stop` ended a `block_on` before its tasks finished."""
