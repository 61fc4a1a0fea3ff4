"""ThirdPartyGet: a GET made by code that knows nothing of this runtime but its waker (the book's isahc)."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Generator
from concurrent.futures import Future, ThreadPoolExecutor

from .context import current_waker
from .waker import Waker

_pool = ThreadPoolExecutor(thread_name_prefix="third-party")


class ThirdPartyGet:
    """`await ThirdPartyGet(port, path)`: the body of a GET to 127.0.0.1:`port`.

    The request runs on a thread pool of the standard library, with its own blocking I/O
    (`http.client`); neither the reactor nor the executor takes part. Its completion callback, on the
    pool's thread, wakes the task through the standard waker, as any third-party awaitable would.
    """

    def __init__(self, port: int, path: str) -> None:
        self._port = port
        self._path = path
        self._lock = threading.Lock()
        self._waker: Waker | None = None  # the most recent pending poll's

    def __await__(self) -> Generator[None, None, str]:
        self._keep(current_waker())  # before the callback can run: it may run at once, on this thread
        request = _pool.submit(_get, self._port, self._path)
        request.add_done_callback(self._wake)
        while not request.done():
            yield
            self._keep(current_waker())  # before looking again, so a completion in between wakes it
        return request.result()

    def _keep(self, waker: Waker) -> None:
        with self._lock:
            self._waker = waker.clone()

    def _wake(self, request: Future[str]) -> None:
        with self._lock:
            waker, self._waker = self._waker, None
        if waker is not None:
            waker.wake()


def _get(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        return connection.getresponse().read().decode("utf-8", errors="replace")
    finally:
        connection.close()
