"""State: where a slot is in its life, the book's `State`."""

from __future__ import annotations

from enum import Enum


class State(Enum):
    AVAILABLE = "available"  # free: the next spawn may take it
    RUNNING = "running"  # the one context that has the CPU
    READY = "ready"  # waiting for its turn in the rotation
