"""A local stand-in for the runner's delay server (spec/protocol.md §8), on loopback only."""

from __future__ import annotations

import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ack.eventqueue.closeable import Closeable


class DelayServer(Closeable):
    """`GET /<ms>/<message>` is answered after <ms> milliseconds with <message> as the body, then closed.

    `paths` lists the requests that arrived, in arrival order.
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's spelling)
                server.paths.append(self.path)
                _, delay_ms, message = self.path.split("/", 2)
                time.sleep(int(delay_ms) / 1000)
                body = urllib.parse.unquote(message).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port: int = self._http.server_address[1]
        self._thread = threading.Thread(target=self._http.serve_forever, name="delay-server", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()
