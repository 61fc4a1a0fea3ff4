"""The adapter as the runner sees it: a child process speaking one JSON line per message."""

from __future__ import annotations

import json
import select
import socket
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent  # adapters/python
ADAPTER = HERE / "adapter.py"
REPLY_DEADLINE_S = 5
HELLO = b'{"id": 1, "op": "hello"}\n'


class AdapterTest(unittest.TestCase):
    def setUp(self) -> None:
        # stderr into a file, not a pipe: nobody reads it while the test runs, and a full pipe would block the adapter
        self.stderr = tempfile.TemporaryFile()
        self.addCleanup(self.stderr.close)
        self.adapter = subprocess.Popen(
            [sys.executable, str(ADAPTER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr
        )
        assert self.adapter.stdin is not None and self.adapter.stdout is not None  # both are pipes
        self.stdin, self.stdout = self.adapter.stdin, self.adapter.stdout
        self.addCleanup(self.stop)
        self.next_id = 1

    def stop(self) -> None:
        self.adapter.kill()
        self.adapter.wait()
        self.stdin.close()
        self.stdout.close()

    def logged(self) -> str:
        """What the adapter wrote to stderr so far."""
        self.stderr.seek(0)
        return self.stderr.read().decode()

    def send_line(self, line: bytes) -> dict[str, Any]:
        """Sends one line and reads one reply; the deadline fails a reply that was not flushed."""
        self.stdin.write(line + b"\n")
        self.stdin.flush()
        ready, _, _ = select.select([self.stdout], [], [], REPLY_DEADLINE_S)
        self.assertTrue(ready, f"no reply to {line!r}")
        reply: dict[str, Any] = json.loads(self.stdout.readline())
        return reply

    def request(self, op: str, **args: Any) -> dict[str, Any]:
        request_id, self.next_id = self.next_id, self.next_id + 1
        reply = self.send_line(json.dumps({"id": request_id, "op": op, "args": args}).encode())
        self.assertEqual(reply["id"], request_id)
        return reply

    def result(self, op: str, **args: Any) -> dict[str, Any]:
        reply = self.request(op, **args)
        self.assertTrue(reply["ok"], reply)
        result: dict[str, Any] = reply["result"]
        return result

    def error_kind(self, op: str, **args: Any) -> str:
        reply = self.request(op, **args)
        self.assertFalse(reply["ok"], reply)
        kind: str = reply["error"]["kind"]
        return kind

    def test_hello(self) -> None:
        hello = self.result("hello", protocol=1, suite="0.1.0")
        self.assertEqual(hello["protocol"], 1)
        # Without greenlet this fails, and the adapter's stderr, shown here, says how to install it.
        self.assertEqual(hello["areas"], ["event-queue", "coroutines", "wakers", "pinning", "runtime", "fibers"], self.logged())
        self.assertEqual(
            hello["capabilities"],
            [
                "edge-triggered",
                "oneshot",
                "reregister",
                "deregister",
                "event-queue-waker",
                "cross-thread-registry",
                "argument-checks",
                "event-flags",
                "joined-values",
                "block-on-value",
                "wake-reports",
                "scoped-pinning",
                "configurable-slots",
                "configurable-stack-size",
                "stack-guard",
                "runtime-check",
                "run-returns",
            ],
        )
        self.assertEqual(self.logged(), "", "nothing to say at start-up when every area is claimed")

    def test_without_greenlet_fibers_are_not_claimed_and_stderr_says_how_to_get_them(self) -> None:
        # greenlet made unimportable (None in sys.modules) for one run of the adapter, whatever this interpreter has
        without_greenlet = "import sys; sys.modules['greenlet'] = None; from ack.adapter import main; sys.exit(main())"
        run = subprocess.run(
            [sys.executable, "-c", without_greenlet], cwd=HERE, input=HELLO, capture_output=True, timeout=10
        )
        self.assertEqual(json.loads(run.stdout)["result"]["areas"], ["event-queue", "coroutines", "wakers", "pinning", "runtime"])
        [line] = run.stderr.decode().splitlines()
        self.assertIn("fibers are not claimed", line)
        self.assertIn("apt-get install python3-greenlet", line)

    def test_malformed_requests_are_answered_and_serving_goes_on(self) -> None:
        self.assertEqual(self.send_line(b"not json")["id"], None)
        self.assertEqual(self.send_line(b"[1]")["error"]["kind"], "BadRequest")
        self.assertEqual(self.send_line(b'{"id": 7}')["id"], 7, "the id was readable, so the reply names it")
        self.assertEqual(self.error_kind("eq.no_such_op"), "BadRequest")
        self.assertEqual(self.error_kind("eq.events_new", capacity="8"), "BadRequest")
        self.assertEqual(self.error_kind("eq.poll_close", poll=12345), "UnknownHandle")
        self.assertEqual(self.result("eq.events_new", capacity=1), {"events": 1})

    def test_a_session_with_a_peer(self) -> None:
        with socket.create_server(("127.0.0.1", 0)) as listener:
            host, port = listener.getsockname()
            source = self.result("eq.connect", host=host, port=port)["source"]
            peer, _ = listener.accept()
        with peer:
            poll = self.result("eq.poll_new")["poll"]
            events = self.result("eq.events_new", capacity=4)["events"]
            self.result("eq.register", poll=poll, source=source, token=2**53 - 1, interests=["readable"])
            self.assertEqual(
                self.error_kind("eq.register", poll=poll, source=source, token=1, interests=["readable"]),
                "AlreadyRegistered",
            )
            self.assertEqual(self.error_kind("eq.read", source=source, max=100), "WouldBlock")
            peer.sendall("grüße".encode())
            [event] = self.result("eq.poll", poll=poll, events=events, timeout_ms=None)["events"]
            self.assertEqual((event["token"], event["readable"]), (2**53 - 1, True))
            self.assertEqual(self.result("eq.read", source=source, max=100), {"data": "grüße", "eof": False})

            waker = self.result("eq.waker_new", poll=poll, token=7)["waker"]
            concurrently = {"after_ms": 50, "action": "wake", "waker": waker}
            woken = self.result("eq.poll", poll=poll, events=events, timeout_ms=None, concurrently=concurrently)
            self.assertEqual([event["token"] for event in woken["events"]], [7])

            self.result("eq.source_close", source=source)
            self.assertEqual(self.error_kind("eq.read", source=source, max=1), "InvalidArgument")
            self.result("reset")
            self.assertEqual(self.error_kind("eq.read", source=source, max=1), "UnknownHandle")

    def test_a_coroutine_session(self) -> None:
        program = [
            {"do": "log", "text": "starting"},
            {"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": "a"},
            {"do": "return", "value": "got {a}"},
        ]
        coroutine = self.result("co.create", program=program)["coroutine"]
        pending = self.result("co.poll", coroutine=coroutine)
        self.assertEqual(
            pending,
            {
                "ready": False,
                "trace": [
                    {"event": "log", "text": "starting"},
                    {"event": "leaf-started", "leaf": "A"},
                    {"event": "leaf-polled", "leaf": "A", "ready": False},
                ],
            },
        )
        self.result("co.leaf_ready", name="A", value="a1")
        ready = self.result("co.poll", coroutine=coroutine)
        self.assertEqual((ready["ready"], ready["value"]), (True, "got a1"))
        self.assertEqual(self.error_kind("co.poll", coroutine=coroutine), "PolledAfterReady")
        for chapter_8 in ("yield_now", "yield_until_sleep"):
            yields = self.result("co.create", program=[{"do": chapter_8}])["coroutine"]
            self.assertEqual(self.error_kind("co.poll", coroutine=yields), "NotInitialised")
        self.assertEqual(self.error_kind("co.create", program=[{"do": "wait", "child": "c"}]), "BadRequest")

    def test_a_wakers_session(self) -> None:
        http = [{"do": "wait", "leaf": {"kind": "http", "port": 1, "path": "/0/x"}}]
        no_reactor = self.result("wk.block_on", program=http)["run"]
        self.assertEqual(self.error_kind("wk.run_wait", run=no_reactor, timeout_ms=1000), "NotInitialised")
        self.result("wk.reactor_start")
        self.assertEqual(self.error_kind("wk.reactor_start"), "AlreadyRunning")

        program = [{"do": "keep_waker", "name": "w"}, {"do": "wait", "leaf": {"kind": "manual", "name": "A"}}]
        run = self.result("wk.block_on", program=program, executor="exec-1")["run"]
        trace: list[dict[str, Any]] = []
        for _ in range(100):  # until the executor has gone to sleep, however slow this machine
            waiting = self.result("wk.run_wait", run=run, timeout_ms=50)
            self.assertFalse(waiting["finished"])
            trace += waiting["trace"]
            if trace[-1:] == [{"event": "sleep", "executor": "exec-1", "pending": 1}]:
                break
        self.assertEqual(trace[-1], {"event": "sleep", "executor": "exec-1", "pending": 1})
        self.result("wk.leaf_ready", name="A", value="a1")
        finished = self.result("wk.run_wait", run=run, timeout_ms=1000)
        self.assertEqual((finished["finished"], finished["value"]), (True, ""))
        self.assertEqual(finished["trace"][0], {"event": "wake", "task": 0})
        self.result("wk.wake", name="w")  # its task has finished: the wake is traced, and ignored
        self.assertEqual(self.result("wk.run_wait", run=run, timeout_ms=0)["trace"], [{"event": "wake", "task": 0}])

        yields = [{"do": "yield_now"}, {"do": "yield_until_sleep"}, {"do": "return", "value": "done"}]
        run = self.result("wk.block_on", program=yields)["run"]
        finished = self.result("wk.run_wait", run=run, timeout_ms=1000)
        self.assertEqual((finished["finished"], finished["value"]), (True, "done"))
        self.assertEqual(
            [(entry["event"], entry.get("task")) for entry in finished["trace"] if entry["event"] != "spawned"],
            [("task-polled", 0), ("wake", 0), ("task-polled", 0), ("sleep", None), ("wake", 0), ("task-polled", 0)]
            + [("task-finished", 0), ("all-finished", None)],
            "yield_now wakes during the poll; yield_until_sleep's wake comes as the executor reports sleep",
        )

        parker = self.result("wk.parker_new")["parker"]
        self.result("wk.unpark", parker=parker)
        self.result("wk.park", parker=parker)
        self.result("wk.park", parker=parker, unpark_after_ms=10)

        stuck = self.result("wk.block_on", program=[{"do": "wait", "leaf": {"kind": "manual", "name": "B"}}])["run"]
        self.result("reset")  # stops the executor that waits on B, and the reactor
        self.assertEqual(self.error_kind("wk.run_wait", run=stuck, timeout_ms=0), "UnknownHandle")
        self.result("wk.reactor_start")

    def test_a_fibers_session(self) -> None:
        runtime = self.result("fb.runtime_new", slots=3)["runtime"]
        worker = {"do": "repeat", "times": 2, "var": "i", "body": [{"do": "log", "text": "{id}:{i}"}, {"do": "yield"}]}
        trace = self.result("fb.run", runtime=runtime, program=[{"do": "spawn", "body": [worker]}] * 3)["trace"]
        self.assertEqual(
            [(entry["fiber"], entry["event"], entry.get("text", entry.get("kind"))) for entry in trace],
            [(0, "spawned", None), (0, "spawned", None), (0, "error", "NoFreeSlot")]
            + [(1, "log", "1:0"), (2, "log", "2:0"), (1, "log", "1:1"), (2, "log", "2:1")]
            + [(1, "finished", None), (2, "finished", None)],
        )
        self.result("reset")
        self.assertEqual(self.error_kind("fb.call_outside_runtime", call="spawn"), "NotInitialised")

    def test_shutdown_and_end_of_input_exit_zero(self) -> None:
        self.assertEqual(self.result("shutdown"), {})
        self.assertEqual(self.adapter.wait(REPLY_DEADLINE_S), 0)
        silent = subprocess.run([sys.executable, str(ADAPTER)], input=b"", capture_output=True, timeout=10)
        self.assertEqual((silent.returncode, silent.stdout), (0, b""))

    def test_python_m_ack_is_the_same_adapter(self) -> None:
        run = subprocess.run([sys.executable, "-m", "ack"], cwd=HERE, input=HELLO, capture_output=True, timeout=10)
        self.assertEqual((run.returncode, json.loads(run.stdout)["result"]["name"]), (0, "ack-python"))


if __name__ == "__main__":
    unittest.main()
