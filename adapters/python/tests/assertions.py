"""AckAssertions: the one check every area's tests make of a failure, its ErrorKind."""

from __future__ import annotations

import unittest
from collections.abc import Callable

from ack.errors import AckError, ErrorKind


class AckAssertions(unittest.TestCase):
    def assertFails(self, kind: ErrorKind, action: Callable[..., object], *args: object) -> None:  # noqa: N802
        """`action(*args)` raises an AckError of `kind`: the kind, not the message, is what the protocol sees."""
        with self.assertRaises(AckError) as caught:
            action(*args)
        self.assertIs(caught.exception.kind, kind)
