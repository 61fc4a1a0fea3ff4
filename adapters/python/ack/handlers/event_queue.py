"""Area `event-queue` (spec/protocol.md §5): the eq.* operations, served by the eventqueue package."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import NamedTuple

from ack.eventqueue import (
    Event,
    Events,
    Interest,
    Poll,
    TcpStream,
    Token,
    Trigger,
    Waker,
)
from ack.protocol.args import Args
from ack.protocol.errors import bad_request, unsupported
from ack.protocol.handles import Handles

from .area import Op, Result

MAX_TOKEN = 2**53 - 1  # the largest integer every JSON implementation keeps exact
INTERESTS = {"readable": Interest.READABLE, "writable": Interest.WRITABLE}
TRIGGERS = {"level": Trigger.LEVEL, "edge": Trigger.EDGE}


class EventQueueArea:
    name: str = "event-queue"
    capabilities: tuple[str, ...] = (
        "edge-triggered",
        "oneshot",
        "reregister",
        "deregister",
        "event-queue-waker",
        "cross-thread-registry",
        "argument-checks",
        "event-flags",
    )

    def __init__(self, handles: Handles) -> None:
        self._handles = handles

    def ops(self) -> dict[str, Op]:
        return {
            "eq.poll_new": self.poll_new,
            "eq.poll_close": self.poll_close,
            "eq.events_new": self.events_new,
            "eq.connect": self.connect,
            "eq.write": self.write,
            "eq.read": self.read,
            "eq.source_close": self.source_close,
            "eq.register": self.register,
            "eq.reregister": self.reregister,
            "eq.deregister": self.deregister,
            "eq.waker_new": self.waker_new,
            "eq.wake": self.wake,
            "eq.poll": self.poll,
        }

    def reset(self) -> None:
        for stream in self._handles.release_all(TcpStream):
            stream.close()
        for poll in self._handles.release_all(Poll):
            poll.close()  # closes its wakers too
        self._handles.release_all(Waker)
        self._handles.release_all(Events)

    def poll_new(self, args: Args) -> Result:
        return {"poll": self._handles.issue(Poll())}

    def poll_close(self, args: Args) -> Result:
        handle = args.integer("poll")
        self._handles.get(handle, Poll).close()
        self._handles.release(handle)
        return {}

    def events_new(self, args: Args) -> Result:
        return {"events": self._handles.issue(Events(args.integer("capacity")))}

    def connect(self, args: Args) -> Result:
        stream = TcpStream.connect(args.string("host"), args.integer("port", 0, 65535))
        return {"source": self._handles.issue(stream)}

    def write(self, args: Args) -> Result:
        stream = self._stream(args)
        try:
            data = args.string("data").encode("utf-8")
        except UnicodeEncodeError as err:  # JSON can carry lone surrogates, UTF-8 cannot
            raise bad_request(f"args.data is not valid Unicode: {err}") from err
        return {"written": stream.write(data)}

    def read(self, args: Args) -> Result:
        data = self._stream(args).read(args.integer("max"))
        return {"data": data.decode("utf-8", errors="replace"), "eof": data == b""}

    def source_close(self, args: Args) -> Result:
        # The handle stays known: later requests show what the library does with a closed stream.
        self._stream(args).close()
        return {}

    def register(self, args: Args) -> Result:
        self._poll(args).registry().register(self._stream(args), *self._registration(args))
        return {}

    def reregister(self, args: Args) -> Result:
        self._needs("reregister")
        self._poll(args).registry().reregister(self._stream(args), *self._registration(args))
        return {}

    def deregister(self, args: Args) -> Result:
        self._needs("deregister")
        self._poll(args).registry().deregister(self._stream(args))
        return {}

    def waker_new(self, args: Args) -> Result:
        self._needs("event-queue-waker")
        waker = Waker(self._poll(args).registry(), _token(args))
        return {"waker": self._handles.issue(waker)}

    def wake(self, args: Args) -> Result:
        self._needs("event-queue-waker")
        self._waker(args).wake()
        return {}

    def poll(self, args: Args) -> Result:
        poll = self._poll(args)
        events = self._handles.get(args.integer("events"), Events)
        timeout_ms = args.nullable_number("timeout_ms")
        concurrently = self._concurrently(poll, args.optional_object("concurrently"))
        if concurrently is None:
            poll.poll(events, timeout_ms)
        else:
            concurrently.start()
            try:
                poll.poll(events, timeout_ms)
            finally:
                concurrently.join()  # raises the action's failure, which the spec puts first
        return {"events": [_event_json(event) for event in events]}

    def _concurrently(self, poll: Poll, spec: Args | None) -> _OnAnotherThread | None:
        """Checks the whole `concurrently` object up front, so a bad one fails before poll blocks."""
        if spec is None:
            return None
        after_ms = spec.number("after_ms")
        action: Callable[[], None]
        if spec.choice("action", ("wake", "register")) == "wake":
            action = self._waker(spec).wake
        else:
            action = functools.partial(poll.registry().register, self._stream(spec), *self._registration(spec))
        return _OnAnotherThread(after_ms, action)

    def _needs(self, capability: str) -> None:
        """PR-10: a request that needs a capability this adapter does not claim gets Unsupported."""
        if capability not in self.capabilities:
            raise unsupported(capability)

    def _registration(self, args: Args) -> _Registration:
        registration = _registration(args)
        if registration.trigger is Trigger.EDGE:
            self._needs("edge-triggered")
        if registration.oneshot:
            self._needs("oneshot")
        return registration

    def _poll(self, args: Args) -> Poll:
        return self._handles.get(args.integer("poll"), Poll)

    def _stream(self, args: Args) -> TcpStream:
        return self._handles.get(args.integer("source"), TcpStream)

    def _waker(self, args: Args) -> Waker:
        return self._handles.get(args.integer("waker"), Waker)


class _Registration(NamedTuple):
    """The arguments register and reregister share, in Registry's parameter order."""

    token: Token
    interests: Interest
    trigger: Trigger
    oneshot: bool


def _registration(args: Args) -> _Registration:
    interests = Interest(0)  # left empty, the registry answers InvalidArgument
    for name in args.string_list("interests"):
        if name not in INTERESTS:
            raise bad_request(f"unknown interest {name!r}")
        interests |= INTERESTS[name]
    return _Registration(
        token=_token(args),
        interests=interests,
        trigger=TRIGGERS[args.choice("trigger", tuple(TRIGGERS), default="level")],
        oneshot=args.boolean("oneshot", default=False),
    )


def _token(args: Args) -> Token:
    return Token(args.integer("token", 0, MAX_TOKEN))


def _event_json(event: Event) -> Result:
    return {
        "token": event.token.value,
        "readable": event.readable,
        "writable": event.writable,
        "read_closed": event.read_closed,
        "write_closed": event.write_closed,
        "error": event.error,
    }


class _OnAnotherThread:
    """Runs one action on a new thread after a delay, while the request thread blocks in poll."""

    def __init__(self, after_ms: float, action: Callable[[], None]) -> None:
        self._after_ms = after_ms
        self._action = action
        self._failure: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="eq-concurrently")

    def start(self) -> None:
        self._thread.start()

    def join(self) -> None:
        """Waits for the action and re-raises its failure here, on the request thread."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        time.sleep(self._after_ms / 1000)
        try:
            self._action()
        except Exception as err:  # kept for join(); a thread's own exceptions are only printed
            self._failure = err
