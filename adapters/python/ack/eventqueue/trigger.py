"""Trigger: when a ready source is reported again."""

from __future__ import annotations

from enum import Enum


class Trigger(Enum):
    """Level or edge, as epoll defines them.

    A third mode, oneshot, is orthogonal to these and is a flag of the registration: after one event
    the source is disarmed until `Registry.reregister` arms it again.
    """

    LEVEL = "level"
    """Reported by every poll while the source is ready (epoll's default)."""

    EDGE = "edge"
    """Reported once each time the source becomes ready (EPOLLET); read until WouldBlock, or it goes quiet."""
