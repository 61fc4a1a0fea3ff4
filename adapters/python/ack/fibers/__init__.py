"""Fibers: green threads on greenlets, after chapter 5 of "Asynchronous Programming in Rust".

    runtime = Runtime()  # 4 slots: the base context (slot 0) and room for three fibers
    runtime.init()  # the current runtime of this thread, for the free functions below

    def count(fiber: str, times: int) -> None:
        for i in range(times):
            print(fiber, i)
            yield_now()  # round robin: the next ready context runs, the base context included

    spawn(lambda: count("a", 3))  # ready, not running: fibers start when the base context yields
    spawn(lambda: count("b", 5))
    runtime.run()  # yields until no fiber is ready, then returns

Needs greenlet (Debian: apt-get install python3-greenlet, for /usr/bin/python3). One concept per
module: runtime, slot, state, stack, current_runtime, errors.
"""

from .current_runtime import current, set_current, spawn, yield_now
from .errors import FiberError
from .runtime import BASE, DEFAULT_SLOTS, DEFAULT_STACK_SIZE, Runtime, Task
from .stack import Stack
from .state import State

__all__ = [
    "BASE",
    "DEFAULT_SLOTS",
    "DEFAULT_STACK_SIZE",
    "FiberError",
    "Runtime",
    "Stack",
    "State",
    "Task",
    "current",
    "set_current",
    "spawn",
    "yield_now",
]
