"""TcpStream: a non-blocking TCP connection, the kind of source the book registers."""

from __future__ import annotations

import socket

from .closeable import Closeable
from .errors import error_from_os, invalid_argument

# One read returns at most what the socket's receive buffer holds, so a bigger buffer only wastes
# memory; the bound keeps a huge `max_bytes` from allocating a huge buffer.
_READ_LIMIT = 1 << 20


class TcpStream(Closeable):
    """Connects like the book does (a blocking connect), then switches to non-blocking mode.

    From then on `read` and `write` never wait: when they cannot make progress they raise an
    EventQueueError of kind WOULD_BLOCK, and the caller polls until the stream is ready again.
    """

    def __init__(self, sock: socket.socket) -> None:
        sock.setblocking(False)
        self._socket = sock

    @classmethod
    def connect(cls, host: str, port: int) -> TcpStream:
        try:
            sock = socket.create_connection((host, port))
        except OSError as err:
            raise error_from_os(err, f"connect to {host}:{port}") from err
        return cls(sock)

    def fileno(self) -> int:
        """The OS handle to register; -1 once the stream is closed."""
        return self._socket.fileno()

    def read(self, max_bytes: int) -> bytes:
        """One read of at most `max_bytes`. b'' means end of stream: the peer closed its side."""
        if max_bytes < 1:
            raise invalid_argument(f"cannot read {max_bytes} bytes; ask for at least 1")
        self._ensure_open()
        try:
            return self._socket.recv(min(max_bytes, _READ_LIMIT))
        except OSError as err:
            raise error_from_os(err, "read") from err

    def write(self, data: bytes) -> int:
        """One write; returns how many bytes the kernel took, which may be fewer than `len(data)`."""
        self._ensure_open()
        try:
            return self._socket.send(data)
        except OSError as err:
            raise error_from_os(err, "write") from err

    def close(self) -> None:
        """Closing also removes the stream from every epoll set it was registered with."""
        self._socket.close()

    def _ensure_open(self) -> None:
        if self._socket.fileno() < 0:
            raise invalid_argument("the stream is closed")
