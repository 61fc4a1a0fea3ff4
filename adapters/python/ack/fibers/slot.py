"""Slot: one entry of the runtime's fixed table, the book's `Thread`."""

from __future__ import annotations

from dataclasses import dataclass

import greenlet

from .stack import Stack
from .state import State


@dataclass(eq=False)
class Slot:
    """A context's place in the runtime: its id (the slot's index), state, stack and saved context.

    `context` is the greenlet that keeps the context's call chain while it is switched away, as the
    book's `ThreadContext` keeps its registers. A fiber slot gets a new one with each spawn; slot 0
    holds the base context's own greenlet for the runtime's whole life.
    """

    id: int
    stack: Stack
    state: State = State.AVAILABLE
    context: greenlet.greenlet | None = None
