"""A deliberately faulty adapter for the runner's self-tests: `fake_adapter.py MODE`.

Each mode misbehaves in one way a real student adapter does; the runner must name the fault.
Standard library only.
"""
import json
import sys
import time

MODE = sys.argv[1]


def send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def hello_result(protocol=1):
    areas = [] if MODE == "claims-nothing" else ["event-queue"]
    return {"name": "fake", "version": "0", "language": "python", "protocol": protocol,
            "areas": areas, "capabilities": []}


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
            time.sleep(3600)
        send({"id": rid, "ok": True, "result": hello_result(2 if MODE == "wrong-version" else 1)})
        continue
    if op in ("reset", "shutdown"):
        send({"id": rid, "ok": True, "result": {}})
        if op == "shutdown":
            sys.exit(0)
        continue
    if MODE == "crash-on-request":
        print("thread 'main' panicked at src/main.rs:42:5:\nindex out of bounds", file=sys.stderr)
        sys.exit(101)
    if MODE == "hang-on-request":
        time.sleep(3600)
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
