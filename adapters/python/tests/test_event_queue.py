"""The event queue against real loopback sockets."""

from __future__ import annotations

import os
import socket
import threading
import time
import unittest

from ack.errors import ErrorKind
from ack.eventqueue import Events, Interest, Poll, TcpStream, Token, Trigger, Waker

from .assertions import AckAssertions
from .loopback import Loopback

READABLE = Interest.READABLE


class EventQueueTest(AckAssertions):
    def setUp(self) -> None:
        self.poll = Poll()
        self.addCleanup(self.poll.close)
        self.events = Events(capacity=8)
        self.link = Loopback()
        self.addCleanup(self.link.close)

    def tokens(self, timeout_ms: float | None = 0) -> list[int]:
        self.poll.poll(self.events, timeout_ms)
        return [event.token.value for event in self.events]

    def test_event_carries_the_token_and_readiness(self) -> None:
        self.poll.registry().register(self.link.stream, Token(2**53 - 1), READABLE)
        self.link.peer.sendall(b"ping")
        self.poll.poll(self.events, None)
        [event] = self.events
        self.assertEqual(event.token, Token(2**53 - 1))
        self.assertTrue(event.readable)
        self.assertFalse(event.writable)
        self.assertEqual(self.link.stream.read(100), b"ping")

    def test_level_triggered_repeats_while_readable(self) -> None:
        self.poll.registry().register(self.link.stream, Token(1), READABLE)
        self.link.peer.sendall(b"unread")
        self.assertEqual(self.tokens(None), [1])
        self.assertEqual(self.tokens(), [1])
        self.link.stream.read(100)
        self.assertEqual(self.tokens(), [])

    def test_edge_triggered_reports_each_arrival_once(self) -> None:
        self.poll.registry().register(self.link.stream, Token(1), READABLE, Trigger.EDGE)
        self.link.peer.sendall(b"first")
        self.assertEqual(self.tokens(None), [1])
        self.assertEqual(self.tokens(), [], "still unread, but no new edge")
        self.link.peer.sendall(b"second")
        self.assertEqual(self.tokens(None), [1])

    def test_oneshot_reports_once_until_reregistered(self) -> None:
        registry = self.poll.registry()
        registry.register(self.link.stream, Token(1), READABLE, oneshot=True)
        self.link.peer.sendall(b"data")
        self.assertEqual(self.tokens(None), [1])
        self.link.peer.sendall(b"more")
        self.assertEqual(self.tokens(), [], "disarmed after one event")
        registry.reregister(self.link.stream, Token(2), READABLE, oneshot=True)
        self.assertEqual(self.tokens(), [2], "re-armed, with the new token")

    def test_deregistered_source_is_not_reported(self) -> None:
        self.poll.registry().register(self.link.stream, Token(1), READABLE)
        self.poll.registry().deregister(self.link.stream)
        self.link.peer.sendall(b"data")
        self.assertEqual(self.tokens(50), [])

    def test_eof_is_readable_and_reads_empty(self) -> None:
        self.poll.registry().register(self.link.stream, Token(1), READABLE)
        self.link.peer.close()
        self.poll.poll(self.events, None)
        [event] = self.events
        self.assertTrue(event.readable)
        self.assertTrue(event.read_closed)
        self.assertEqual(self.link.stream.read(100), b"")

    def test_timeout_returns_no_events(self) -> None:
        self.poll.registry().register(self.link.stream, Token(1), READABLE)
        started = time.monotonic()
        self.assertEqual(self.tokens(100), [])
        self.assertGreaterEqual(time.monotonic() - started, 0.09)

    def test_capacity_bounds_each_poll_and_each_poll_replaces(self) -> None:
        links = [Loopback() for _ in range(3)]
        for link in links:
            self.addCleanup(link.close)
        events = Events(capacity=2)
        for token, link in enumerate(links):
            self.poll.registry().register(link.stream, Token(token), READABLE)
            link.peer.sendall(b"x")
        self.poll.poll(events, None)
        first = {event.token.value for event in events}
        self.poll.poll(events, None)
        second = {event.token.value for event in events}
        self.assertEqual((len(first), len(second)), (2, 2))
        self.assertEqual(first | second, {0, 1, 2}, "what did not fit comes with a later poll")
        for link in links:
            link.stream.read(10)
        self.poll.poll(events, 0)
        self.assertEqual(len(events), 0, "replaced, not appended")

    def test_waker_interrupts_a_blocking_poll_from_another_thread(self) -> None:
        waker = Waker(self.poll.registry(), Token(99))
        threading.Timer(0.1, waker.wake).start()
        self.assertEqual(self.tokens(None), [99])
        self.assertEqual(self.tokens(), [], "drained when reported")

    def test_register_from_another_thread_while_poll_blocks(self) -> None:
        self.link.peer.sendall(b"waiting")
        register = threading.Timer(0.1, self.poll.registry().register, (self.link.stream, Token(5), READABLE))
        register.start()
        self.assertEqual(self.tokens(None), [5])
        register.join()

    def test_registration_errors(self) -> None:
        registry = self.poll.registry()
        stream = self.link.stream
        self.assertFails(ErrorKind.NOT_REGISTERED, registry.deregister, stream)
        self.assertFails(ErrorKind.NOT_REGISTERED, registry.reregister, stream, Token(1), READABLE)
        self.assertFails(ErrorKind.INVALID_ARGUMENT, registry.register, stream, Token(1), Interest(0))
        registry.register(stream, Token(1), READABLE)
        self.assertFails(ErrorKind.ALREADY_REGISTERED, registry.register, stream, Token(1), READABLE)
        stream.close()
        self.assertFails(ErrorKind.INVALID_ARGUMENT, registry.register, stream, Token(1), READABLE)
        self.assertFails(ErrorKind.INVALID_ARGUMENT, stream.read, 10)

    def test_stream_and_collection_errors(self) -> None:
        self.assertFails(ErrorKind.WOULD_BLOCK, self.link.stream.read, 10)
        self.assertFails(ErrorKind.INVALID_ARGUMENT, Events, 0)
        self.assertFails(ErrorKind.INVALID_ARGUMENT, Token, -1)
        with socket.socket() as bound_only:  # bound but not listening: connecting is refused
            bound_only.bind(("127.0.0.1", 0))
            self.assertFails(ErrorKind.IO, TcpStream.connect, *bound_only.getsockname())

    def test_close_releases_the_epoll_fd_and_the_wakers(self) -> None:
        before = len(os.listdir("/proc/self/fd"))
        poll = Poll()
        Waker(poll.registry(), Token(1))
        self.assertEqual(len(os.listdir("/proc/self/fd")), before + 2)
        poll.close()
        self.assertEqual(len(os.listdir("/proc/self/fd")), before)


if __name__ == "__main__":
    unittest.main()
