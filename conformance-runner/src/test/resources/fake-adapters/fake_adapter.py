"""A deliberately faulty adapter for the runner's self-tests: `fake_adapter.py MODE [MARKER]`.

Each mode misbehaves in one way a real student adapter does; the runner must name the fault.
MARKER, a path unique to the test, is passed to every process the fake starts (in its command
line), so a test can find whatever is left; the fake creates MARKER.hanging when it starts to hang.
Standard library only.
"""
import json
import os
import signal
import subprocess
import sys
import time

MODE = sys.argv[1]
MARKER = sys.argv[2] if len(sys.argv) > 2 else "fake-adapter-child"
# a child that only sleeps, with the marker in its command line
SLEEPER = [sys.executable, "-c", "import sys, time; time.sleep(3600)", MARKER]
HUGE = 25 << 20


def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def send_bytes(data):
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def hang():
    if len(sys.argv) > 2:
        open(MARKER + ".hanging", "w").close()
    time.sleep(3600)


def hello_result(protocol=1):
    areas = [] if MODE == "claims-nothing" else ["event-queue"]
    if MODE == "areas-string":
        areas = "event-queue"
    if MODE == "protocol-fraction":
        protocol = 1.9
    if MODE == "protocol-string":
        protocol = "1"
    return {"name": "fake", "version": "0", "language": "python", "protocol": protocol,
            "areas": areas, "capabilities": []}


def start_daemon():
    """Leaves a process behind the way daemons do, each mode its own way."""
    if MODE == "daemon-double-fork":
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execv(SLEEPER[0], SLEEPER)
            os._exit(0)
        os.wait()
    elif MODE == "daemon-setsid":
        subprocess.Popen(SLEEPER, start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elif MODE == "daemon-without-env":
        # no environment at all: nothing tells whose it is but being the kit's orphan
        subprocess.Popen(SLEEPER, env={}, start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if MODE == "early-panic":
    print("thread 'main' panicked at src/old.rs:1:1: an earlier, unrelated panic", file=sys.stderr)
    sys.stderr.flush()


if MODE == "slow-start":
    time.sleep(3)  # a cold interpreter or JVM: the handshake deadline allows for it

if MODE == "exit-at-start":
    print("cannot start: missing library", file=sys.stderr)
    sys.exit(3)

for line in sys.stdin:
    try:
        request = json.loads(line)
    except ValueError:
        send({"id": None, "ok": False, "error": {"kind": "BadRequest", "message": "not JSON"}})
        continue
    rid, op = request["id"], request["op"]
    if op == "hello":
        if MODE == "garbage-at-hello":
            print("Hello from my adapter!")  # debug output on stdout
            sys.stdout.flush()
            continue
        if MODE == "hang-at-hello":
            hang()
        if MODE == "bom":
            send_bytes(b"\xef\xbb\xbf" + json.dumps({"id": rid, "ok": True, "result": hello_result()}).encode() + b"\n")
            continue
        start_daemon()
        send({"id": rid, "ok": True, "result": hello_result(2 if MODE == "wrong-version" else 1)})
        continue
    if op in ("reset", "shutdown"):
        send({"id": rid, "ok": True, "result": {}})
        if op == "shutdown":
            sys.exit(0)
        continue
    if MODE == "ends-after-trace":
        # as the book's fibers: the run's entries as events, then exit(0) instead of a reply
        send({"event": "trace", "area": "fibers", "data": {"fiber": 0, "event": "spawned", "id": 1}})
        send({"event": "trace", "area": "fibers", "data": {"fiber": 1, "event": "finished"}})
        sys.exit(0)
    if MODE == "crash-on-request":
        print("thread 'main' panicked at src/main.rs:42:5:\nindex out of bounds", file=sys.stderr)
        sys.exit(101)
    if MODE == "hang-on-request":
        hang()
    if MODE == "exit-leaving-child":
        subprocess.Popen(SLEEPER)  # inherits stdout and keeps it open
        sys.exit(5)
    if MODE == "stop-self":
        os.kill(os.getpid(), signal.SIGSTOP)
    if MODE == "event-flood":
        while True:
            send({"event": "trace", "area": "event-queue", "data": {"what": "busy"}})
    if MODE == "nul-after-brace":
        send_bytes(json.dumps({"id": rid, "ok": True, "result": {}}).encode() + b"\0\n")
        continue
    if MODE == "colour-codes":
        send_bytes(b"\x1b[32m" + json.dumps({"id": rid, "ok": True, "result": {}}).encode() + b"\x1b[0m\n")
        continue
    if MODE == "invalid-utf8":
        send_bytes(b'{"id": %d, "ok": true, "result": {"data": "caf\xe9"}}\n' % rid)
        continue
    if MODE == "duplicate-reply":
        send({"id": rid, "ok": True, "result": {"op": op}})
        send({"id": rid, "ok": True, "result": {"op": op}})
        continue
    if MODE == "id-overflow":
        send({"id": (1 << 64) + rid, "ok": True, "result": {}})
        continue
    if MODE == "huge-error":
        # a valid reply whose message is 25 MB: every report quotes it
        send({"id": rid, "ok": False, "error": {"kind": "Io", "message": "E" * HUGE}})
        continue
    if MODE == "huge-not-protocol":
        send({"log": "L" * HUGE})
        continue
    if MODE == "colour-stderr-crash":
        print("\x1b[31mpanic:\x1b[0m \x1b]0;owned title\x07the adapter fell over", file=sys.stderr)
        sys.exit(2)
    if MODE == "early-panic":
        print("FATAL: the real cause, in this scenario", file=sys.stderr)
        sys.exit(101)
    if MODE == "spin-on-request":
        while True:
            pass
    if MODE == "stderr-flood":
        for i in range(200_000):
            sys.stderr.write("debug line %d of a very chatty adapter\n" % i)
        sys.stderr.flush()
    if MODE == "crash-after-long-stderr":
        for i in range(500):
            print("noise %d" % i, file=sys.stderr)
        print("FATAL: the decisive last line", file=sys.stderr)
        sys.exit(1)
    if MODE == "split-line":
        sys.stdout.write('{"id": %d, "ok": true,\n "result": {}}\n' % rid)
        sys.stdout.flush()
        continue
    if MODE == "merged-lines":
        sys.stdout.write('{"event": "trace", "data": {}}{"id": %d, "ok": true, "result": {}}\n' % rid)
        sys.stdout.flush()
        continue
    if MODE == "flood":
        sys.stdout.write("x" * (40 << 20))
        sys.stdout.flush()
        time.sleep(3600)
    if MODE == "unknown-error-kind":
        send({"id": rid, "ok": False, "error": {"kind": "Oops", "message": "?"}})
        continue
    if MODE == "wrong-id":
        send({"id": rid + 100, "ok": True, "result": {}})
        continue
    if not op.startswith("eq.") and MODE != "lax":
        send({"id": rid, "ok": False, "error": {"kind": "BadRequest", "message": "unknown op " + op}})
        continue
    # modes "good" and "lax": echo the op back, after an event, to check events are kept in order
    send({"event": "trace", "area": "event-queue", "data": {"op": op}})
    send({"id": rid, "ok": True, "result": {"op": op}})

if MODE == "ignores-eof":
    time.sleep(3600)  # forgets to exit when the runner goes away
