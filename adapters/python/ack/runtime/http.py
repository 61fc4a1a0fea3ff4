"""HttpGet: the book's `Http::get` on the runtime's reactor, reading with a small buffer."""

from __future__ import annotations

from ack import wakers


class HttpGet(wakers.ReactorHttpGet):
    """Chapter 8's leaf on the running reactor (NOT_INITIALISED before `init`); `await Awaited(HttpGet(…))`.

    It reads 147 bytes at a time, as the book's chapter 10 leaf does, so a response arrives in several
    reads; it is Ready once, with the whole body, when the server closed the connection.
    """

    read_size = 147

    def __init__(self, port: int, path: str) -> None:
        super().__init__(port, path, wakers.current_reactor())
