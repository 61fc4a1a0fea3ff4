"""Coroutine programs (spec/protocol.md §7): instruction lists that run as real coroutines.

A program becomes a generator (`_run`) driven by a Coroutine: its locals and children are the
generator's locals, and each wait is a `yield`, so they live across waits the way the book's state
machines keep them in their states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from .coroutine import Body, Coroutine
from .future import CURRENT_WAKER, NOOP_WAKER, Future, PollState, Ready, Waker
from .join_all import JoinAll
from .pending_once import PendingOnce


@dataclass(frozen=True)
class ManualSpec:
    """A leaf that is Ready once the runner makes leaf `name` ready."""

    name: str


@dataclass(frozen=True)
class HttpSpec:
    """A GET of `path` from the delay server on 127.0.0.1:`port`; `name` labels it in the trace."""

    name: str
    port: int
    path: str


@dataclass(frozen=True)
class ThirdPartySpec(HttpSpec):
    """Chapter 10: the same GET, made by a client that is not the runtime's and wakes through its waker."""


@dataclass(frozen=True)
class OtherRuntimeSpec(HttpSpec):
    """Chapter 10: the same GET, bound to another runtime's reactor: it works only inside that runtime's context."""


LeafSpec = ManualSpec | HttpSpec


@dataclass(frozen=True)
class Log:
    text: str


@dataclass(frozen=True)
class SetLocal:
    var: str
    value: str


@dataclass(frozen=True)
class WaitLeaf:
    leaf: LeafSpec
    into: str | None


@dataclass(frozen=True)
class Create:
    name: str
    program: Program


@dataclass(frozen=True)
class WaitChild:
    child: str
    into: str | None


@dataclass(frozen=True)
class JoinChildren:
    children: tuple[str, ...]
    into: str | None


@dataclass(frozen=True)
class Return:
    value: str


@dataclass(frozen=True)
class Spawn:
    child: str


@dataclass(frozen=True)
class PollDetached:
    child: str


@dataclass(frozen=True)
class KeepWaker:
    name: str


@dataclass(frozen=True)
class YieldNow:
    """Chapter 8: Pending once, the task having called its own waker during the poll."""


@dataclass(frozen=True)
class YieldUntilSleep:
    """Chapter 8: Pending once; the task's waker is called from another thread as its executor goes to sleep."""


@dataclass(frozen=True)
class Append:
    """Chapter 10: appends the filled-in text to the task's buffer, through a reference kept across waits."""

    text: str


@dataclass(frozen=True)
class EnterOtherRuntime:
    """Chapter 10: the rest of the task runs inside the other runtime's context."""


Instruction = (
    Log
    | SetLocal
    | WaitLeaf
    | Create
    | WaitChild
    | JoinChildren
    | Return
    | Spawn
    | PollDetached
    | KeepWaker
    | YieldNow
    | YieldUntilSleep
    | Append
    | EnterOtherRuntime
)
"""Every instruction of spec/protocol.md §7; which of them an area accepts, its parser decides."""
Program = tuple[Instruction, ...]


class Host(Protocol):
    """What a program needs from the area that runs it: a trace, leaves, and (chapter 8) an executor."""

    def log(self, text: str) -> None: ...

    def leaf_started(self, name: str) -> None: ...

    def leaf_polled(self, name: str, ready: bool) -> None: ...

    def leaf(self, spec: LeafSpec) -> Future[str]: ...

    def spawn(self, child: Future[str]) -> None:
        """Makes `child` a new task of the executor that runs this program."""
        ...

    def keep_waker(self, name: str, waker: Waker) -> None: ...

    def wake_from_poll(self, waker: Waker) -> None:
        """Calls `waker` now, on the polling thread, as a task that yields to its executor does."""
        ...

    def wake_at_sleep(self, waker: Waker) -> None:
        """Has `waker` called from another thread the moment the executor next reports it goes to sleep."""
        ...


def coroutine(program: Program, host: Host) -> Coroutine[str]:
    """The coroutine that runs `program`; nothing runs before its first poll."""
    return Coroutine(_run(program, host))


def _run(program: Program, host: Host) -> Body[str]:
    local = Locals()
    children: dict[str, Coroutine[str]] = {}  # the parser checked that each name is created before use
    for instruction in program:
        match instruction:
            case Log(text):
                host.log(local.fill(text))
            case SetLocal(var, value):
                local[var] = local.fill(value)
            case WaitLeaf(spec, into):
                local.keep(into, (yield _TracedLeaf(host.leaf(spec), spec.name, host)))
            case Create(name, body):
                children[name] = coroutine(body, host)
            case WaitChild(child, into):
                local.keep(into, (yield children[child]))
            case JoinChildren(names, into):
                values = yield JoinAll(children[name] for name in names)
                local.keep(into, ",".join(values))
            case Return(value):
                return local.fill(value)
            case Spawn(child):
                host.spawn(children[child])
            case PollDetached(child):
                children[child].poll(NOOP_WAKER)  # its value, if any, is lost like a dropped result
            case KeepWaker(name):
                host.keep_waker(name, (yield CURRENT_WAKER))
            case YieldNow():
                yield PendingOnce(host.wake_from_poll)
            case YieldUntilSleep():
                yield PendingOnce(host.wake_at_sleep)
            case Append() | EnterOtherRuntime():  # chapter 10's (ack.runtime.program); these areas' parser refuses them
                raise AssertionError(f"not a chapter 7 or 8 instruction: {instruction}")
    return ""


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Locals(dict[str, str]):
    """A program's locals, by name; all strings."""

    def fill(self, template: str, **more: str) -> str:
        """Replaces each `{name}` with `more[name]` or else local `name`; a placeholder of neither stays as written."""
        return _PLACEHOLDER.sub(lambda match: more.get(match[1], self.get(match[1], match[0])), template)

    def keep(self, var: str | None, value: str) -> None:
        """Stores a wait's value, when the instruction said `into`."""
        if var is not None:
            self[var] = value


class _TracedLeaf:
    """Reports each poll of a leaf to the host: `leaf-started` before the first, `leaf-polled` after each."""

    def __init__(self, leaf: Future[str], name: str, host: Host) -> None:
        self._leaf = leaf
        self._name = name
        self._host = host
        self._started = False

    def poll(self, waker: Waker) -> PollState[str]:
        if not self._started:
            self._started = True
            self._host.leaf_started(self._name)
        state = self._leaf.poll(waker)
        self._host.leaf_polled(self._name, isinstance(state, Ready))
        return state
