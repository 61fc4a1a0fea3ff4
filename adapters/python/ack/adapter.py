"""The kit's adapter for the Python implementations: protocol v1 over stdin/stdout (spec/protocol.md).

Started as `python3 adapters/python/adapter.py`, `python3 -m ack` or, once installed, `ack-python`;
the runner talks to it line by line. Area `fibers` needs greenlet, which here only Debian's
`/usr/bin/python3` has: run it with that one. One request in, one reply out, in order, on a single
thread. Only replies go to stdout; logs go to stderr.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, BinaryIO, TextIO

from ack.errors import AckError, ErrorKind
from ack.handlers import Area, AreaFactory, Op, Result, available_areas
from ack.protocol.args import Args, JsonValue
from ack.protocol.errors import bad_request
from ack.protocol.handles import Handles

NAME = "ack-python"
VERSION = "0.1.0"
PROTOCOL = 1

log = logging.getLogger(NAME)


class Server:
    """Reads requests, dispatches each op to its handler, writes one reply per request."""

    def __init__(self, areas: list[AreaFactory]) -> None:
        handles = Handles()  # one table for all areas: a handle is unique in the process
        self._areas: list[Area] = [make_area(handles) for make_area in areas]
        self._ops: dict[str, Op] = {"hello": self._hello, "reset": self._reset, "shutdown": self._shutdown}
        for area in self._areas:
            self._ops.update(area.ops())
        self._shutting_down = False

    def serve(self, requests: BinaryIO, replies: TextIO) -> None:
        """Serves until `shutdown` or end of input, then releases everything."""
        for line in requests:
            replies.write(json.dumps(self._answer(line)) + "\n")
            replies.flush()  # the runner waits for each reply before it sends the next request
            if self._shutting_down:
                break
        self._release_all()

    def _answer(self, line: bytes) -> dict[str, Any]:
        request_id: int | None = None
        try:
            request = _parse_object(line)
            request_id = _readable_id(request)
            if request_id is None or request_id < 1:
                raise bad_request('a request needs a positive integer "id"')
            op = self._op(request)
            return {"id": request_id, "ok": True, "result": op(_read_args(request))}
        except AckError as err:  # any area's failure: its kind is already the protocol's
            return _failure(request_id, err.kind, str(err))
        except Exception as err:  # a bug must not end the session: report it and keep serving
            log.exception("request failed unexpectedly: %r", line)
            return _failure(request_id, ErrorKind.INTERNAL, f"{type(err).__name__}: {err}")

    def _op(self, request: dict[str, JsonValue]) -> Op:
        name = request.get("op")
        if not isinstance(name, str):
            raise bad_request('a request needs a string "op"')
        if name not in self._ops:
            raise bad_request(f"unknown op {name!r}")
        return self._ops[name]

    def _hello(self, args: Args) -> Result:
        # Answered whatever version the runner speaks, so it can report a mismatch (§3.1).
        return {
            "name": NAME,
            "version": VERSION,
            "language": "python",
            "protocol": PROTOCOL,
            "areas": [area.name for area in self._areas],
            "capabilities": list(dict.fromkeys(c for area in self._areas for c in area.capabilities)),
        }

    def _reset(self, args: Args) -> Result:
        self._release_all()
        return {}

    def _shutdown(self, args: Args) -> Result:
        self._shutting_down = True
        return {}

    def _release_all(self) -> None:
        for area in self._areas:
            area.reset()


def _parse_object(line: bytes) -> dict[str, JsonValue]:
    try:
        request: JsonValue = json.loads(line.decode("utf-8"), parse_constant=_reject_constant)
    except ValueError as err:  # also covers invalid UTF-8 and JSONDecodeError
        raise bad_request(f"not JSON: {err}") from err
    if not isinstance(request, dict):
        raise bad_request("a request must be a JSON object")
    return request


def _reject_constant(name: str) -> None:
    # Python's json accepts NaN and Infinity, which JSON does not.
    raise ValueError(f"{name} is not JSON")


def _readable_id(request: dict[str, JsonValue]) -> int | None:
    """The id to answer with: any integer the request carries, else None (sent as null)."""
    request_id = request.get("id")
    if isinstance(request_id, int) and not isinstance(request_id, bool):
        return request_id
    return None


def _read_args(request: dict[str, JsonValue]) -> Args:
    args = request.get("args")
    if args is None:  # "args MAY be omitted when empty"
        return Args({})
    if not isinstance(args, dict):
        raise bad_request('"args" must be an object')
    return Args(args)


def _failure(request_id: int | None, kind: ErrorKind, message: str) -> dict[str, Any]:
    return {"id": request_id, "ok": False, "error": {"kind": kind.value, "message": message}}


def main() -> int:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(name)s: %(levelname)s %(message)s")
    areas, not_claimed = available_areas()
    for reason in not_claimed:
        log.warning(reason)  # one line each, on stderr, which the kit puts into its reports
    Server(areas).serve(sys.stdin.buffer, sys.stdout)
    return 0
