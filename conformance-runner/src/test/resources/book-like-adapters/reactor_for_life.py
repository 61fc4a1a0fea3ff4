#!/usr/bin/env python3
"""The Python adapter with the book's reactor (ch08/d-multiple-threads): once started, it runs until
the process ends, because `reset` cannot stop it (the book keeps it in a process-wide once-cell with
an endless thread). A second scenario that starts the reactor in the same process gets AlreadyRunning;
`--isolate scenario` gives every scenario a process of its own. For KitIT's isolation case.

    python3 reactor_for_life.py <repo>
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]) / "adapters" / "python"))

import ack.wakers  # noqa: E402  (the path above makes it importable)
from ack.adapter import main  # noqa: E402
from ack.handlers import wakers as wakers_handler  # noqa: E402


def never_stop() -> None:
    """What the book's reactor allows: nothing stops it."""


wakers_handler.stop_reactor = never_stop  # the wakers area's reset
ack.wakers.stop_reactor = never_stop  # the runtime area's reset, which shares the reactor

sys.exit(main())
