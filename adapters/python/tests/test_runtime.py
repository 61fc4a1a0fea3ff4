"""The runtime (chapter 10): native coroutines on the runtime's executor, reactor, wakers and leaves."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Coroutine, Generator
from typing import Any

from ack.coroutines import ManualLeaves
from ack.coroutines.program import HttpSpec, ManualSpec, Program
from ack.errors import ErrorKind
from ack.handlers.coroutine_programs import RUNTIME, parse_program
from ack.handlers.runtime import RuntimeArea
from ack.protocol.args import Args
from ack.protocol.handles import Handles
from ack.runtime import (
    Awaited,
    Executor,
    HttpGet,
    OtherRuntimeGet,
    ThirdPartyGet,
    Waker,
    current_waker,
    enter_other_runtime,
    init,
    join_all,
    shutdown,
    spawn,
)
from ack.runtime.program import run_program

from .assertions import AckAssertions
from .delay_server import DelayServer
from .test_wakers import DEADLINE_S, RecordingObserver


class Runtime(AckAssertions):
    """Each test has the runtime initialised, a delay server, and a block_on on a thread of its own."""

    def setUp(self) -> None:
        init()
        self.addCleanup(shutdown)
        self.server = DelayServer()
        self.addCleanup(self.server.close)
        self.observer = RecordingObserver()
        self.executor = Executor(self.observer)
        self.addCleanup(self.executor.stop)  # a failed test must not leave it parked
        self.failure: Exception | None = None

    def start(self, root: Coroutine[Any, Any, None]) -> threading.Thread:
        thread = threading.Thread(target=self._block_on, args=(root,), daemon=True)
        thread.start()
        return thread

    def finish(self, thread: threading.Thread) -> None:
        thread.join(DEADLINE_S)
        self.assertFalse(thread.is_alive(), "block_on did not return")
        if self.failure is not None:
            raise self.failure

    def wait_for_sleeps(self, times: int) -> None:
        """Waits until the executor went to sleep `times` times."""
        deadline = time.monotonic() + DEADLINE_S
        while sum(1 for event in self.observer.events if event[0] == "sleeping") < times:
            self.assertLess(time.monotonic(), deadline, f"no sleep #{times} in {self.observer.events}")
            time.sleep(0.01)

    def run_to_end(self, root: Coroutine[Any, Any, None]) -> None:
        self.finish(self.start(root))

    def _block_on(self, root: Coroutine[Any, Any, None]) -> None:
        try:
            self.executor.block_on(root)
        except Exception as err:
            self.failure = err


class KeepsWaker:
    """An awaitable that keeps the task's waker and finishes once `ready` is set: a test's own leaf."""

    def __init__(self) -> None:
        self.ready = False
        self.waker: Waker | None = None

    def __await__(self) -> Generator[None, None, str]:
        while not self.ready:
            self.waker = current_waker().clone()
            yield
        return "ready"


class InitTest(AckAssertions):
    def test_init_is_once_until_shutdown(self) -> None:
        init()
        self.addCleanup(shutdown)
        self.assertFails(ErrorKind.ALREADY_RUNNING, init)
        shutdown()
        init()

    def test_an_http_leaf_before_init_is_not_initialised(self) -> None:
        self.assertFails(ErrorKind.NOT_INITIALISED, HttpGet, 8080, "/0/x")

    def test_spawn_and_await_outside_a_task_are_not_initialised(self) -> None:
        async def nothing() -> None:
            pass

        task = nothing()
        self.assertFails(ErrorKind.NOT_INITIALISED, spawn, task)
        task.close()
        self.assertFails(ErrorKind.NOT_INITIALISED, current_waker)


class ExecutorTest(Runtime):
    def test_block_on_waits_for_spawned_tasks_and_drops_their_values(self) -> None:
        leaf = KeepsWaker()
        values: list[str] = []

        async def child() -> None:
            values.append(await leaf)

        async def root() -> None:
            spawn(child())  # fire and forget: the root returns at once

        running = self.start(root())
        self.wait_for_sleeps(1)
        self.assertEqual(self.observer.count("finished", 0), 1, "the root finished")
        self.assertTrue(running.is_alive(), "block_on still waits for the spawned task")
        leaf.ready = True
        assert leaf.waker is not None
        leaf.waker.wake()
        self.finish(running)
        self.assertEqual(values, ["ready"])

    def test_a_wake_by_value_polls_the_task_once_more(self) -> None:
        self.assertEqual(self.polls_after(Waker.wake), 2)

    def test_a_wake_by_reference_polls_the_task_once_more(self) -> None:
        self.assertEqual(self.polls_after(Waker.wake_by_ref), 2)

    def polls_after(self, wake: Callable[[Waker], None]) -> int:
        """How often a task is polled that waits on a leaf, which is made ready and woken with `wake`."""
        leaf = KeepsWaker()
        running = self.start(_awaits(leaf))
        self.wait_for_sleeps(1)
        leaf.ready = True
        assert leaf.waker is not None
        wake(leaf.waker)
        self.finish(running)
        return self.observer.count("polled", 0)

    def test_a_waker_woken_by_reference_stays_usable(self) -> None:
        leaf = KeepsWaker()
        running = self.start(_awaits(leaf))
        self.wait_for_sleeps(1)
        waker = leaf.waker
        assert waker is not None
        waker.wake_by_ref()
        self.wait_for_sleeps(2)
        leaf.ready = True
        waker.wake()  # the same waker, not the one the second poll left
        self.finish(running)
        self.assertEqual(self.observer.count("polled", 0), 3)

    def test_an_idle_runtime_sleeps_in_the_os(self) -> None:
        leaf = KeepsWaker()
        running = self.start(_awaits(leaf))
        self.wait_for_sleeps(1)
        cpu_before, wall_before = time.process_time(), time.monotonic()
        time.sleep(0.5)  # the window measured, not a synchronisation
        cpu, wall = time.process_time() - cpu_before, time.monotonic() - wall_before
        self.assertLess(cpu, 0.1 * wall, "the process used CPU while every task waited")
        leaf.ready = True
        assert leaf.waker is not None
        leaf.waker.wake()
        self.finish(running)


class LeafTest(Runtime):
    def test_a_response_in_many_small_pieces_completes_once_with_the_whole_body(self) -> None:
        body = "a-body-longer-than-one-read-of-147-bytes-" * 8
        values: list[str] = []

        async def root() -> None:
            values.append(await Awaited(HttpGet(self.server.port, f"/0/{body}/split/20")))

        self.run_to_end(root())
        self.assertEqual(values, [body])

    def test_spawned_requests_finish_in_delay_order_together(self) -> None:
        finished: list[int] = []

        async def request(delay_ms: int) -> None:
            await Awaited(HttpGet(self.server.port, f"/{delay_ms}/r"))
            finished.append(delay_ms)

        async def root() -> None:
            for i in reversed(range(20)):
                spawn(request(i * 20))

        started = time.monotonic()
        self.run_to_end(root())
        self.assertLess(time.monotonic() - started, sum(i * 20 for i in range(20)) / 1000 / 5, "one after another")
        self.assertEqual(sorted(finished), [i * 20 for i in range(20)])
        for earlier, later in zip(finished, finished[1:], strict=False):
            self.assertLessEqual(earlier - later, 100, f"{earlier} ms finished before {later} ms: {finished}")

    def test_executors_on_several_threads_share_the_reactor_and_each_wake_reaches_its_own(self) -> None:
        observers = [RecordingObserver() for _ in range(3)]
        threads: list[threading.Thread] = []
        for index, observer in enumerate(observers):

            async def root(index: int = index) -> None:
                await Awaited(HttpGet(self.server.port, f"/{50 * index}/r{index}"))

            executor = Executor(observer)
            self.addCleanup(executor.stop)
            threads.append(threading.Thread(target=executor.block_on, args=(root(),), name=f"exec-{index}"))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(DEADLINE_S)
            self.assertFalse(thread.is_alive(), "a wake went to another executor, or none came")
        for observer in observers:
            self.assertEqual(observer.count("all-finished"), 1)
            self.assertGreaterEqual(observer.count("woken", 0), 1, "woken through the reactor")

    def test_a_third_party_request_wakes_the_task_from_its_own_thread(self) -> None:
        values: list[str] = []

        async def root() -> None:
            values.extend(await join_all([ThirdPartyGet(self.server.port, f"/{ms}/t{ms}") for ms in (200, 100)]))

        self.run_to_end(root())
        self.assertEqual(values, ["t200", "t100"])
        self.assertGreaterEqual(self.observer.count("woken", 0), 1, "woken by the pool's thread")

    def test_the_other_runtime_s_leaf_fails_outside_its_context_and_works_inside(self) -> None:
        async def outside() -> None:
            await Awaited(OtherRuntimeGet(self.server.port, "/0/o"))

        self.failure = None
        thread = self.start(outside())
        with self.assertRaises(Exception) as caught:
            self.finish(thread)
        self.assertEqual(getattr(caught.exception, "kind", None), ErrorKind.NOT_INITIALISED)

        values: list[str] = []
        self.failure = None

        async def spawned_later() -> None:  # a task of its own: it did not enter the other runtime
            try:
                await outside()
            except Exception as err:
                values.append(str(getattr(err, "kind", err)))

        async def inside() -> None:
            enter_other_runtime()
            values.append(await Awaited(OtherRuntimeGet(self.server.port, "/50/inside")))
            spawn(spawned_later())

        self.run_to_end(inside())
        self.assertEqual(values, ["inside", str(ErrorKind.NOT_INITIALISED)])


class ProgramTest(Runtime):
    """The protocol's programs as an async def, through the area's op for the things only it does."""

    def test_append_keeps_writing_to_the_buffer_across_waits(self) -> None:
        leaves = ManualLeaves()
        program: Program = _program(
            {"do": "append", "text": "<"},
            {"do": "wait", "leaf": {"kind": "http", "port": self.server.port, "path": "/50/one"}, "into": "a"},
            {"do": "append", "text": "{a}"},
            {"do": "wait", "leaf": {"kind": "manual", "name": "B"}, "into": "b"},
            {"do": "append", "text": "{b}>"},
            {"do": "return", "value": "{buffer}"},
        )
        host = _Host(leaves, self.server.port)
        values: list[str] = []

        async def root() -> None:
            values.append(await run_program(program, host))

        running = self.start(root())
        self.wait_for_sleeps(2)
        leaves.make_ready("B", "two")
        self.finish(running)
        self.assertEqual(values, ["<onetwo>"])

    def test_join_all_waits_on_every_child_and_joins_their_values(self) -> None:
        child = [{"do": "wait", "leaf": {"kind": "http", "port": self.server.port, "path": "/30/c"}, "into": "x"}]
        program = _program(
            {"do": "create", "name": "c1", "program": [*child, {"do": "return", "value": "1{x}"}]},
            {"do": "create", "name": "c2", "program": [*child, {"do": "return", "value": "2{x}"}]},
            {"do": "join_all", "children": ["c1", "c2"], "into": "all"},
            {"do": "return", "value": "{all}"},
        )
        values: list[str] = []

        async def root() -> None:
            values.append(await run_program(program, _Host(ManualLeaves(), self.server.port)))

        self.run_to_end(root())
        self.assertEqual(values, ["1c,2c"])


class AreaTest(AckAssertions):
    def setUp(self) -> None:
        self.area = RuntimeArea(Handles())
        self.addCleanup(self.area.reset)
        self.ops = self.area.ops()

    def op(self, op: str, /, **args: Any) -> Any:
        return self.ops[op](Args(args))

    def test_leaf_ready_refuses_leaves_no_program_waits_on_and_bad_wake_words(self) -> None:
        self.op("rt.init")
        run = self.op("rt.block_on", program=[{"do": "wait", "leaf": {"kind": "manual", "name": "A"}}])["run"]
        self.assertFails(ErrorKind.BAD_REQUEST, lambda: self.op("rt.leaf_ready", name="B", value="", wake="by_value"))
        self.assertFails(ErrorKind.BAD_REQUEST, lambda: self.op("rt.leaf_ready", name="A", value="", wake="sideways"))
        self.assertFails(ErrorKind.UNKNOWN_HANDLE, lambda: self.op("rt.run_wait", run=run + 1, timeout_ms=0))
        self.op("rt.leaf_ready", name="A", value="", wake="by_reference")
        self.assertTrue(self.op("rt.run_wait", run=run, timeout_ms=DEADLINE_S * 1000)["finished"])

    def test_chapter_8_instructions_are_not_the_runtime_s(self) -> None:
        chapter_8 = ({"do": "keep_waker", "name": "w"}, {"do": "poll_detached", "child": "c"}, {"do": "yield_now"}, {"do": "yield_until_sleep"})
        for instruction in chapter_8:
            self.assertFails(ErrorKind.BAD_REQUEST, lambda: self.op("rt.block_on", program=[instruction]))

    def test_cpu_time_grows_with_work(self) -> None:
        before = self.op("rt.cpu_time")["cpu_ms"]
        sum(range(3_000_000))
        self.assertGreater(self.op("rt.cpu_time")["cpu_ms"], before)


async def _awaits(leaf: KeepsWaker) -> None:
    await leaf


def _program(*instructions: dict[str, Any]) -> Program:
    return parse_program([Args(instruction) for instruction in instructions], RUNTIME)


class _Host:
    """A program host that traces nothing: manual leaves from `leaves`, http ones on the reactor."""

    def __init__(self, leaves: ManualLeaves, port: int) -> None:
        self._leaves = leaves
        self._port = port

    def log(self, text: str) -> None:
        pass

    def leaf_started(self, name: str) -> None:
        pass

    def leaf_polled(self, name: str, ready: bool) -> None:
        pass

    def leaf(self, spec: ManualSpec | HttpSpec) -> Awaited[str]:
        if isinstance(spec, ManualSpec):
            return Awaited(self._leaves.leaf(spec.name))
        return Awaited(HttpGet(spec.port, spec.path))

