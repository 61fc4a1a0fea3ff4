"""Coroutines (chapter 7): futures polled by hand, generator bodies, join_all, leaves, programs."""

from __future__ import annotations

import time
import unittest
from typing import Any

from ack.coroutines import (
    NOOP_WAKER,
    PENDING,
    Body,
    Coroutine,
    Future,
    HttpGet,
    JoinAll,
    ManualLeaves,
    PollState,
    Ready,
    Waker,
)
from ack.coroutines.program import HttpSpec, LeafSpec, coroutine
from ack.errors import ErrorKind
from ack.handlers.coroutine_programs import parse_program
from ack.protocol.args import Args

from .assertions import AckAssertions
from .delay_server import DelayServer


class Countdown:
    """A leaf that is Pending for `pending_polls` polls, then Ready with `value`; counts its polls."""

    def __init__(self, pending_polls: int, value: str = "") -> None:
        self.pending_polls = pending_polls
        self.value = value
        self.polls = 0

    def poll(self, waker: Waker) -> PollState[str]:
        self.polls += 1
        return Ready(self.value) if self.polls > self.pending_polls else PENDING


class RecordingWaker:
    def __init__(self) -> None:
        self.wakes = 0

    def wake(self) -> None:
        self.wakes += 1


class CoroutineTest(AckAssertions):
    def test_creating_does_no_work_and_the_first_poll_starts_it(self) -> None:
        steps: list[str] = []

        def body() -> Body[str]:
            steps.append("started")
            yield Countdown(1)
            return "done"

        created = Coroutine(body())
        self.assertEqual(steps, [])
        self.assertIs(created.poll(NOOP_WAKER), PENDING)
        self.assertEqual(steps, ["started"])

    def test_locals_live_across_waits(self) -> None:
        def body() -> Body[str]:
            first = "kept"
            second = yield Countdown(2, "waited")
            return f"{first} {second}"

        polled = Coroutine(body())
        self.assertIs(polled.poll(NOOP_WAKER), PENDING)
        self.assertIs(polled.poll(NOOP_WAKER), PENDING)
        self.assertEqual(polled.poll(NOOP_WAKER), Ready("kept waited"))

    def test_ready_values_feed_the_continuation_within_the_same_poll(self) -> None:
        def body() -> Body[str]:
            first = yield Countdown(0, "a")
            second = yield Countdown(0, "b")
            return first + second

        self.assertEqual(Coroutine(body()).poll(NOOP_WAKER), Ready("ab"))

    def test_polling_after_ready_fails(self) -> None:
        def body() -> Body[str]:
            return "once"
            yield  # a generator, though it never waits

        finished = Coroutine(body())
        self.assertEqual(finished.poll(NOOP_WAKER), Ready("once"))
        self.assertFails(ErrorKind.POLLED_AFTER_READY, finished.poll, NOOP_WAKER)

    def test_a_waiting_coroutine_polls_only_what_it_waits_on(self) -> None:
        later = Countdown(0)

        def body() -> Body[str]:
            yield Countdown(1)
            yield later
            return ""

        waiting = Coroutine(body())
        waiting.poll(NOOP_WAKER)
        self.assertEqual(later.polls, 0, "created, but not yet waited on")


class JoinAllTest(unittest.TestCase):
    def test_polls_each_unfinished_child_once_per_poll_and_never_a_finished_one(self) -> None:
        children = [Countdown(0, "a"), Countdown(1, "b"), Countdown(2, "c")]
        joined = JoinAll(children)
        self.assertIs(joined.poll(NOOP_WAKER), PENDING)
        self.assertEqual([child.polls for child in children], [1, 1, 1])
        self.assertIs(joined.poll(NOOP_WAKER), PENDING)
        self.assertEqual([child.polls for child in children], [1, 2, 2])
        self.assertEqual(joined.poll(NOOP_WAKER), Ready(["a", "b", "c"]), "in the order given")
        self.assertEqual([child.polls for child in children], [1, 2, 3])

    def test_no_children_is_ready_at_once(self) -> None:
        self.assertEqual(JoinAll([]).poll(NOOP_WAKER), Ready([]))


class ManualLeavesTest(unittest.TestCase):
    def test_ready_before_the_first_poll(self) -> None:
        leaves = ManualLeaves()
        leaves.make_ready("A", "early")
        self.assertEqual(leaves.leaf("A").poll(NOOP_WAKER), Ready("early"))

    def test_making_ready_wakes_the_most_recent_pollers_waker(self) -> None:
        leaves = ManualLeaves()
        leaf = leaves.leaf("A")
        older, newer = RecordingWaker(), RecordingWaker()
        self.assertIs(leaf.poll(older), PENDING)
        self.assertIs(leaf.poll(newer), PENDING)
        leaves.make_ready("A", "now")
        self.assertEqual((older.wakes, newer.wakes), (0, 1))
        self.assertEqual(leaf.poll(newer), Ready("now"))


class HttpGetTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = DelayServer()
        self.addCleanup(self.server.close)

    def test_first_poll_sends_without_reading_and_later_polls_read_to_the_end(self) -> None:
        leaf = HttpGet(self.server.port, "/0/hello")
        self.addCleanup(leaf.close)
        time.sleep(0.05)
        self.assertEqual(self.server.paths, [], "creating the leaf sends nothing")
        self.assertIs(leaf.poll(NOOP_WAKER), PENDING, "even though the server answers at once")
        state = leaf.poll(NOOP_WAKER)
        deadline = time.monotonic() + 5
        while not isinstance(state, Ready) and time.monotonic() < deadline:
            time.sleep(0.01)  # no reactor in chapter 7: the caller polls again when it likes
            state = leaf.poll(NOOP_WAKER)
        self.assertEqual(state, Ready("hello"), "the body, without the headers")
        self.assertEqual(self.server.paths, ["/0/hello"])


