"""What areas `coroutines`, `wakers` and `runtime` share (spec/protocol.md §7): programs, traces, leaves, runs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ack.coroutines import Future, HttpGet, ManualLeaves, Waker
from ack.coroutines.program import (
    Append,
    Create,
    EnterOtherRuntime,
    HttpSpec,
    Instruction,
    JoinChildren,
    KeepWaker,
    LeafSpec,
    Log,
    ManualSpec,
    OtherRuntimeSpec,
    PollDetached,
    Program,
    Return,
    SetLocal,
    Spawn,
    ThirdPartySpec,
    WaitChild,
    WaitLeaf,
    YieldNow,
    YieldUntilSleep,
)
from ack.errors import ErrorKind
from ack.eventqueue.closeable import Closeable
from ack.protocol.args import Args
from ack.protocol.errors import ProtocolError, bad_request

from .area import Result

C = TypeVar("C", bound=Closeable)

DEFAULT_EXECUTOR = "main"
"""The thread name of a run whose request names no executor (`wk.block_on`, `rt.block_on`)."""


@dataclass(frozen=True)
class Dialect:
    """The instructions (`do`) and leaf kinds (`kind`) an area accepts; any other is a BadRequest."""

    instructions: tuple[str, ...]
    leaves: tuple[str, ...]


_SHARED = ("log", "set", "wait", "create", "join_all", "return", "spawn")
COROUTINES = Dialect((*_SHARED, "poll_detached", "keep_waker", "yield_now", "yield_until_sleep"), ("manual", "http"))
"""Areas `coroutines` and `wakers` (§7.1, §7.2)."""
RUNTIME = Dialect((*_SHARED, "append", "enter_other_runtime"), ("manual", "http", "third-party", "other-runtime"))
"""Area `runtime` (§7.3)."""


def parse_program(instructions: list[Args], dialect: Dialect = COROUTINES) -> Program:
    """Reads a whole program before any of it runs, so a malformed one is a BadRequest, not a half-run one.

    Programs have no branches, so "each child is created before it is used, and not used after it was
    handed over" (protocol.md §10) is checked here too.
    """
    created: set[str] = set()  # the children created and not handed over yet, in this program (not in its children)
    return tuple(_instruction(instruction, created, dialect) for instruction in instructions)


def _instruction(args: Args, created: set[str], dialect: Dialect) -> Instruction:
    into = args.optional_string("into")
    match args.choice("do", dialect.instructions):
        case "log":
            return Log(args.string("text"))
        case "set":
            return SetLocal(args.string("var"), args.string("value"))
        case "wait":
            leaf = args.optional_object("leaf")
            if leaf is not None:
                return WaitLeaf(_leaf(leaf, dialect), into)
            return WaitChild(_hand_over(args.string("child"), created), into)
        case "create":
            name = args.string("name")
            program = parse_program(args.objects("program"), dialect)
            created.add(name)
            return Create(name, program)
        case "join_all":
            return JoinChildren(tuple(_hand_over(name, created) for name in args.string_list("children")), into)
        case "return":
            return Return(args.string("value"))
        case "spawn":
            return Spawn(_hand_over(args.string("child"), created))
        case "poll_detached":
            return PollDetached(_child(args.string("child"), created))
        case "keep_waker":
            return KeepWaker(args.string("name"))
        case "yield_now":
            return YieldNow()
        case "yield_until_sleep":
            return YieldUntilSleep()
        case "append":
            return Append(args.string("text"))
        case _:  # "enter_other_runtime"
            return EnterOtherRuntime()


_REQUESTS: dict[str, type[HttpSpec]] = {"http": HttpSpec, "third-party": ThirdPartySpec, "other-runtime": OtherRuntimeSpec}


def _leaf(args: Args, dialect: Dialect) -> LeafSpec:
    kind = args.choice("kind", dialect.leaves)
    if kind == "manual":
        return ManualSpec(args.string("name"))
    path = args.string("path")
    name = args.optional_string("name")  # the protocol gives http leaves no name; the path labels the trace
    return _REQUESTS[kind](name=path if name is None else name, port=args.integer("port", 1, 65535), path=path)


def _child(name: str, created: set[str]) -> str:
    if name not in created:
        raise bad_request(f"child {name!r} is used before a `create` made it, or after it was handed over")
    return name


def _hand_over(name: str, created: set[str]) -> str:
    """A child that a wait, a join_all or a spawn takes over: no later instruction may name it."""
    created.remove(_child(name, created))
    return name


class Trace:
    """Trace entries in the order they happened; any thread may add, the request thread takes them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[Result] = []

    def add(self, entry: Result) -> None:
        with self._lock:
            self._entries.append(entry)

    def take(self) -> list[Result]:
        """The entries added since the previous take."""
        with self._lock:
            entries, self._entries = self._entries, []
            return entries


