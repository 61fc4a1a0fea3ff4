"""One handler module per area; each turns that area's requests into calls on the implementation.

To add an area: write `handlers/<area>.py` with a class shaped like `area.Area`, and list it in AREAS.
Nothing else in the adapter changes.
"""

from __future__ import annotations

from collections.abc import Callable

from ack.protocol.handles import Handles

from .area import Area, Op, Result
from .coroutines import CoroutinesArea
from .event_queue import EventQueueArea
from .wakers import WakersArea

AREAS: tuple[Callable[[Handles], Area], ...] = (EventQueueArea, CoroutinesArea, WakersArea)

try:
    from .fibers import FibersArea
except ModuleNotFoundError as err:
    if err.name != "greenlet":
        raise
    # Fibers are greenlets, which only Debian's /usr/bin/python3 has here (python3-greenlet): without
    # them the adapter does not claim the area, and everything else works as before.
else:
    AREAS += (FibersArea,)

__all__ = ["AREAS", "Area", "Op", "Result"]
