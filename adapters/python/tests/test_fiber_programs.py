"""Area `fibers` through its ops, in process: programs as the runner sends them, traces as it reads them.

Needs greenlet: without it the import of ack.fibers fails, and this module with it, saying how to
install greenlet. A failure, not a skip: a check that did not run must not read as passed.
"""

from __future__ import annotations

import sys
import time
import unittest
from typing import Any

from ack.errors import AckError, ErrorKind
from ack.handlers.fibers import FibersArea
from ack.protocol.args import Args
from ack.protocol.handles import Handles

Instruction = dict[str, Any]
Entry = dict[str, Any]


# The instructions of spec/protocol.md §6, spelled as the runner sends them.
def log(text: str) -> Instruction:
    return {"do": "log", "text": text}


YIELD: Instruction = {"do": "yield"}


def set_local(var: str, value: int) -> Instruction:
    return {"do": "set", "var": var, "value": value}


def add(var: str, value: int) -> Instruction:
    return {"do": "add", "var": var, "value": value}


def check(var: str, equals: int) -> Instruction:
    return {"do": "check", "var": var, "equals": equals}


def repeat(times: int, var: str, *body: Instruction) -> Instruction:
    return {"do": "repeat", "times": times, "var": var, "body": list(body)}


def nested(depth: int, *body: Instruction) -> Instruction:
    return {"do": "nested", "depth": depth, "body": list(body)}


def spawn(*body: Instruction) -> Instruction:
    return {"do": "spawn", "body": list(body)}


def logged(fiber: int, text: str) -> Entry:
    return {"fiber": fiber, "event": "log", "text": text}


def spawned(fiber: int, new_id: int) -> Entry:
    return {"fiber": fiber, "event": "spawned", "id": new_id}


def finished(fiber: int) -> Entry:
    return {"fiber": fiber, "event": "finished"}


class FiberProgramsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.area = FibersArea(Handles())
        self.addCleanup(self.area.reset)
        self.ops = self.area.ops()

    def request(self, op: str, **args: Any) -> dict[str, Any]:
        return self.ops[op](Args(args))

    def runtime(self, **args: Any) -> int:
        handle: int = self.request("fb.runtime_new", **args)["runtime"]
        return handle

    def trace(self, runtime: int, *program: Instruction) -> list[Entry]:
        entries: list[Entry] = self.request("fb.run", runtime=runtime, program=list(program))["trace"]
        return entries

    def error_kind(self, op: str, **args: Any) -> ErrorKind:
        with self.assertRaises(AckError) as caught:
            self.request(op, **args)
        return caught.exception.kind

    def kinds(self, trace: list[Entry]) -> list[tuple[int, str]]:
        return [(entry["fiber"], entry.get("kind", "")) for entry in trace if entry["event"] == "error"]

    def test_the_books_counting_fibers(self) -> None:
        def counter(times: int) -> Instruction:
            return spawn(
                log("THREAD {id} STARTING"),
                repeat(times, "i", log("thread: {id} counter: {i}"), YIELD),
                log("THREAD {id} FINISHED"),
            )

        trace = self.trace(self.runtime(), counter(10), counter(15))
        alternating = [logged(fiber, f"thread: {fiber} counter: {k}") for k in range(1, 10) for fiber in (1, 2)]
        self.assertEqual(
            trace,
            [spawned(0, 1), spawned(0, 2)]
            + [logged(1, "THREAD 1 STARTING"), logged(1, "thread: 1 counter: 0")]
            + [logged(2, "THREAD 2 STARTING"), logged(2, "thread: 2 counter: 0")]
            + alternating
            + [logged(1, "THREAD 1 FINISHED"), finished(1)]
            + [logged(2, f"thread: 2 counter: {k}") for k in range(10, 15)]
            + [logged(2, "THREAD 2 FINISHED"), finished(2)],
        )

    def test_a_fiber_spawned_by_a_fiber_takes_the_next_slot_and_turn(self) -> None:
        trace = self.trace(
            self.runtime(),
            spawn(
                log("I haven't implemented a timer in this example."),
                YIELD,
                log("Finally, notice how the tasks are executed concurrently."),
            ),
            spawn(log("But we can still nest tasks..."), spawn(log("...like this!"))),
        )
        self.assertEqual(
            trace,
            [
                spawned(0, 1),
                spawned(0, 2),
                logged(1, "I haven't implemented a timer in this example."),
                logged(2, "But we can still nest tasks..."),
                spawned(2, 3),
                finished(2),
                logged(3, "...like this!"),
                finished(3),
                logged(1, "Finally, notice how the tasks are executed concurrently."),
                finished(1),
            ],
        )

    def test_spawn_does_not_run_and_a_full_runtime_fails_the_spawn_only(self) -> None:
        runtime = self.runtime()
        trace = self.trace(runtime, *[spawn(log("fiber {id}")) for _ in range(4)], log("not reached"))
        self.assertEqual(
            trace,
            [spawned(0, 1), spawned(0, 2), spawned(0, 3)]
            + [{"fiber": 0, "event": "error", "kind": "NoFreeSlot", "message": "no available thread."}]
            + [entry for fiber in (1, 2, 3) for entry in (logged(fiber, f"fiber {fiber}"), finished(fiber))],
        )
        self.assertEqual(self.trace(runtime, spawn())[0], spawned(0, 1), "the runtime is usable after run, slots free")

    def test_locals_survive_yields_from_50_frames_deep(self) -> None:
        def worker(value: int) -> Instruction:
            return spawn(
                set_local("x", value),
                nested(50, repeat(5, "i", add("x", 1), YIELD), check("x", value + 5)),
                check("i", 4),
                check("x", value + 5),
            )

        trace = self.trace(self.runtime(stack_size=64 * 1024), worker(100), worker(200), check("x", 0))
        self.assertEqual([entry for entry in trace if entry["event"] == "check"], [], "no local was lost")

    def test_a_lost_local_shows_in_a_check(self) -> None:
        trace = self.trace(self.runtime(), set_local("x", 5), check("x", 6), check("never_set", 0))
        self.assertEqual(trace, [{"fiber": 0, "event": "check", "var": "x", "expected": 6, "actual": 5}])

    def test_a_fiber_keeps_the_cpu_until_it_yields(self) -> None:
        trace = self.trace(
            self.runtime(),
            spawn(log("spin starts"), {"do": "spin", "iterations": 1_000_000}, log("spin ends")),
            spawn(log("other")),
        )
        self.assertEqual([entry["text"] for entry in trace if entry["event"] == "log"], ["spin starts", "spin ends", "other"])

    def test_stack_overflow_ends_only_the_fiber_that_overflowed(self) -> None:
        runtime = self.runtime(stack_size=64 * 1024)
        trace = self.trace(
            runtime,
            spawn(set_local("x", 1), YIELD, {"do": "exhaust_stack", "frame_bytes": 1024}, log("not reached")),
            spawn(set_local("x", 2), nested(20, repeat(3, "i", YIELD)), check("x", 2), log("unharmed")),
        )
        self.assertEqual(self.kinds(trace), [(1, "StackOverflow")])
        self.assertEqual(trace[-3:], [finished(1), logged(2, "unharmed"), finished(2)])
        again = self.trace(runtime, spawn(nested(50, log("fresh stack"))))
        self.assertEqual(again, [spawned(0, 1), logged(1, "fresh stack"), finished(1)])

    def test_python_recursion_limit_is_a_stack_overflow_too(self) -> None:
        runtime = self.runtime()  # 2 MiB: Python's own recursion limit comes first
        trace = self.trace(runtime, {"do": "exhaust_stack", "frame_bytes": 0}, log("not reached"))
        self.assertEqual(self.kinds(trace), [(0, "StackOverflow")])
        self.assertEqual(self.trace(runtime, nested(50, log("the base context goes on"))), [logged(0, "the base context goes on")])

    def test_a_malformed_program_is_a_bad_request_and_nothing_runs(self) -> None:
        runtime = self.runtime()
        bad = [spawn(log("never")), spawn({"do": "log"})]  # the second log has no text
        self.assertIs(self.error_kind("fb.run", runtime=runtime, program=bad), ErrorKind.BAD_REQUEST)
        self.assertIs(self.error_kind("fb.run", runtime=runtime, program=[{"do": "jump"}]), ErrorKind.BAD_REQUEST)
        self.assertIs(self.error_kind("fb.run", runtime=runtime, program=[repeat(-1, "i")]), ErrorKind.BAD_REQUEST)
        self.assertEqual(self.trace(runtime, spawn()), [spawned(0, 1), finished(1)])

    def test_bad_runtimes_and_unknown_handles(self) -> None:
        self.assertIs(self.error_kind("fb.runtime_new", slots=0), ErrorKind.INVALID_ARGUMENT)
        self.assertIs(self.error_kind("fb.runtime_new", stack_size=0), ErrorKind.INVALID_ARGUMENT)
        self.assertIs(self.error_kind("fb.run", runtime=12345, program=[]), ErrorKind.UNKNOWN_HANDLE)

    def test_after_reset_no_runtime_is_initialised(self) -> None:
        runtime = self.runtime()
        self.assertEqual(self.request("fb.call_outside_runtime", call="yield"), {}, "a runtime is current")
        self.area.reset()
        self.assertIs(self.error_kind("fb.call_outside_runtime", call="yield"), ErrorKind.NOT_INITIALISED)
        self.assertIs(self.error_kind("fb.call_outside_runtime", call="spawn"), ErrorKind.NOT_INITIALISED)
        self.assertIs(self.error_kind("fb.run", runtime=runtime, program=[]), ErrorKind.UNKNOWN_HANDLE)

    def test_ten_thousand_fibers_yield_from_deep_call_chains(self) -> None:
        fibers = 10_000
        runtime = self.runtime(slots=fibers + 1, stack_size=256 * 1024)
        worker = spawn(set_local("yields", 0), nested(50, repeat(100, "i", YIELD, add("yields", 1))), check("yields", 100))
        started = time.monotonic()
        trace = self.trace(runtime, repeat(fibers, "n", worker))
        elapsed = time.monotonic() - started
        print(f"\n{fibers} fibers x 100 yields from 50 frames deep: {elapsed:.1f} s", file=sys.stderr)
        self.assertEqual(trace[:fibers], [spawned(0, fiber) for fiber in range(1, fibers + 1)])
        self.assertEqual(trace[fibers:], [finished(fiber) for fiber in range(1, fibers + 1)], "in slot order, no failure")


if __name__ == "__main__":
    unittest.main()
