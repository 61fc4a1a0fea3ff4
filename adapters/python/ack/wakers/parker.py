"""Parker: lets a thread sleep until another thread says "go on" (the book's parker-bonus)."""

from __future__ import annotations

import threading


class Parker:
    """One permit, like Rust's `thread::park`/`unpark`, but owned by whoever made it.

    `unpark` makes the permit available; `park` waits for it and uses it up. An `unpark` before the
    `park` is therefore not lost (the `park` returns at once), and permits do not add up: two
    `unpark`s let one `park` through, not two. An executor that owns its parker cannot have its
    permit taken, or handed out, by other code that parks the same thread.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._permit = False

    def park(self) -> None:
        """Waits until the permit is available, then takes it."""
        with self._condition:
            # A loop, because a condition variable may wake up without a notify.
            while not self._permit:
                self._condition.wait()
            self._permit = False

    def unpark(self) -> None:
        """Makes the permit available and wakes the parked thread, if there is one. Safe from any thread."""
        with self._condition:
            self._permit = True
            self._condition.notify()
