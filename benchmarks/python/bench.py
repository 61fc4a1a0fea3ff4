"""The Python implementation's side of the benchmark table, shaped like the Java reference's benchmarks.

    PYTHONPATH=adapters/python /usr/bin/python3 benchmarks/python/bench.py switch|tasks [SECONDS|RUNS]

switch: ns per fiber switch, two fibers that yield forever in a runtime of three slots, a yield of the
base context counted as three switches (SwitchBenchmark.fiberYield); the median of 1-second rounds.
tasks: ms for 100,000 tasks on the chapter 8 executor that each wait once and are woken
(TasksBenchmark.executor); the median of the runs. One line, the figure alone, for the table to read.
"""
from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from ack.coroutines.future import PENDING, PollState, Ready, Waker
from ack.fibers.runtime import DEFAULT_STACK_SIZE, Runtime
from ack.wakers.executor import Executor

TASKS = 100_000
BATCH = 10_000


def switch_ns(rounds: int) -> float:
    runtime = Runtime(3, DEFAULT_STACK_SIZE)
    stop = False

    def yield_forever() -> None:
        while not stop:
            runtime.yield_now()

    for _ in range(2):
        runtime.spawn(yield_forever)
    measured = []
    for _ in range(rounds + 1):  # the first round warms up
        start = time.perf_counter_ns()
        yields = 0
        while time.perf_counter_ns() - start < 1_000_000_000:
            for _ in range(BATCH):
                runtime.yield_now()
            yields += BATCH
        measured.append((time.perf_counter_ns() - start) / (3 * yields))
    stop = True
    runtime.run()
    return statistics.median(measured[1:])


class Silent:
    """An ExecutorObserver that reports nothing: what the benchmark measures is the executor's work."""

    def __init__(self) -> None:
        for report in ("spawned", "polled", "finished", "woken", "sleeping", "all_finished"):
            setattr(self, report, lambda *details: None)


class WaitOnce:
    """Pending on its first poll, its waker left with the others; Ready on the next."""

    def __init__(self, waiting: list[Waker]) -> None:
        self._waiting = waiting
        self._waited = False

    def poll(self, waker: Waker) -> PollState[str]:
        if self._waited:
            return Ready("woken")
        self._waited = True
        self._waiting.append(waker)
        return PENDING


class Once:
    """Runs `action` on its one poll and is Ready."""

    def __init__(self, action: Callable[[], object]) -> None:
        self._action = action

    def poll(self, waker: Waker) -> PollState[str]:
        self._action()
        return Ready("done")


def all_tasks() -> None:
    executor = Executor(Silent())
    waiting: list[Waker] = []

    def spawn_all() -> None:
        for _ in range(TASKS):
            executor.spawn(WaitOnce(waiting))
        executor.spawn(Once(lambda: [waker.wake() for waker in waiting]))

    executor.block_on(Once(spawn_all))


def tasks_ms(runs: int) -> float:
    measured = []
    for _ in range(runs + 1):  # the first run warms up
        start = time.perf_counter_ns()
        all_tasks()
        measured.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(measured[1:])


if __name__ == "__main__":
    what = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(f"{switch_ns(count) if what == 'switch' else tasks_ms(count):.2f}")
