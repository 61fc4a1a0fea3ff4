"""The protocol's programs (spec/protocol.md §7, §7.3) run as Python's own async code: an `async def` interpreter.

A program's locals, children and buffer are the locals of `run_program`'s coroutine, kept by Python
across every `await`, the way the book's `async fn` keeps them in its generated state machine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Coroutine, Generator
from typing import Any, Protocol

from ack.coroutines.program import (
    Append,
    Create,
    EnterOtherRuntime,
    JoinChildren,
    LeafSpec,
    Locals,
    Log,
    Program,
    Return,
    SetLocal,
    Spawn,
    WaitChild,
    WaitLeaf,
)

from .awaited import join_all
from .executor import spawn
from .other_runtime import enter_other_runtime


class Host(Protocol):
    """What a program needs from whoever runs it: a trace, and its leaves as awaitables."""

    def log(self, text: str) -> None: ...

    def leaf_started(self, name: str) -> None: ...

    def leaf_polled(self, name: str, ready: bool) -> None: ...

    def leaf(self, spec: LeafSpec) -> Awaitable[str]:
        """The leaf `spec` asks for; creating it does no work."""
        ...


class _Buffer:
    """A program's buffer: the string its `append`s write to."""

    def __init__(self) -> None:
        self.text = ""


async def run_program(program: Program, host: Host) -> str:
    """Runs `program`; its value is what its `return` says, or "" without one. Nothing runs before the first poll."""
    local = Locals()
    buffer = _Buffer()
    # The book's `let writer = &mut buffer;`, taken before the first instruction and used after waits:
    # a reference into the coroutine's own frame, which stays where it is (pinned) while the task lives.
    writer = buffer
    children: dict[str, Coroutine[Any, Any, str]] = {}  # the parser checked that each is created before use
    for instruction in program:
        match instruction:
            case Log(text):
                host.log(local.fill(text, buffer=buffer.text))
            case SetLocal(var, value):
                local[var] = local.fill(value, buffer=buffer.text)
            case WaitLeaf(spec, into):
                local.keep(into, await _Traced(host.leaf(spec), spec.name, host))
            case Create(name, body):
                children[name] = run_program(body, host)  # a coroutine object: nothing runs yet
            case WaitChild(child, into):
                local.keep(into, await children.pop(child))
            case JoinChildren(names, into):
                local.keep(into, ",".join(await join_all(children.pop(name) for name in names)))
            case Return(value):
                return local.fill(value, buffer=buffer.text)
            case Spawn(child):
                spawn(value_dropped(children.pop(child)))
            case Append(text):
                writer.text += local.fill(text, buffer=buffer.text)
            case EnterOtherRuntime():
                enter_other_runtime()
            case _:  # poll_detached, keep_waker and the yields are chapter 8's; the runtime area's parser refuses them
                raise AssertionError(f"not a runtime instruction: {instruction}")
    return ""


async def value_dropped(program: Awaitable[str]) -> None:
    """A task has no output (the book's `Future<Output = ()>`): a program run as one drops its value."""
    await program


class _Traced:
    """Reports each poll of a leaf to the host: `leaf-started` before the first, `leaf-polled` after each."""

    def __init__(self, leaf: Awaitable[str], name: str, host: Host) -> None:
        self._leaf = leaf
        self._name = name
        self._host = host

    def __await__(self) -> Generator[Any, None, str]:
        self._host.leaf_started(self._name)
        polls = self._leaf.__await__()
        while True:
            try:
                pending = polls.send(None)
            except StopIteration as end:
                self._host.leaf_polled(self._name, True)
                return end.value
            self._host.leaf_polled(self._name, False)
            yield pending