class RecordingHost:
    """A program host that records what the program reports, with leaves from a ManualLeaves."""

    def __init__(self) -> None:
        self.trace: list[tuple[Any, ...]] = []
        self.leaves = ManualLeaves()

    def log(self, text: str) -> None:
        self.trace.append(("log", text))

    def leaf_started(self, name: str) -> None:
        self.trace.append(("started", name))

    def leaf_polled(self, name: str, ready: bool) -> None:
        self.trace.append(("polled", name, ready))

    def leaf(self, spec: LeafSpec) -> Future[str]:
        assert not isinstance(spec, HttpSpec)
        return self.leaves.leaf(spec.name)

    def spawn(self, child: Future[str]) -> None:
        raise AssertionError("no executor in chapter 7")

    def keep_waker(self, name: str, waker: Waker) -> None:
        raise AssertionError("no executor in chapter 7")

    def wake_from_poll(self, waker: Waker) -> None:
        self.trace.append(("woken by its poll",))
        waker.wake()

    def wake_at_sleep(self, waker: Waker) -> None:
        raise AssertionError("no executor in chapter 7")



def program(*instructions: dict[str, Any]) -> Any:
    return parse_program([Args(instruction) for instruction in instructions])


class ProgramTest(AckAssertions):
    def setUp(self) -> None:
        self.host = RecordingHost()

    def test_locals_templates_and_waits(self) -> None:
        running = coroutine(
            program(
                {"do": "set", "var": "x", "value": "one"},
                {"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": "a"},
                {"do": "log", "text": "x={x} a={a} {unknown}"},
                {"do": "return", "value": "done {a}"},
            ),
            self.host,
        )
        self.assertIs(running.poll(NOOP_WAKER), PENDING)
        self.host.leaves.make_ready("A", "va")
        self.assertEqual(running.poll(NOOP_WAKER), Ready("done va"))
        self.assertEqual(
            self.host.trace,
            [("started", "A"), ("polled", "A", False), ("polled", "A", True), ("log", "x=one a=va {unknown}")],
        )

    def test_yield_now_wakes_its_own_task_and_is_pending_once(self) -> None:
        running = coroutine(program({"do": "log", "text": "a"}, {"do": "yield_now"}, {"do": "return", "value": "b"}), self.host)
        self.assertIs(running.poll(NOOP_WAKER), PENDING)
        self.assertEqual(self.host.trace, [("log", "a"), ("woken by its poll",)])
        self.assertEqual(running.poll(NOOP_WAKER), Ready("b"))

    def test_children_start_only_when_waited_on_and_join_all_joins_their_values(self) -> None:
        child_b = [{"do": "wait", "leaf": {"kind": "manual", "name": "B"}, "into": "b"}, {"do": "return", "value": "b:{b}"}]
        running = coroutine(
            program(
                {"do": "create", "name": "c1", "program": [{"do": "log", "text": "c1 runs"}, {"do": "return", "value": "1"}]},
                {"do": "create", "name": "c2", "program": child_b},
                {"do": "create", "name": "c3", "program": []},
                {"do": "log", "text": "created"},
                {"do": "join_all", "children": ["c1", "c2", "c3"], "into": "all"},
                {"do": "return", "value": "{all}"},
            ),
            self.host,
        )
        self.assertIs(running.poll(NOOP_WAKER), PENDING)
        self.assertEqual(self.host.trace[:2], [("log", "created"), ("log", "c1 runs")])
        self.host.leaves.make_ready("B", "vb")
        self.assertEqual(running.poll(NOOP_WAKER), Ready("1,b:vb,"), "a program without return ends with ''")

    def test_waiting_on_a_child_that_already_ended_fails(self) -> None:
        running = coroutine(
            program(
                {"do": "create", "name": "c", "program": [{"do": "log", "text": "c"}]},
                {"do": "poll_detached", "child": "c"},
                {"do": "wait", "child": "c"},
            ),
            self.host,
        )
        self.assertFails(ErrorKind.POLLED_AFTER_READY, running.poll, NOOP_WAKER)

    def test_malformed_programs_are_bad_requests_before_anything_runs(self) -> None:
        for instructions in (
            [{"do": "wait", "child": "c"}],
            [{"do": "jump"}],
            [{"do": "wait", "leaf": {"kind": "http", "port": 0, "path": "/"}}],
            [{"do": "create", "name": "c", "program": [{"do": "spawn", "child": "c"}]}],
            # handed over to its first wait, join_all or spawn, a child may not be named again (protocol.md §10)
            [{"do": "create", "name": "c", "program": [{"do": "log", "text": "c"}]}, {"do": "wait", "child": "c"}, {"do": "wait", "child": "c"}],
            [{"do": "create", "name": "c", "program": [{"do": "log", "text": "c"}]}, {"do": "join_all", "children": ["c", "c"]}],
            [{"do": "create", "name": "c", "program": [{"do": "log", "text": "c"}]}, {"do": "spawn", "child": "c"}, {"do": "wait", "child": "c"}],
        ):
            with self.subTest(instructions=instructions):
                self.assertFails(ErrorKind.BAD_REQUEST, program, *instructions)


if __name__ == "__main__":
    unittest.main()
