#!/usr/bin/env python3
"""The Python adapter with the book's `Http::get`, which connects to one fixed port whatever the
request says (the book's: 127.0.0.1:8080). It passes the http scenarios only when the runner's delay
server listens on that port (`--delay-server-port`). For KitIT.

    python3 http_to_fixed_port.py <repo> <port>
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]) / "adapters" / "python"))

from ack.adapter import main  # noqa: E402  (the path above makes it importable)
from ack.coroutines import HttpGet  # noqa: E402
from ack.handlers import coroutine_programs  # noqa: E402

FIXED_PORT = int(sys.argv[2])
coroutine_programs.HttpGet = lambda port, path: HttpGet(FIXED_PORT, path)  # the port asked for is ignored

sys.exit(main())
