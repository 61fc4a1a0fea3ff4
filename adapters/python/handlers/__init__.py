"""One handler module per area; each turns that area's requests into calls on the implementation.

To add an area: write `handlers/<area>.py` with a class shaped like `area.Area`, and list it in AREAS.
Nothing else in the adapter changes.
"""

from __future__ import annotations

from collections.abc import Callable

from protocol.handles import Handles

from .area import Area, Op, Result
from .event_queue import EventQueueArea

AREAS: tuple[Callable[[Handles], Area], ...] = (EventQueueArea,)

__all__ = ["AREAS", "Area", "Op", "Result"]
