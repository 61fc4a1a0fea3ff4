"""HttpGet: the book's `Http::get` leaf, a GET request to the delay server on 127.0.0.1."""

from __future__ import annotations

from ack.errors import ErrorKind
from ack.eventqueue import EventQueueError, TcpStream
from ack.eventqueue.closeable import Closeable

from .future import PENDING, PollState, Ready, Waker

HOST = "127.0.0.1"


class HttpGet(Closeable):
    """Lazy like the book's: creating it sends nothing.

    The first poll connects (a blocking connect, as the book does), sends the request, switches the
    stream to non-blocking and returns Pending without reading. Each later poll reads what has
    arrived, without blocking; at end of stream (the server closes the connection) it is Ready with
    the response's body.

    Chapter 7 has no reactor, so between polls nothing watches the socket: the caller just polls
    again. Chapter 8's `runtime.ReactorHttpGet` fills in the three hooks below to have the reactor
    watch the socket and wake the task.
    """

    read_size = 4096
    """The most one read takes; a response larger than this arrives in several reads."""

    def __init__(self, port: int, path: str) -> None:
        self._request = f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
        self._port = port
        self._stream: TcpStream | None = None
        self._response = bytearray()

    def poll(self, waker: Waker) -> PollState[str]:
        if self._stream is None:
            self._stream = TcpStream.connect(HOST, self._port)  # non-blocking once connected
            self._send()
            self._on_sent(self._stream, waker)
            return PENDING
        self._before_read(waker)
        if not self._read_available():
            return PENDING
        self._on_end(self._stream)
        self.close()
        body = self._response.partition(b"\r\n\r\n")[2]  # after the headers' blank line
        return Ready(body.decode("utf-8", errors="replace"))

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def _send(self) -> None:
        assert self._stream is not None
        unsent = self._request
        while unsent:  # a request this small goes in one write, but a write may take less
            unsent = unsent[self._stream.write(unsent) :]

    def _read_available(self) -> bool:
        """Reads until nothing more is there; True at end of stream."""
        assert self._stream is not None
        while True:
            try:
                chunk = self._stream.read(self.read_size)
            except EventQueueError as err:
                if err.kind is ErrorKind.WOULD_BLOCK:
                    return False
                raise
            if not chunk:
                return True
            self._response += chunk

    # Hooks for chapter 8. Without a reactor there is nothing to arrange: the caller polls again.

    def _on_sent(self, stream: TcpStream, waker: Waker) -> None:
        """The request is sent; `waker` is the first poll's."""

    def _before_read(self, waker: Waker) -> None:
        """A later poll is about to read; `waker` is this poll's."""

    def _on_end(self, stream: TcpStream) -> None:
        """The server closed the connection; the stream is closed right after."""
