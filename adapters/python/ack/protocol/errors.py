"""ProtocolError: what the adapter itself rejects (a BadRequest, an UnknownHandle, an Unsupported), apart from the areas' failures."""

from __future__ import annotations

from ack.errors import AckError, ErrorKind


class ProtocolError(AckError):
    """A request failed in the adapter rather than in an implementation; the reply carries `kind` and the message."""


def bad_request(message: str) -> ProtocolError:
    return ProtocolError(ErrorKind.BAD_REQUEST, message)


def unsupported(capability: str) -> ProtocolError:
    """PR-10: the request needs `capability`, which the adapter did not claim."""
    return ProtocolError(ErrorKind.UNSUPPORTED, f"{capability} is not claimed")
