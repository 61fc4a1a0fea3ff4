"""Runtime: the book's fiber runtime, a fixed table of slots scheduled cooperatively, round robin."""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable

try:
    import greenlet
except ModuleNotFoundError as missing:
    # Python would only say "No module named 'greenlet'": whoever imports the fibers (the adapter, the
    # tests) learns here how to get them.
    raise ModuleNotFoundError(
        f"ack.fibers needs greenlet, which {sys.executable} does not have"
        " (Debian: apt-get install python3-greenlet, then use /usr/bin/python3; elsewhere: pip install greenlet)",
        name="greenlet",
    ) from missing

from ack.errors import ErrorKind

from .current_runtime import set_current
from .errors import FiberError
from .slot import Slot
from .stack import Stack
from .state import State

DEFAULT_SLOTS = 4  # as in the book: the base context and three fibers
DEFAULT_STACK_SIZE = 2 * 1024 * 1024  # as in the book: 2 MiB
BASE = 0  # the base context's slot, and so its id

Task = Callable[[], None]

log = logging.getLogger(__name__)


class Runtime:
    """Slot 0 is the base context, whoever created the runtime; slots 1.. hold spawned fibers.

    A runtime of n slots holds at most n - 1 fibers at once, and a fiber's id is its slot. Each fiber
    is a greenlet, a real stackful coroutine, so it can yield from anywhere in a call chain. Nothing
    preempts a context: it runs until it yields or ends. Use a runtime on the thread that made it.

    Unlike the book's, `run` returns when it is done instead of ending the process, failures are
    FiberErrors instead of panics, and the stack size is a checked budget (see Stack).
    """

    def __init__(self, slots: int = DEFAULT_SLOTS, stack_size: int = DEFAULT_STACK_SIZE) -> None:
        if slots < 1:
            raise FiberError(ErrorKind.INVALID_ARGUMENT, f"a runtime needs at least 1 slot, not {slots}")
        if stack_size < 1:
            raise FiberError(ErrorKind.INVALID_ARGUMENT, f"a stack needs at least 1 byte, not {stack_size}")
        self._slots = [Slot(slot_id, Stack(stack_size)) for slot_id in range(slots)]
        self._base = self._slots[BASE]
        self._base.state = State.RUNNING
        self._base.context = greenlet.getcurrent()
        self._current = self._base

    def init(self) -> None:
        """Makes this the current runtime of the calling thread (the book's `init`); see fibers.current_runtime."""
        set_current(self)

    def current_id(self) -> int:
        """The id of the context running now: 0 for the base context, else the fiber's slot."""
        return self._current.id

    def current_stack(self) -> Stack:
        """The stack of the context running now."""
        return self._current.stack

    def spawn(self, task: Task) -> int:
        """Puts `task` into the first available slot and makes it ready, without running it.

        Returns the new fiber's id; NoFreeSlot when every fiber slot is taken.
        """
        slot = self._first_available()
        if slot is None:
            raise FiberError(ErrorKind.NO_FREE_SLOT, "no available thread.")
        fiber = greenlet.greenlet(self._fiber_main, parent=self._base.context)
        # Entered now and parked at once, before the task: a greenlet counts Python's recursion depth
        # on from where it is first entered, so a fiber entered later from deep inside another one would
        # start with that one's depth, and 10,000 fibers would add theirs up.
        fiber.switch(slot, task, greenlet.getcurrent())
        slot.context = fiber
        slot.stack.clear()  # a new fiber starts at the top of its slot's stack
        slot.state = State.READY
        return slot.id

    def yield_now(self) -> bool:
        """Passes control to the next ready context after this one (the book's `t_yield`).

        Returns True when this context's turn has come round again, or False at once, without a
        switch, when no other context is ready.
        """
        following = self._next_ready()
        if following is None:
            return False
        self._current.state = State.READY
        self._switch_to(following)
        return True

    def run(self) -> None:
        """Yields from the base context until no fiber is ready, then returns: every fiber has ended."""
        while self.yield_now():
            pass

    def _fiber_main(self, slot: Slot, task: Task, spawner: greenlet.greenlet) -> None:
        """A fiber's whole life, on its own greenlet: parked until its first turn, then the task, then the end."""
        spawner.switch()
        try:
            task()
        except Exception:  # as an uncaught exception ends only its own thread: this fiber ends, the others go on
            log.exception("fiber %d ended by an uncaught exception", slot.id)
        self._finish(slot)

    def _finish(self, slot: Slot) -> None:
        """The book's `t_return` for a fiber: frees its slot and hands control to the next ready context."""
        slot.state = State.AVAILABLE
        slot.context = None
        following = self._next_ready()
        assert following is not None, "the base context is ready whenever a fiber runs"
        # A greenlet that returns switches to its parent, so the fiber ends by returning into `following`.
        greenlet.getcurrent().parent = self._make_running(following)

    def _switch_to(self, following: Slot) -> None:
        self._make_running(following).switch()

    def _make_running(self, following: Slot) -> greenlet.greenlet:
        """Makes `following` the running context; returns its greenlet, for the caller to pass control to."""
        assert following.context is not None, "a ready slot holds a context"
        following.state = State.RUNNING
        self._current = following
        return following.context

    def _first_available(self) -> Slot | None:
        """The lowest-numbered free fiber slot, found as the book does, by a scan from slot 1."""
        for slot in itertools.islice(self._slots, BASE + 1, None):  # islice: no copy of the table per spawn
            if slot.state is State.AVAILABLE:
                return slot
        return None

    def _next_ready(self) -> Slot | None:
        """The first ready slot after the current one, wrapping round to the base context; None if there is none."""
        count = len(self._slots)
        for step in range(1, count):
            slot = self._slots[(self._current.id + step) % count]
            if slot.state is State.READY:
                return slot
        return None
