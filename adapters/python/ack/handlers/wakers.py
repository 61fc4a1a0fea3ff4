"""Area `wakers` (spec/protocol.md §7.2): executors and a reactor run coroutine programs (chapter 8)."""

from __future__ import annotations

import threading

from ack.coroutines import Future, HttpGet, Waker
from ack.coroutines.program import HttpSpec, Program, coroutine
from ack.protocol.args import Args
from ack.protocol.errors import bad_request
from ack.protocol.handles import Handles
from ack.wakers import Executor, Parker, ReactorHttpGet, current_reactor, start_reactor, stop_reactor

from .area import Op, Result
from .coroutine_programs import ProgramHost, SessionLeaves, Trace, parse_program

DEFAULT_EXECUTOR = "main"


class WakersArea:
    name: str = "wakers"
    capabilities: tuple[str, ...] = ("runtime-check", "block-on-value", "wake-reports")

    def __init__(self, handles: Handles) -> None:
        self._handles = handles
        self._leaves = SessionLeaves()
        # Written by executor threads, read by the request thread; dict get/set are atomic.
        self._kept_wakers: dict[str, Waker] = {}

    def ops(self) -> dict[str, Op]:
        return {
            "wk.reactor_start": self.reactor_start,
            "wk.block_on": self.block_on,
            "wk.run_wait": self.run_wait,
            "wk.leaf_ready": self.leaf_ready,
            "wk.wake": self.wake,
            "wk.parker_new": self.parker_new,
            "wk.unpark": self.unpark,
            "wk.park": self.park,
        }

    def reset(self) -> None:
        for run in self._handles.release_all(_Run):
            run.stop()
        stop_reactor()  # after the executors: no task polls a leaf of a stopped reactor
        self._leaves.reset()
        self._kept_wakers.clear()
        self._handles.release_all(Parker)

    def reactor_start(self, args: Args) -> Result:
        start_reactor()
        return {}

    def block_on(self, args: Args) -> Result:
        program = parse_program(args.objects("program"))
        executor = args.optional_string("executor")
        run = _Run(DEFAULT_EXECUTOR if executor is None else executor, program, self._leaves, self._kept_wakers)
        run.start()
        return {"run": self._handles.issue(run)}

    def run_wait(self, args: Args) -> Result:
        run = self._handles.get(args.integer("run"), _Run)
        return run.wait(args.number("timeout_ms") / 1000)

    def leaf_ready(self, args: Args) -> Result:
        self._leaves.manual.make_ready(args.string("name"), args.string("value"))  # wakes from this thread
        return {}

    def wake(self, args: Args) -> Result:
        name = args.string("name")
        waker = self._kept_wakers.get(name)
        if waker is None:
            raise bad_request(f"no program kept a waker under {name!r}")
        waker.wake()
        return {}

    def parker_new(self, args: Args) -> Result:
        return {"parker": self._handles.issue(Parker())}

    def unpark(self, args: Args) -> Result:
        self._handles.get(args.integer("parker"), Parker).unpark()
        return {}

    def park(self, args: Args) -> Result:
        parker = self._handles.get(args.integer("parker"), Parker)
        after_ms = args.optional_number("unpark_after_ms")
        if after_ms is None:
            parker.park()
            return {}
        unparker = threading.Timer(after_ms / 1000, parker.unpark)
        unparker.start()
        try:
            parker.park()
        finally:
            # A permit from before let park() return early: the helper's unpark is not wanted any more.
            unparker.cancel()
            unparker.join()
        return {}


class _ExecutorTrace(Trace):
    """A run's trace; as the executor's observer it records what the book's executor prints."""

    def __init__(self, executor: str) -> None:
        super().__init__()
        self._executor = executor

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

    def all_finished(self) -> None:
        self.add({"event": "all-finished", "executor": self._executor})


class _TaskHost(ProgramHost):
    """Runs programs as tasks of one executor: logs name the task, http leaves use the reactor."""

    def __init__(self, trace: Trace, leaves: SessionLeaves, executor: Executor, kept_wakers: dict[str, Waker]) -> None:
        super().__init__(trace, leaves)
        self._executor = executor
        self._kept_wakers = kept_wakers

    def log(self, text: str) -> None:
        self._trace.add({"event": "log", "task": self._executor.current_task, "text": text})

    def spawn(self, child: Future[str]) -> None:
        self._executor.spawn(child)

    def keep_waker(self, name: str, waker: Waker) -> None:
        self._kept_wakers[name] = waker

    def _http_leaf(self, spec: HttpSpec) -> HttpGet:
        return ReactorHttpGet(spec.port, spec.path, current_reactor())  # NotInitialised without a reactor


class _Run:
    """One `wk.block_on`: an executor running a program on its own thread, named after the executor."""

    def __init__(self, executor: str, program: Program, leaves: SessionLeaves, kept_wakers: dict[str, Waker]) -> None:
        self._trace = _ExecutorTrace(executor)
        self._executor = Executor(self._trace)
        self._root = coroutine(program, _TaskHost(self._trace, leaves, self._executor, kept_wakers))
        self._thread = threading.Thread(target=self._block_on, name=executor, daemon=True)
        self._value = ""
        self._failure: Exception | None = None

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout_s: float) -> Result:
        """Waits up to `timeout_s` for block_on to return; the trace has the entries since the last wait."""
        self._thread.join(timeout_s)
        trace = self._trace.take()
        if self._thread.is_alive():
            return {"finished": False, "trace": trace}
        if self._failure is not None:
            raise self._failure
        return {"finished": True, "value": self._value, "trace": trace}

    def stop(self) -> None:
        self._executor.stop()
        self._thread.join()

    def _block_on(self) -> None:
        try:
            self._value = self._executor.block_on(self._root)
        except Exception as err:  # kept for wait(): a thread's own exceptions are only printed
            self._failure = err
