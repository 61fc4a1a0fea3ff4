"""Coroutines, after chapter 7 of "Asynchronous Programming in Rust": futures you poll by hand.

    coroutine = Coroutine(body())     # body is a generator function; nothing runs yet
    while not isinstance(state := coroutine.poll(NOOP_WAKER), Ready):
        ...                           # Pending: do other work, poll again later
    print(state.value)

One concept per module: future (Future, PollState, Waker), coroutine, join_all, the leaves (manual,
http), pending_once (a future that yields once), program (the protocol's instruction lists run as coroutines), errors.
"""

from .coroutine import Body, Coroutine
from .errors import CoroutineError
from .future import CURRENT_WAKER, NOOP_WAKER, PENDING, Future, Pending, PollState, Ready, Waker
from .http import HttpGet
from .join_all import JoinAll
from .manual import ManualLeaf, ManualLeaves
from .pending_once import PendingOnce

__all__ = [
    "Body",
    "CURRENT_WAKER",
    "Coroutine",
    "CoroutineError",
    "Future",
    "HttpGet",
    "JoinAll",
    "ManualLeaf",
    "ManualLeaves",
    "NOOP_WAKER",
    "PENDING",
    "PendingOnce",
    "Pending",
    "PollState",
    "Ready",
    "Waker",
]
