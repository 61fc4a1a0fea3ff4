"""A mio-shaped event queue over Linux epoll, after chapter 4 of "Asynchronous Programming in Rust".

    with Poll() as poll, TcpStream.connect("127.0.0.1", 8080) as stream:
        poll.registry().register(stream, Token(0), Interest.READABLE)
        events = Events(capacity=10)
        poll.poll(events, timeout_ms=None)
        for event in events:
            ...  # read event.token's stream until the read raises WouldBlock

One concept per module: poll, registry, events, event, token, interest, trigger, waker, tcp_stream,
errors, closeable.
"""

from .errors import EventQueueError
from .event import Event
from .events import Events
from .interest import Interest
from .poll import Poll
from .registry import Registry, Source
from .tcp_stream import TcpStream
from .token import Token
from .trigger import Trigger
from .waker import Waker

__all__ = [
    "Event",
    "EventQueueError",
    "Events",
    "Interest",
    "Poll",
    "Registry",
    "Source",
    "TcpStream",
    "Token",
    "Trigger",
    "Waker",
]
