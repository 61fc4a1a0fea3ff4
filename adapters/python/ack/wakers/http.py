"""ReactorHttpGet: chapter 7's HttpGet leaf, woken by the reactor instead of polled blindly."""

from __future__ import annotations

from ack.coroutines import HttpGet, Waker
from ack.eventqueue import TcpStream

from .reactor import Reactor


class ReactorHttpGet(HttpGet):
    """Registers its socket with `reactor` once the request is sent, and deregisters it at the end.

    Its first poll still returns Pending without reading; from then on the task is polled again
    only when the reactor sees the socket readable and wakes it.
    """

    def __init__(self, port: int, path: str, reactor: Reactor) -> None:
        super().__init__(port, path)
        self._reactor = reactor
        self._token = reactor.next_token()

    def _on_sent(self, stream: TcpStream, waker: Waker) -> None:
        self._reactor.register(stream, self._token, waker)

    def _before_read(self, waker: Waker) -> None:
        # Before reading, not after: data that arrives after the read has drained the socket must
        # wake this poll's waker, not an older one.
        self._reactor.set_waker(self._token, waker)

    def _on_end(self, stream: TcpStream) -> None:
        self._reactor.deregister(stream, self._token)