class SessionLeaves:
    """The leaves of a session: manual ones by name, and the http ones, whose sockets reset closes."""

    def __init__(self) -> None:
        self.manual = ManualLeaves()
        self._http: list[Closeable] = []

    def keep_http(self, leaf: C) -> C:
        self._http.append(leaf)  # list.append is atomic: executor threads may add at once
        return leaf

    def reset(self) -> None:
        for leaf in self._http:
            leaf.close()
        self._http.clear()
        self.manual.clear()


class ProgramHost:
    """Runs programs for area `coroutines` (chapter 7): the runner polls, and there is no executor."""

    def __init__(self, trace: Trace, leaves: SessionLeaves) -> None:
        self._trace = trace
        self._leaves = leaves

    def log(self, text: str) -> None:
        self._trace.add({"event": "log", "text": text})

    def leaf_started(self, name: str) -> None:
        self._trace.add({"event": "leaf-started", "leaf": name})

    def leaf_polled(self, name: str, ready: bool) -> None:
        self._trace.add({"event": "leaf-polled", "leaf": name, "ready": ready})

    def leaf(self, spec: LeafSpec) -> Future[str]:
        if isinstance(spec, ManualSpec):
            return self._leaves.manual.leaf(spec.name)
        return self._leaves.keep_http(self._http_leaf(spec))

    def spawn(self, child: Future[str]) -> None:
        raise _needs_an_executor("spawn")

    def keep_waker(self, name: str, waker: Waker) -> None:
        raise _needs_an_executor("keep_waker")

    def wake_from_poll(self, waker: Waker) -> None:
        raise _needs_an_executor("yield_now")

    def wake_at_sleep(self, waker: Waker) -> None:
        raise _needs_an_executor("yield_until_sleep")

    def _http_leaf(self, spec: HttpSpec) -> HttpGet:
        return HttpGet(spec.port, spec.path)  # no reactor: each poll just tries to read


def _needs_an_executor(instruction: str) -> ProtocolError:
    return ProtocolError(ErrorKind.NOT_INITIALISED, f"`{instruction}` needs an executor: it is for area wakers")


SLEEP_WAKE_PATIENCE_S = 0.1
"""How long the executor's `sleep` report waits for the thread that calls the wakers `yield_until_sleep`
armed: an executor may hold the lock that wake needs while it reports (protocol.md §7)."""


class ExecutorTrace(Trace):
    """A run's trace; as the executor's observer it records what the book's executor prints.

    It also calls the wakers that `yield_until_sleep` armed, from a thread of their own, while the
    executor reports `sleep`: after it found its queue empty, before it sleeps (WK-07).
    """

    def __init__(self, executor: str) -> None:
        super().__init__()
        self._executor = executor
        self._wake_at_sleep: list[Waker] = []  # only the executor's thread touches it

    def wake_at_sleep(self, waker: Waker) -> None:
        self._wake_at_sleep.append(waker)

    def spawned(self, task: int) -> None:
        self.add({"event": "spawned", "executor": self._executor, "task": task})

    def polled(self, task: int) -> None:
        self.add({"event": "task-polled", "executor": self._executor, "task": task})

    def finished(self, task: int) -> None:
        self.add({"event": "task-finished", "executor": self._executor, "task": task})

    def woken(self, task: int) -> None:
        self.add({"event": "wake", "task": task})

    def sleeping(self, pending: int) -> None:
        self.add({"event": "sleep", "executor": self._executor, "pending": pending})
        if self._wake_at_sleep:
            armed, self._wake_at_sleep = self._wake_at_sleep, []
            waking = threading.Thread(target=lambda: [waker.wake() for waker in armed], name="wake-at-sleep", daemon=True)
            waking.start()
            waking.join(SLEEP_WAKE_PATIENCE_S)

    def all_finished(self) -> None:
        self.add({"event": "all-finished", "executor": self._executor})


class Run:
    """One `block_on` on its own thread, named after its executor (`wk.block_on`, `rt.block_on`)."""

    def __init__(self, executor: str, trace: Trace, block_on: Callable[[], str], stop: Callable[[], None]) -> None:
        self._trace = trace
        self._block_on = block_on
        self._stop = stop
        self._thread = threading.Thread(target=self._run, name=executor, daemon=True)
        self.value = ""
        """What block_on returned, once it did."""
        self._failure: Exception | None = None

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout_s: float) -> Result:
        """Waits up to `timeout_s` for block_on to return: `finished`, and the trace entries since the last wait.

        A run that failed raises its failure instead.
        """
        self._thread.join(timeout_s)
        trace = self._trace.take()
        if self._thread.is_alive():
            return {"finished": False, "trace": trace}
        if self._failure is not None:
            raise self._failure
        return {"finished": True, "trace": trace}

    def stop(self) -> None:
        self._stop()
        self._thread.join()

    def _run(self) -> None:
        try:
            self.value = self._block_on()
        except Exception as err:  # kept for wait(): a thread's own exceptions are only printed
            self._failure = err
