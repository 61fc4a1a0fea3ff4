"""The runtime (chapter 8): parker, executor, reactor, and the http leaf the reactor wakes."""

from __future__ import annotations

import threading
import time
import unittest
from typing import Any

from ack.coroutines import PENDING, Body, Coroutine, JoinAll, ManualLeaves, PollState, Ready, Waker
from ack.errors import ErrorKind
from ack.wakers import (
    Executor,
    Parker,
    ReactorHttpGet,
    current_reactor,
    start_reactor,
    stop_reactor,
)

from .assertions import AckAssertions
from .delay_server import DelayServer
from .loopback import Loopback

DEADLINE_S = 5


class RecordingObserver:
    """Records what an executor reports, from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.events: list[tuple[Any, ...]] = []

    def spawned(self, task: int) -> None:
        self._add("spawned", task)

    def polled(self, task: int) -> None:
        self._add("polled", task)

    def finished(self, task: int) -> None:
        self._add("finished", task)

    def woken(self, task: int) -> None:
        self._add("woken", task)

    def sleeping(self, pending: int) -> None:
        self._add("sleeping", pending)

    def all_finished(self) -> None:
        self._add("all-finished")

    def count(self, *event: Any) -> int:
        with self._lock:
            return self.events.count(event)

    def wait_for(self, *event: Any) -> None:
        """Waits until `event` was reported, then a little longer, for anything that would follow it."""
        deadline = time.monotonic() + DEADLINE_S
        while not self.count(*event):
            assert time.monotonic() < deadline, f"no {event} in {self.events}"
            time.sleep(0.01)
        time.sleep(0.05)

    def _add(self, *event: Any) -> None:
        with self._lock:
            self.events.append(event)


class KeepsWaker:
    """Keeps the waker of its most recent poll; Ready once `ready_at` wakes have been counted."""

    def __init__(self, ready_at: int = 0) -> None:
        self.ready_at = ready_at
        self.count = 0  # raised by another thread
        self.polls = 0
        self.waker: Waker | None = None

    def poll(self, waker: Waker) -> PollState[str]:
        self.polls += 1
        self.waker = waker
        return Ready("") if self.count >= self.ready_at else PENDING


class BlockOnThread:
    """Runs `executor.block_on(root)` on a thread of its own, as wk.block_on does."""

    def __init__(self, test: unittest.TestCase, executor: Executor, root: Coroutine[str]) -> None:
        self._executor = executor
        self._root = root
        self.value: str | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        test.addCleanup(executor.stop)  # a failed test must not leave it parked

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def join(self) -> str | None:
        self._thread.join(DEADLINE_S)
        assert not self._thread.is_alive(), "block_on did not return"
        return self.value

    def _run(self) -> None:
        self.value = self._executor.block_on(self._root)


class ParkerTest(unittest.TestCase):
    def test_park_waits_until_another_thread_unparks(self) -> None:
        parker = Parker()
        unparked = threading.Event()

        def unpark_later() -> None:
            time.sleep(0.1)
            unparked.set()
            parker.unpark()

        threading.Thread(target=unpark_later).start()
        self.assertFalse(unparked.is_set())
        parker.park()
        self.assertTrue(unparked.is_set())

    def test_one_permit_that_does_not_add_up(self) -> None:
        parker = Parker()
        parker.unpark()
        parker.unpark()
        parker.park()  # returns at once: the permit was there before
        unparker = threading.Timer(0.1, parker.unpark)
        unparker.start()
        started = time.monotonic()
        parker.park()
        self.assertGreaterEqual(time.monotonic() - started, 0.09, "the second unpark gave no second permit")
        unparker.join()


class ExecutorTest(unittest.TestCase):
    def setUp(self) -> None:
        self.observer = RecordingObserver()
        self.executor = Executor(self.observer)
        self.leaves = ManualLeaves()

    def test_a_pending_task_is_not_polled_again_until_woken(self) -> None:
        def root() -> Body[str]:
            value = yield self.leaves.leaf("A")
            return value

        running = BlockOnThread(self, self.executor, Coroutine(root()))
        self.observer.wait_for("sleeping", 1)
        self.assertEqual(self.observer.events, [("spawned", 0), ("polled", 0), ("sleeping", 1)])
        self.leaves.make_ready("A", "done")
        self.assertEqual(running.join(), "done")
        self.assertEqual(
            self.observer.events[3:], [("woken", 0), ("polled", 0), ("finished", 0), ("all-finished",)]
        )

    def test_block_on_waits_for_the_tasks_a_task_spawned(self) -> None:
        def child() -> Body[str]:
            yield self.leaves.leaf("A")
            return ""

        def root() -> Body[str]:
            self.executor.spawn(Coroutine(child()))
            return "root"
            yield

        running = BlockOnThread(self, self.executor, Coroutine(root()))
        self.observer.wait_for("sleeping", 1)
        self.assertTrue(running.is_alive(), "the root finished, the task it spawned did not")
        self.assertEqual(self.observer.count("finished", 0), 1)
        self.leaves.make_ready("A", "")
        self.assertEqual(running.join(), "root", "the root's value")

    def test_finished_and_unknown_tasks_are_not_polled_when_woken(self) -> None:
        finishes_at_once = KeepsWaker()

        def root() -> Body[str]:
            self.executor.spawn(finishes_at_once)
            yield self.leaves.leaf("A")
            return ""

        running = BlockOnThread(self, self.executor, Coroutine(root()))
        self.observer.wait_for("sleeping", 1)
        assert finishes_at_once.waker is not None
        finishes_at_once.waker.wake()
        self.executor.wake(99)
        self.observer.wait_for("woken", 99)
        self.leaves.make_ready("A", "")
        running.join()
        self.assertEqual(finishes_at_once.polls, 1)
        self.assertEqual(self.observer.count("polled", 1), 1)
        self.assertEqual(self.observer.count("polled", 99), 0)
        self.assertEqual((self.observer.count("woken", 1), self.observer.count("woken", 99)), (1, 1))

    def test_a_wake_while_the_executor_falls_asleep_is_not_lost(self) -> None:
        awaited = KeepsWaker(ready_at=1)
        observer = _WakesAsItFallsAsleep(awaited)
        executor = Executor(observer)
        observer.executor = executor
        running = BlockOnThread(self, executor, Coroutine(_wait_on(awaited)))
        running.join()
        self.assertEqual(
            observer.events,
            [("spawned", 0), ("polled", 0), ("sleeping", 1), ("woken", 0), ("polled", 0), ("finished", 0), ("all-finished",)],
        )

    def test_no_wake_is_lost_in_a_burst_of_wakes_from_another_thread(self) -> None:
        # Each wake comes from another thread right after a poll returned Pending, while the
        # executor heads for park(): a wake lost on the way would leave it parked for good.
        rounds = 1000
        awaited = KeepsWaker(ready_at=rounds)
        running = BlockOnThread(self, self.executor, Coroutine(_wait_on(awaited)))
        answered = 0
        deadline = time.monotonic() + DEADLINE_S
        while awaited.count < rounds and time.monotonic() < deadline:
            if awaited.polls > answered and awaited.waker is not None:
                answered = awaited.polls
                awaited.count += 1
                awaited.waker.wake()
            time.sleep(0)  # lets the executor's thread run
        running.join()
        self.assertEqual(self.observer.count("polled", 0), rounds + 1)


class _WakesAsItFallsAsleep(RecordingObserver):
    """Has another thread wake task 0 after the executor found no ready task, before it parks."""

    def __init__(self, awaited: KeepsWaker) -> None:
        super().__init__()
        self.awaited = awaited
        self.executor: Executor | None = None

    def sleeping(self, pending: int) -> None:
        super().sleeping(pending)
        assert self.executor is not None
        self.awaited.count += 1
        waking = threading.Thread(target=self.executor.wake, args=(0,))
        waking.start()
        waking.join()


def _wait_on(future: KeepsWaker) -> Body[str]:
    yield future
    return ""


class ReactorTest(AckAssertions):
    def setUp(self) -> None:
        self.addCleanup(stop_reactor)

    def test_one_reactor_at_a_time(self) -> None:
        self.assertFails(ErrorKind.NOT_INITIALISED, current_reactor)
        reactor = start_reactor()
        self.assertFails(ErrorKind.ALREADY_RUNNING, start_reactor)
        self.assertIs(current_reactor(), reactor)
        stop_reactor()
        self.assertFails(ErrorKind.NOT_INITIALISED, current_reactor)
        start_reactor()  # a stopped reactor makes room for the next

    def test_the_most_recent_waker_is_woken(self) -> None:
        reactor = start_reactor()
        link = Loopback()
        self.addCleanup(link.close)
        older, newer = _EventWaker(), _EventWaker()
        token = reactor.next_token()
        reactor.register(link.stream, token, older)
        reactor.set_waker(token, newer)
        link.peer.sendall(b"ready")
        self.assertTrue(newer.woken.wait(DEADLINE_S))
        self.assertFalse(older.woken.is_set())
        reactor.deregister(link.stream, token)


class _EventWaker:
    def __init__(self) -> None:
        self.woken = threading.Event()

    def wake(self) -> None:
        self.woken.set()


class ReactorHttpGetTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = DelayServer()
        self.addCleanup(self.server.close)
        self.reactor = start_reactor()
        self.addCleanup(stop_reactor)

    def get(self, path: str) -> ReactorHttpGet:
        leaf = ReactorHttpGet(self.server.port, path, self.reactor)
        self.addCleanup(leaf.close)
        return leaf

    def test_requests_joined_take_the_longest_delay_and_polls_follow_wakes(self) -> None:
        leaves = [self.get(f"/{delay}/r{delay}") for delay in (400, 300, 200)]

        def root() -> Body[str]:
            values = yield JoinAll(leaves)
            return ",".join(values)

        observer = RecordingObserver()
        started = time.monotonic()
        self.assertEqual(Executor(observer).block_on(Coroutine(root())), "r400,r300,r200")
        self.assertLess(time.monotonic() - started, 0.8, "concurrently: about the longest delay, not the sum")
        polls = observer.count("polled", 0)
        self.assertLessEqual(polls, observer.count("woken", 0) + 1, "one poll after spawn, then only after wakes")
        self.assertLessEqual(polls, 12, "woken by readiness, not polled in a loop")

    def test_several_executors_share_one_reactor(self) -> None:
        def root(path: str) -> Body[str]:
            body = yield self.get(path)
            return body

        runs = [
            BlockOnThread(self, Executor(RecordingObserver()), Coroutine(root(f"/100/executor{index}")))
            for index in range(3)
        ]
        self.assertEqual([run.join() for run in runs], ["executor0", "executor1", "executor2"])


if __name__ == "__main__":
    unittest.main()
