#!/usr/bin/env python3
"""The Python adapter claiming, of the event queue's capabilities, only what the book's ch04/a-epoll
has: edge-triggered registrations (EPOLLET), no oneshot, no reregister or deregister, no waker. The
requests that need the others must get Unsupported (PR-10). For KitIT's partial-claims case.

    python3 a_epoll_claims.py <repo>
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]) / "adapters" / "python"))

from ack.adapter import main  # noqa: E402  (the path above makes it importable)
from ack.handlers.event_queue import EventQueueArea  # noqa: E402

EventQueueArea.capabilities = ("edge-triggered",)

sys.exit(main())
