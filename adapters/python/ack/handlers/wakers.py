"""Area `wakers` (spec/protocol.md §7.2): executors and a reactor run coroutine programs (chapter 8)."""

from __future__ import annotations

import threading

from ack.coroutines import Future, HttpGet, Waker
from ack.coroutines.program import HttpSpec, coroutine
from ack.protocol.args import Args
from ack.protocol.errors import bad_request
from ack.protocol.handles import Handles
from ack.wakers import Executor, Parker, ReactorHttpGet, current_reactor, start_reactor, stop_reactor

from .area import Op, Result
from .coroutine_programs import DEFAULT_EXECUTOR, ExecutorTrace, ProgramHost, Run, SessionLeaves, parse_program

class WakersArea:
    name: str = "wakers"
    capabilities: tuple[str, ...] = ("block-on-value", "wake-reports")

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
        for run in self._handles.release_all(Run):
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
        given = args.optional_string("executor")
        name = DEFAULT_EXECUTOR if given is None else given
        trace = ExecutorTrace(name)
        executor = Executor(trace)
        root = coroutine(program, _TaskHost(trace, self._leaves, executor, self._kept_wakers))
        run = Run(name, trace, lambda: executor.block_on(root), executor.stop)
        run.start()
        return {"run": self._handles.issue(run)}

    def run_wait(self, args: Args) -> Result:
        run = self._handles.get(args.integer("run"), Run)
        result = run.wait(args.number("timeout_ms") / 1000)
        if result["finished"]:
            result["value"] = run.value
        return result

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


class _TaskHost(ProgramHost):
    """Runs programs as tasks of one executor: logs name the task, http leaves use the reactor."""

    def __init__(self, trace: ExecutorTrace, leaves: SessionLeaves, executor: Executor, kept_wakers: dict[str, Waker]) -> None:
        super().__init__(trace, leaves)
        self._executor_trace = trace
        self._executor = executor
        self._kept_wakers = kept_wakers

    def log(self, text: str) -> None:
        self._trace.add({"event": "log", "task": self._executor.current_task, "text": text})

    def spawn(self, child: Future[str]) -> None:
        self._executor.spawn(child)

    def keep_waker(self, name: str, waker: Waker) -> None:
        self._kept_wakers[name] = waker

    def wake_from_poll(self, waker: Waker) -> None:
        waker.wake()

    def wake_at_sleep(self, waker: Waker) -> None:
        self._executor_trace.wake_at_sleep(waker)

    def _http_leaf(self, spec: HttpSpec) -> HttpGet:
        return ReactorHttpGet(spec.port, spec.path, current_reactor())  # NotInitialised without a reactor
