"""One handler module per area; each turns that area's requests into calls on the implementation.

To add an area: write `handlers/<area>.py` with a class shaped like `area.Area`, and list it in
`available_areas`. Nothing else in the adapter changes.
"""

from __future__ import annotations

from collections.abc import Callable

from ack.protocol.handles import Handles

from .area import Area, Op, Result
from .coroutines import CoroutinesArea
from .event_queue import EventQueueArea
from .pinning import PinningArea
from .runtime import RuntimeArea
from .wakers import WakersArea

AreaFactory = Callable[[Handles], Area]


def available_areas() -> tuple[list[AreaFactory], list[str]]:
    """The areas this interpreter can serve, and for each one it cannot, a line that says why."""
    areas: list[AreaFactory] = [EventQueueArea, CoroutinesArea, WakersArea, PinningArea, RuntimeArea]
    try:
        from .fibers import FibersArea
    except ModuleNotFoundError as missing:
        if missing.name != "greenlet":
            raise
        # Fibers are greenlets, which only Debian's /usr/bin/python3 has here: without them the adapter
        # does not claim the area and serves the others as before.
        return areas, [f"fibers are not claimed: {missing}"]
    return [*areas, FibersArea], []


__all__ = ["Area", "AreaFactory", "Op", "Result", "available_areas"]
