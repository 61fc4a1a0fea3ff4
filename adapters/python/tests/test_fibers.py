"""The fiber runtime through its Python API: the book's programs, written as Python functions.

Needs greenlet: without it the import of ack.fibers fails, and this module with it, saying how to
install greenlet. A failure, not a skip: a check that did not run must not read as passed.
"""

from __future__ import annotations

import functools
import threading
import unittest
from collections.abc import Callable

from ack.errors import ErrorKind
from ack.fibers import FiberError, Runtime, Stack, current, set_current, spawn, yield_now

from .assertions import AckAssertions


class RuntimeTest(AckAssertions):
    def setUp(self) -> None:
        self.runtime = Runtime()
        self.runtime.init()
        self.addCleanup(set_current, None)
        self.lines: list[str] = []

    def say(self, line: str) -> None:
        self.lines.append(line)

    def run_fibers(self) -> None:
        """Runs the runtime, failing the test if a fiber ended by an exception (the runtime only logs those)."""
        with self.assertNoLogs("ack.fibers.runtime", "ERROR"):
            self.runtime.run()

    def test_the_books_counting_fibers(self) -> None:
        def counter(times: int) -> Callable[[], None]:
            def count() -> None:
                fiber = self.runtime.current_id()
                self.say(f"THREAD {fiber} STARTING")
                for i in range(times):
                    self.say(f"thread: {fiber} counter: {i}")
                    yield_now()
                self.say(f"THREAD {fiber} FINISHED")

            return count

        spawn(counter(10))
        spawn(counter(15))
        self.run_fibers()
        alternating = [f"thread: {fiber} counter: {k}" for k in range(1, 10) for fiber in (1, 2)]
        self.assertEqual(
            self.lines,
            ["THREAD 1 STARTING", "thread: 1 counter: 0", "THREAD 2 STARTING", "thread: 2 counter: 0"]
            + alternating
            + ["THREAD 1 FINISHED"]
            + [f"thread: 2 counter: {k}" for k in range(10, 15)]
            + ["THREAD 2 FINISHED"],
        )

    def test_a_fiber_spawned_by_a_fiber_takes_the_next_slot_and_turn(self) -> None:
        def finishing(task: Callable[[], None]) -> Callable[[], None]:
            def run_then_finish() -> None:
                task()
                self.say(f"THREAD {self.runtime.current_id()} FINISHED.")

            return run_then_finish

        def first() -> None:
            self.say("I haven't implemented a timer in this example.")
            yield_now()
            self.say("Finally, notice how the tasks are executed concurrently.")

        def second() -> None:
            self.say("But we can still nest tasks...")
            spawn(finishing(lambda: self.say("...like this!")))

        spawn(finishing(first))
        spawn(finishing(second))
        self.run_fibers()
        self.assertEqual(
            self.lines,
            [
                "I haven't implemented a timer in this example.",
                "But we can still nest tasks...",
                "THREAD 2 FINISHED.",
                "...like this!",
                "THREAD 3 FINISHED.",
                "Finally, notice how the tasks are executed concurrently.",
                "THREAD 1 FINISHED.",
            ],
        )

    def test_spawn_makes_ready_but_does_not_run(self) -> None:
        self.assertEqual(spawn(lambda: self.say("fiber")), 1)
        self.say("base goes on")
        self.run_fibers()
        self.assertEqual(self.lines, ["base goes on", "fiber"])

    def test_no_free_slot_before_anything_runs_and_the_others_go_on(self) -> None:
        for expected_id in (1, 2, 3):
            self.assertEqual(spawn(lambda: self.say(f"fiber {self.runtime.current_id()}")), expected_id)
        self.assertFails(ErrorKind.NO_FREE_SLOT, spawn, lambda: self.say("fourth"))
        self.assertEqual(self.lines, [], "nothing ran before the failing spawn")
        self.run_fibers()
        self.assertEqual(self.lines, ["fiber 1", "fiber 2", "fiber 3"])

    def test_a_freed_slot_is_reused(self) -> None:
        self.assertEqual(spawn(lambda: None), 1)
        self.assertEqual(spawn(lambda: None), 2)
        self.run_fibers()
        self.assertEqual([spawn(lambda: None) for _ in range(3)], [1, 2, 3])
        self.run_fibers()

    def test_yield_with_nothing_else_ready_returns_at_once(self) -> None:
        self.assertFalse(yield_now(), "no fiber: nothing to switch to")
        switched: list[bool] = []
        spawn(lambda: switched.append(yield_now()))
        self.assertTrue(yield_now(), "the fiber was ready")
        self.run_fibers()
        self.assertEqual(switched, [True], "the base context was ready when the fiber yielded")
        self.assertFalse(yield_now(), "the fiber has finished: its slot is not switched to")

    def test_locals_survive_yields_from_50_frames_deep(self) -> None:
        def deep(frames: int, fiber: int) -> list[int]:
            """The local `mine` of every frame, read after 5 yields from the deepest one."""
            mine = fiber * 1000 + frames  # the same name in every frame of every fiber
            if frames == 0:
                for _ in range(5):
                    yield_now()
                return [mine]
            return deep(frames - 1, fiber) + [mine]

        seen: dict[int, list[int]] = {}

        def record(fiber: int) -> None:
            seen[fiber] = deep(50, fiber)

        for fiber in (1, 2, 3):
            spawn(functools.partial(record, fiber))
        self.run_fibers()
        self.assertEqual(seen, {fiber: [fiber * 1000 + frames for frames in range(51)] for fiber in (1, 2, 3)})

    def test_a_fiber_keeps_the_cpu_until_it_yields(self) -> None:
        def spinner() -> None:
            self.say("spin starts")
            for _ in range(200_000):
                pass
            self.say("spin ends")

        spawn(spinner)
        spawn(lambda: self.say("other"))
        self.run_fibers()
        self.assertEqual(self.lines, ["spin starts", "spin ends", "other"])

    def test_an_uncaught_exception_ends_only_its_fiber(self) -> None:
        def failing() -> None:
            yield_now()
            raise ValueError("a bug in a fiber")

        def counting() -> None:
            for i in range(3):
                self.say(f"counting {i}")
                yield_now()

        spawn(failing)
        spawn(counting)
        with self.assertLogs("ack.fibers.runtime", "ERROR"):
            self.runtime.run()
        self.assertEqual(self.lines, ["counting 0", "counting 1", "counting 2"])
        self.assertEqual(spawn(lambda: None), 1, "its slot is free again")
        self.run_fibers()

    def test_yield_and_spawn_need_an_initialised_runtime(self) -> None:
        set_current(None)
        self.assertFails(ErrorKind.NOT_INITIALISED, yield_now)
        self.assertFails(ErrorKind.NOT_INITIALISED, spawn, lambda: None)
        self.runtime.init()
        self.assertIs(current(), self.runtime)
        on_another_thread: list[BaseException] = []
        thread = threading.Thread(target=lambda: self.capture(on_another_thread, yield_now))
        thread.start()
        thread.join()
        self.assertIsInstance(on_another_thread[0], FiberError, "init is per thread")

    def capture(self, into: list[BaseException], action: Callable[[], object]) -> None:
        try:
            action()
        except BaseException as err:
            into.append(err)

    def test_bad_configurations_are_invalid_arguments(self) -> None:
        self.assertFails(ErrorKind.INVALID_ARGUMENT, Runtime, 0)
        self.assertFails(ErrorKind.INVALID_ARGUMENT, Runtime, 4, 0)

    def test_the_stack_budget_refuses_a_frame_that_does_not_fit(self) -> None:
        stack = Stack(1000)
        stack.push(600)
        self.assertFails(ErrorKind.STACK_OVERFLOW, stack.push, 401)
        stack.pop(600)
        stack.push(1000)
        stack.clear()
        stack.push(1000)


if __name__ == "__main__":
    unittest.main()
