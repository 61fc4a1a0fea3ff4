"""NativeHeap: blocks of C memory at real addresses, counted so that a caller sees everything was freed."""

from __future__ import annotations

import ctypes

_libc = ctypes.CDLL(None)
_libc.malloc.restype = ctypes.c_void_p
_libc.malloc.argtypes = [ctypes.c_size_t]
_libc.free.restype = None
_libc.free.argtypes = [ctypes.c_void_p]


class NativeHeap:
    """malloc and free, with a count of live blocks. Used by one thread at a time."""

    def __init__(self) -> None:
        self._blocks: dict[int, int] = {}  # address -> size of every block not freed yet

    @property
    def live_blocks(self) -> int:
        return len(self._blocks)

    def holds(self, address: int, size: int) -> bool:
        """Whether the `size` bytes at `address` lie inside one block that was not freed."""
        return any(start <= address and address + size <= start + length for start, length in self._blocks.items())

    def allocate(self, size: int) -> int:
        """A zeroed block of `size` bytes; its address."""
        address: int | None = _libc.malloc(size)
        if not address:
            raise MemoryError(f"malloc({size}) failed")
        ctypes.memset(address, 0, size)
        self._blocks[address] = size
        return address

    def free(self, address: int) -> None:
        del self._blocks[address]
        _libc.free(address)


def read(address: int) -> int:
    """The 64-bit integer at `address`."""
    return ctypes.c_int64.from_address(address).value


def write(address: int, value: int) -> None:
    ctypes.c_int64.from_address(address).value = value


def read_bytes(address: int, count: int) -> bytes:
    return ctypes.string_at(address, count)


def write_bytes(address: int, data: bytes) -> None:
    ctypes.memmove(address, data, len(data))


def copy(source: int, target: int, size: int) -> None:
    """Byte for byte, as a move copies: nothing inside is adjusted."""
    ctypes.memmove(target, source, size)
