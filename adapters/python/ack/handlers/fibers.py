"""Area `fibers` (spec/protocol.md §6): the fb.* operations and the program interpreter.

Programs run on the request thread, which is the base context of every runtime made here. The
interpreter is ordinary Python running on the context's own greenlet: a program's locals are made by
the call that starts the program and handed down from call to call, `nested` is real recursion, and
`yield` is the runtime's. So a program sees what a fiber's own stack keeps across a switch, and
nothing else. Importing this module needs greenlet (see handlers/__init__.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, Self

from ack import fibers
from ack.errors import ErrorKind
from ack.protocol.args import Args
from ack.protocol.handles import Handles

from .area import Op, Result

# What one recursive call of the interpreter charges to its stack: about a real frame's size, as in
# the reference adapter, so the same program overflows the same stack size there and here.
FRAME_BYTES = 128
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class FibersArea:
    name: str = "fibers"
    capabilities: tuple[str, ...] = (
        "configurable-slots",
        "configurable-stack-size",
        "stack-guard",
        "runtime-check",
        "run-returns",
    )

    def __init__(self, handles: Handles) -> None:
        self._handles = handles

    def ops(self) -> dict[str, Op]:
        return {
            "fb.runtime_new": self.runtime_new,
            "fb.run": self.run,
            "fb.call_outside_runtime": self.call_outside_runtime,
        }

    def reset(self) -> None:
        self._handles.release_all(fibers.Runtime)
        fibers.set_current(None)

    def runtime_new(self, args: Args) -> Result:
        # Any integer is passed on: rejecting 0 slots or a 0-byte stack is the runtime's job (InvalidArgument).
        runtime = fibers.Runtime(
            slots=args.integer("slots", default=fibers.DEFAULT_SLOTS),
            stack_size=args.integer("stack_size", default=fibers.DEFAULT_STACK_SIZE),
        )
        runtime.init()
        return {"runtime": self._handles.issue(runtime)}

    def run(self, args: Args) -> Result:
        runtime = self._handles.get(args.integer("runtime"), fibers.Runtime)
        program = _program(args, "program")  # read whole first: a malformed one is a BadRequest, not half run
        trace = _Trace()
        _run_program(runtime, program, trace)
        runtime.run()
        return {"trace": trace.entries}

    def call_outside_runtime(self, args: Args) -> Result:
        """Calls through this thread's current runtime, as the book's free functions do: after a reset there is none."""
        if args.choice("call", ("yield", "spawn")) == "yield":
            fibers.yield_now()
        else:
            fibers.spawn(lambda: None)
        return {}


class _Trace:
    """What happened during one fb.run, entry by entry, in order (spec/protocol.md §6)."""

    def __init__(self) -> None:
        self.entries: list[Result] = []

    def log(self, fiber: int, text: str) -> None:
        self.entries.append({"fiber": fiber, "event": "log", "text": text})

    def check(self, fiber: int, var: str, expected: int, actual: int) -> None:
        self.entries.append({"fiber": fiber, "event": "check", "var": var, "expected": expected, "actual": actual})

    def spawned(self, fiber: int, new_id: int) -> None:
        self.entries.append({"fiber": fiber, "event": "spawned", "id": new_id})

    def finished(self, fiber: int) -> None:
        self.entries.append({"fiber": fiber, "event": "finished"})

    def error(self, fiber: int, kind: ErrorKind, message: str) -> None:
        self.entries.append({"fiber": fiber, "event": "error", "kind": kind.value, "message": message})


@dataclass
class _Context:
    """One run of a program, on the context running it: the program's locals live here, and nowhere else."""

    runtime: fibers.Runtime
    fiber: int
    stack: fibers.Stack
    trace: _Trace
    locals: dict[str, int] = field(default_factory=dict[str, int])

    def local(self, name: str) -> int:
        # A local never set reads 0, as a fresh frame's would: that is how a lost local shows in a check.
        return self.locals.get(name, 0)


def _run_program(runtime: fibers.Runtime, program: _Block, trace: _Trace) -> None:
    """Runs `program` on the running context, to its end or to its first failing instruction."""
    context = _Context(runtime, runtime.current_id(), runtime.current_stack(), trace)
    try:
        _run_block(program, context)
    except fibers.FiberError as err:
        trace.error(context.fiber, err.kind, str(err))
    except RecursionError:
        # Python's own limit came before the stack budget: the same exhaustion, and caught here, at the
        # bottom of this context's call chain, it ends this program only.
        trace.error(context.fiber, ErrorKind.STACK_OVERFLOW, "Python's recursion limit was reached")
    finally:
        context.stack.clear()  # the program's frames are all gone; an exception skipped their pops


def _run_fiber(runtime: fibers.Runtime, program: _Block, trace: _Trace) -> None:
    """A spawned fiber's task: its program, then the entry that says its slot is free again."""
    _run_program(runtime, program, trace)
    trace.finished(runtime.current_id())


