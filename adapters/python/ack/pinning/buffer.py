"""The book's self-referential coroutine (ch09/b): a buffer and a writer into it, across two waits."""

from __future__ import annotations

from ack.coroutines import PENDING, PollState, Ready, Waker

from .native import NativeHeap, read, read_bytes, write, write_bytes
from .native_value import NativeValue, NotMovable

_STATE = 0
_WRITER = 8
_BUFFER = 16
"""The buffer: its length, then its bytes."""
_CAPACITY = 256
_START = "\nBUFFER:\n----\n"


class NativeCoroutine(NativeValue):
    """A coroutine whose state lives in C memory; it records its address at each poll, so a move shows."""

    def __init__(self, heap: NativeHeap, size: int) -> None:
        super().__init__(heap, size)
        self.polls: list[int] = []

    def poll(self, waker: Waker) -> PollState[str]:
        self.polls.append(self.address)
        return self._resume(waker)

    def _resume(self, waker: Waker) -> PollState[str]:
        raise NotImplementedError


class _SelfWakingLeaf:
    """Pending at its first poll (waking its task at once), Ready with its response at the next."""

    def __init__(self, response: str) -> None:
        self._response = response
        self._polled = False

    def poll(self, waker: Waker) -> PollState[str]:
        if self._polled:
            return Ready(self._response)
        self._polled = True
        waker.wake()
        return PENDING


class BufferCoroutine(NativeCoroutine):
    """Without the pin marker, as ch09/c has it: moved after its first poll, its writer still points at
    the old place and its own buffer misses the responses.
    """

    def __init__(self, heap: NativeHeap, first: str, second: str) -> None:
        super().__init__(heap, _BUFFER + 8 + _CAPACITY)
        self._responses = (first, second)
        self._waiting: _SelfWakingLeaf | None = None

    def _resume(self, waker: Waker) -> PollState[str]:
        while True:
            state = read(self.address + _STATE)
            if state == 0:
                write(self.address + _WRITER, self.address + _BUFFER)
                self._append(_START)
                self._waiting = _SelfWakingLeaf(self._responses[0])
                write(self.address + _STATE, 1)
            elif state in (1, 2):
                assert self._waiting is not None
                polled = self._waiting.poll(waker)
                if not isinstance(polled, Ready):
                    return PENDING
                self._append(polled.value + "\n")
                if state == 2:
                    write(self.address + _STATE, 3)
                    return Ready(self._own_buffer())
                self._waiting = _SelfWakingLeaf(self._responses[1])
                write(self.address + _STATE, 2)
            else:
                raise RuntimeError("Polled a resolved future")

    def _append(self, text: str) -> None:
        """Through the writer, wherever it points: the length first, then the bytes."""
        writer = read(self.address + _WRITER)
        data = text.encode()
        length = read(writer)
        if length + len(data) > _CAPACITY:
            raise ValueError(f"the buffer holds {_CAPACITY} bytes at most")
        write_bytes(writer + 8 + length, data)
        write(writer, length + len(data))

    def _own_buffer(self) -> str:
        """The buffer in the coroutine's own state, where it is now."""
        length = read(self.address + _BUFFER)
        return read_bytes(self.address + _BUFFER + 8, length).decode()


class PinnedBufferCoroutine(BufferCoroutine, NotMovable):
    """With the pin marker, as ch09/e has it: executors must not move it."""
