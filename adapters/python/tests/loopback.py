"""A TcpStream connected to a peer socket on 127.0.0.1, the shape every test needs."""

from __future__ import annotations

import socket

from ack.eventqueue import TcpStream
from ack.eventqueue.closeable import Closeable


class Loopback(Closeable):
    """`stream` is the non-blocking TcpStream under test; `peer` is the blocking socket at the other end."""

    def __init__(self) -> None:
        with socket.create_server(("127.0.0.1", 0)) as listener:
            host, port = listener.getsockname()
            self.stream = TcpStream.connect(host, port)
            self.peer, _ = listener.accept()

    def close(self) -> None:
        self.stream.close()
        self.peer.close()