def _run_block(block: _Block, context: _Context) -> None:
    for instruction in block:
        instruction.run(context)


class _Instruction(Protocol):
    def run(self, context: _Context) -> None: ...


_Block = tuple[_Instruction, ...]


@dataclass(frozen=True)
class _Log:
    text: str

    @classmethod
    def parse(cls, item: Args) -> _Log:
        return cls(item.string("text"))

    def run(self, context: _Context) -> None:
        def value(placeholder: re.Match[str]) -> str:
            name = placeholder[1]
            return str(context.fiber if name == "id" else context.local(name))

        context.trace.log(context.fiber, _PLACEHOLDER.sub(value, self.text))


@dataclass(frozen=True)
class _Yield:
    @classmethod
    def parse(cls, item: Args) -> _Yield:
        return cls()

    def run(self, context: _Context) -> None:
        context.runtime.yield_now()


@dataclass(frozen=True)
class _LocalUpdate:
    """What `set` and `add` share: the local they change and an integer."""

    var: str
    value: int

    @classmethod
    def parse(cls, item: Args) -> Self:
        return cls(item.string("var"), item.integer("value"))


class _Set(_LocalUpdate):
    def run(self, context: _Context) -> None:
        context.locals[self.var] = self.value


class _Add(_LocalUpdate):
    def run(self, context: _Context) -> None:
        context.locals[self.var] = context.local(self.var) + self.value


@dataclass(frozen=True)
class _Check:
    var: str
    expected: int

    @classmethod
    def parse(cls, item: Args) -> _Check:
        return cls(item.string("var"), item.integer("equals"))

    def run(self, context: _Context) -> None:
        actual = context.local(self.var)
        if actual != self.expected:
            context.trace.check(context.fiber, self.var, self.expected, actual)


@dataclass(frozen=True)
class _Repeat:
    times: int
    var: str
    body: _Block

    @classmethod
    def parse(cls, item: Args) -> _Repeat:
        return cls(item.integer("times", minimum=0), item.string("var"), _program(item, "body"))

    def run(self, context: _Context) -> None:
        for count in range(self.times):
            context.locals[self.var] = count
            _run_block(self.body, context)


@dataclass(frozen=True)
class _Nested:
    depth: int
    body: _Block

    @classmethod
    def parse(cls, item: Args) -> _Nested:
        return cls(item.integer("depth", minimum=0), _program(item, "body"))

    def run(self, context: _Context) -> None:
        self._descend(context, self.depth)

    def _descend(self, context: _Context, depth: int) -> None:
        """Real recursion: `depth` frames of this method on the running context's stack, then the body."""
        if depth == 0:
            _run_block(self.body, context)
            return
        context.stack.push(FRAME_BYTES)
        self._descend(context, depth - 1)
        context.stack.pop(FRAME_BYTES)  # skipped when the body fails: the program ends, and clears its stack


@dataclass(frozen=True)
class _Spawn:
    body: _Block

    @classmethod
    def parse(cls, item: Args) -> _Spawn:
        return cls(_program(item, "body"))

    def run(self, context: _Context) -> None:
        task = functools.partial(_run_fiber, context.runtime, self.body, context.trace)
        context.trace.spawned(context.fiber, context.runtime.spawn(task))


@dataclass(frozen=True)
class _Spin:
    iterations: int

    @classmethod
    def parse(cls, item: Args) -> _Spin:
        return cls(item.integer("iterations", minimum=0))

    def run(self, context: _Context) -> None:
        for _ in range(self.iterations):  # busy work: nothing in here yields, and nothing preempts a fiber
            pass


@dataclass(frozen=True)
class _ExhaustStack:
    frame_bytes: int

    @classmethod
    def parse(cls, item: Args) -> _ExhaustStack:
        return cls(item.integer("frame_bytes", minimum=0))

    def run(self, context: _Context) -> None:
        self._recurse(context.stack)

    def _recurse(self, stack: fibers.Stack) -> None:
        """Ends only by StackOverflow: from the budget, or as RecursionError from Python's own limit.

        Each frame declares its buffer to the budget without allocating it: a Python object lives on
        the heap, never in the frame, so the bytes it is charged are all such a buffer would change.
        """
        stack.push(FRAME_BYTES + self.frame_bytes)
        self._recurse(stack)


_INSTRUCTIONS: dict[str, Callable[[Args], _Instruction]] = {
    "log": _Log.parse,
    "yield": _Yield.parse,
    "set": _Set.parse,
    "add": _Add.parse,
    "check": _Check.parse,
    "repeat": _Repeat.parse,
    "nested": _Nested.parse,
    "spawn": _Spawn.parse,
    "spin": _Spin.parse,
    "exhaust_stack": _ExhaustStack.parse,
}


def _program(args: Args, name: str) -> _Block:
    """The instructions in the array arg `name`, each checked; a spawn's body is a program of its own."""
    return tuple(_INSTRUCTIONS[item.choice("do", tuple(_INSTRUCTIONS))](item) for item in args.objects(name))
