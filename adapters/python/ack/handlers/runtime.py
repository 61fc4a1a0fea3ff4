"""Area `runtime` (spec/protocol.md §7.3): the runtime runs programs as Python's own async code (chapter 10)."""

from __future__ import annotations

import time
from collections.abc import Awaitable

from ack.coroutines.program import (
    Create,
    HttpSpec,
    LeafSpec,
    ManualSpec,
    OtherRuntimeSpec,
    Program,
    ThirdPartySpec,
    WaitLeaf,
)
from ack.protocol.args import Args
from ack.protocol.errors import bad_request
from ack.protocol.handles import Handles
from ack.runtime import (
    Awaited,
    Executor,
    HttpGet,
    OtherRuntimeGet,
    ThirdPartyGet,
    Waker,
    current_executor,
    init,
    shutdown,
)
from ack.runtime.program import run_program, value_dropped

from .area import Op, Result
from .coroutine_programs import DEFAULT_EXECUTOR, RUNTIME, ExecutorTrace, Run, SessionLeaves, Trace, parse_program

_WAKES = ("by_value", "by_reference")


class RuntimeArea:
    name: str = "runtime"
    capabilities: tuple[str, ...] = ()

    def __init__(self, handles: Handles) -> None:
        self._handles = handles
        self._leaves = SessionLeaves()
        self._waited_on: set[str] = set()  # the manual leaves of the programs started so far; request thread only

    def ops(self) -> dict[str, Op]:
        return {
            "rt.init": self.init,
            "rt.block_on": self.block_on,
            "rt.run_wait": self.run_wait,
            "rt.leaf_ready": self.leaf_ready,
            "rt.cpu_time": self.cpu_time,
        }

    def reset(self) -> None:
        for run in self._handles.release_all(Run):
            run.stop()
        shutdown()  # after the executors: no task polls a leaf of a stopped reactor
        self._leaves.reset()
        self._waited_on.clear()

    def init(self, args: Args) -> Result:
        init()  # each run makes its own executor, on its own thread, for the one reactor
        return {}

    def block_on(self, args: Args) -> Result:
        program = parse_program(args.objects("program"), RUNTIME)
        given = args.optional_string("executor")
        name = DEFAULT_EXECUTOR if given is None else given
        trace = ExecutorTrace(name)
        executor = Executor(trace)
        root = run_program(program, _TaskHost(trace, self._leaves))
        self._waited_on |= _manual_leaves(program)

        def block_on() -> str:
            executor.block_on(value_dropped(root))
            return ""  # a chapter 10 root has no output: rt.run_wait replies with no value

        run = Run(name, trace, block_on, executor.stop)
        run.start()
        return {"run": self._handles.issue(run)}

    def run_wait(self, args: Args) -> Result:
        return self._handles.get(args.integer("run"), Run).wait(args.number("timeout_ms") / 1000)

    def leaf_ready(self, args: Args) -> Result:
        name = args.string("name")
        value = args.string("value")
        by_value = args.choice("wake", _WAKES) == "by_value"
        if name not in self._waited_on:
            raise bad_request(f"no program waits on leaf {name!r}")
        waker = self._leaves.manual.complete(name, value)
        if isinstance(waker, Waker):  # None: not polled yet, its first poll finds it Ready
            if by_value:
                waker.clone().wake()  # Rust's `waker.clone().wake()`: the clone is consumed
            else:
                waker.wake_by_ref()
        return {}

    def cpu_time(self, args: Args) -> Result:
        return {"cpu_ms": time.process_time() * 1000}  # user + system, every thread of the process


def _manual_leaves(program: Program) -> set[str]:
    """The names of the manual leaves `program` and its children wait on."""
    names: set[str] = set()
    for instruction in program:
        if isinstance(instruction, WaitLeaf) and isinstance(instruction.leaf, ManualSpec):
            names.add(instruction.leaf.name)
        elif isinstance(instruction, Create):
            names |= _manual_leaves(instruction.program)
    return names


class _TaskHost:
    """Runs programs as tasks of the run's executor: logs name the task; leaves are the runtime's."""

    def __init__(self, trace: Trace, leaves: SessionLeaves) -> None:
        self._trace = trace
        self._leaves = leaves

    def log(self, text: str) -> None:
        self._trace.add({"event": "log", "task": current_executor().current_task, "text": text})

    def leaf_started(self, name: str) -> None:
        self._trace.add({"event": "leaf-started", "leaf": name})

    def leaf_polled(self, name: str, ready: bool) -> None:
        self._trace.add({"event": "leaf-polled", "leaf": name, "ready": ready})

    def leaf(self, spec: LeafSpec) -> Awaitable[str]:
        match spec:
            case ManualSpec(name):
                return Awaited(self._leaves.manual.leaf(name))
            case ThirdPartySpec(_, port, path):
                return ThirdPartyGet(port, path)
            case OtherRuntimeSpec(_, port, path):
                return Awaited(self._leaves.keep_http(OtherRuntimeGet(port, path)))
            case HttpSpec(_, port, path):
                return Awaited(self._leaves.keep_http(HttpGet(port, path)))  # NotInitialised before rt.init

