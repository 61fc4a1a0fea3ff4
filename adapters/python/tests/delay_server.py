"""A local stand-in for the runner's delay server (spec/protocol.md §8), on loopback only."""

from __future__ import annotations

import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ack.eventqueue.closeable import Closeable


class DelayServer(Closeable):
    """`GET /<ms>/<message>` is answered after <ms> milliseconds with <message> as the body, then closed.

    `GET /<ms>/<message>/split/<n>` writes the response (headers too) in pieces of <n> bytes, each
    sent on its own with a 2 ms pause between them, so the client gets it in many small reads.

    `paths` lists the requests that arrived, in arrival order.
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's spelling)
                server.paths.append(self.path)
                _, delay_ms, message = self.path.split("/", 2)
                message, split, piece = message.partition("/split/")
                time.sleep(int(delay_ms) / 1000)
                body = urllib.parse.unquote(message).encode()
                if split:
                    self._send_in_pieces(body, int(piece))
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _send_in_pieces(self, body: bytes, size: int) -> None:
                head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
                response = head.encode() + body
                for start in range(0, len(response), size):
                    self.wfile.write(response[start : start + size])
                    self.wfile.flush()
                    time.sleep(0.002)  # apart, so that each piece arrives on its own
                self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        self._http = _Server(("127.0.0.1", 0), Handler)
        self.port: int = self._http.server_address[1]
        self._thread = threading.Thread(target=self._http.serve_forever, name="delay-server", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()


class _Server(ThreadingHTTPServer):
    # Room for many connections at once: past the default backlog of 5, a connect waits for the
    # client's SYN to be sent again, a second or more later.
    request_queue_size = 128
