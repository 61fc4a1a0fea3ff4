"""PR-10 in the event-queue handler: what an adapter that leaves a capability unclaimed answers for it."""

from __future__ import annotations

import unittest

from ack.errors import ErrorKind
from ack.handlers.event_queue import EventQueueArea
from ack.handlers.area import Op
from ack.protocol.args import Args, JsonValue
from ack.protocol.errors import ProtocolError
from ack.protocol.handles import Handles

from .loopback import Loopback


class UnclaimedCapabilityTest(unittest.TestCase):
    def test_every_request_that_needs_a_capability_not_claimed_gets_unsupported(self) -> None:
        handles = Handles()
        area = EventQueueArea(handles)
        area.capabilities = ()  # a partial adapter: the book's a-epoll claims less, a student's first build none
        self.addCleanup(area.reset)
        loopback = Loopback()
        self.addCleanup(loopback.close)
        poll = area.poll_new(Args({}))["poll"]
        source = handles.issue(loopback.stream)
        registration: dict[str, JsonValue] = {"poll": poll, "source": source, "token": 1, "interests": ["readable"]}
        area.register(Args(registration))  # a level-triggered registration needs nothing
        refused: dict[str, tuple[Op, dict[str, JsonValue]]] = {
            "edge-triggered": (area.register, {**registration, "trigger": "edge"}),
            "oneshot": (area.register, {**registration, "oneshot": True}),
            "reregister": (area.reregister, registration),
            "deregister": (area.deregister, registration),
            "event-queue-waker": (area.waker_new, {"poll": poll, "token": 2}),
        }
        for capability, (op, args) in refused.items():
            with self.subTest(capability), self.assertRaises(ProtocolError) as caught:
                op(Args(args))
            self.assertIs(caught.exception.kind, ErrorKind.UNSUPPORTED)
            self.assertIn(capability, str(caught.exception))


if __name__ == "__main__":
    unittest.main()
