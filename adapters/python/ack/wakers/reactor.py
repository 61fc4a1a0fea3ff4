"""Reactor: one thread that watches sockets and wakes the tasks waiting on them."""

from __future__ import annotations

import itertools
import logging
import threading

from ack.coroutines import Waker
from ack.errors import ErrorKind
from ack.eventqueue import Events, Interest, Poll, Source, Token, Trigger
from ack.eventqueue import Waker as PollWaker

from .errors import ReactorError

log = logging.getLogger(__name__)

_STOP = Token(0)  # the token of the reactor's own waker; sockets get 1, 2, …


class Reactor:
    """The book's chapter 8 reactor, on this adapter's chapter 4 event queue.

    Its thread blocks in `Poll.poll`. A future registers its socket under a token from
    `next_token`, with the waker of the poll that registered it, and leaves the waker of each later
    poll (`set_waker`): only the most recent one counts, because a task may be polled with a new
    waker (by another executor, or first outside any). When the socket is ready, the reactor calls
    that waker. Every method is safe from any thread.
    """

    def __init__(self) -> None:
        self._poll = Poll()
        self._stop = PollWaker(self._poll.registry(), _STOP)
        self._lock = threading.Lock()
        self._wakers: dict[int, Waker] = {}
        self._tokens = itertools.count(1)
        self._thread = threading.Thread(target=self._run, name="reactor", daemon=True)
        self._thread.start()

    def next_token(self) -> int:
        with self._lock:
            return next(self._tokens)

    def register(self, source: Source, token: int, waker: Waker) -> None:
        """Watches `source` for reading; its readiness wakes `waker` (or a later one from set_waker)."""
        self.set_waker(token, waker)  # first, so that readiness right after registering finds it
        # Edge-triggered, like mio: one event per arrival, so the reactor does not report the same
        # unread data again and again until the executor gets round to reading it.
        self._poll.registry().register(source, Token(token), Interest.READABLE, Trigger.EDGE)

    def set_waker(self, token: int, waker: Waker) -> None:
        """Replaces the waker for `token`: the most recent poll's waker is the one to wake."""
        with self._lock:
            self._wakers[token] = waker

    def deregister(self, source: Source, token: int) -> None:
        """Stops watching `source` and forgets its waker."""
        self._poll.registry().deregister(source)
        with self._lock:
            del self._wakers[token]

    def stop(self) -> None:
        """Ends the reactor's thread and releases its event queue."""
        self._stop.wake()
        self._thread.join()
        self._poll.close()

    def _run(self) -> None:
        events = Events(capacity=100)
        try:
            while True:
                self._poll.poll(events, timeout_ms=None)
                for event in events:
                    if event.token == _STOP:
                        return
                    with self._lock:
                        waker = self._wakers.get(event.token.value)
                    if waker is not None:  # None: deregistered after the event was queued
                        waker.wake()
        except Exception:  # a thread's exceptions are only printed: say which thread died, and why
            log.exception("the reactor stopped")


_running: Reactor | None = None
_running_lock = threading.Lock()


def start_reactor() -> Reactor:
    """Starts the one reactor of the process; ALREADY_RUNNING if one runs."""
    global _running
    with _running_lock:
        if _running is not None:
            raise ReactorError(ErrorKind.ALREADY_RUNNING, "a reactor is already running")
        _running = Reactor()
        return _running


def current_reactor() -> Reactor:
    """The running reactor; NOT_INITIALISED if none runs."""
    reactor = _running
    if reactor is None:
        raise ReactorError(ErrorKind.NOT_INITIALISED, "no reactor is running")
    return reactor


def stop_reactor() -> None:
    """Stops the running reactor, if there is one; another may be started afterwards."""
    global _running
    with _running_lock:
        reactor, _running = _running, None
    if reactor is not None:
        reactor.stop()
