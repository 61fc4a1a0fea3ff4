"""Pinning (chapter 9): values in C memory, what a pin refuses, what a move breaks, the buffer coroutine."""

from __future__ import annotations

import ctypes
import unittest

from ack.errors import ErrorKind
from ack.pinning import (
    BufferCoroutine,
    Executor,
    MaybeSelfRef,
    NativeHeap,
    Pin,
    PinnedBufferCoroutine,
    RootCoroutine,
    SelfRefValue,
    ShortcutExecutor,
)

from .assertions import AckAssertions

WHOLE = "\nBUFFER:\n----\nfirst\nsecond\n"


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def c_heap_in_use() -> int:
    """glibc's bytes allocated and not freed (mallinfo2), to see that C memory is given back."""
    mallinfo2 = ctypes.CDLL(None).mallinfo2
    mallinfo2.restype = _MallInfo2
    info: _MallInfo2 = mallinfo2()
    return int(getattr(info, "uordblks")) + int(getattr(info, "hblkhd"))


class PinTest(AckAssertions):
    def setUp(self) -> None:
        self.heap = NativeHeap()

    def tearDown(self) -> None:
        self.assertEqual(self.heap.live_blocks, 0, "blocks left allocated")

    def test_heap_pinning_keeps_the_self_reference_and_refuses_moves(self) -> None:
        x = MaybeSelfRef(self.heap)
        pin = Pin.boxed(x)
        pin.get().init()
        x.write_through_b(2)
        self.assertEqual(x.a, 2)
        place = x.address
        self.assertFails(ErrorKind.MOVE_REFUSED, x.move)
        self.assertFails(ErrorKind.MOVE_REFUSED, x.replace_inner, 1)
        self.assertEqual(x.address, place)
        x.set_label(9)
        self.assertEqual(x.label, 9)
        x.drop()

    def test_the_heap_knows_which_memory_is_still_its_own(self) -> None:
        x = MaybeSelfRef(self.heap)
        x.init()
        b = x.b
        x.move()
        self.assertTrue(self.heap.holds(b, 8), "a stale place is held until the value is dropped")
        x.drop()
        self.assertFalse(self.heap.holds(b, 8), "a dropped value's places are freed")

    def test_an_unpinned_move_leaves_the_self_reference_at_the_stale_copy(self) -> None:
        x = MaybeSelfRef(self.heap)
        x.init()
        old = x.a_address
        x.move()
        self.assertNotEqual(x.a_address, old)
        self.assertEqual(x.b, old)
        x.write_through_b(5)
        self.assertEqual(x.a, 0)
        x.drop()

    def test_the_escape_hatch_moves_a_pinned_value(self) -> None:
        x = MaybeSelfRef(self.heap)
        pin = Pin.boxed(x)
        x.init()
        old = x.address
        self.assertNotEqual(pin.unsafe_move_unchecked(), old)
        x.drop()

    def test_after_the_scope_a_swap_leaves_y_pointing_into_x(self) -> None:
        x, y = MaybeSelfRef(self.heap), MaybeSelfRef(self.heap)
        with Pin.scoped(x) as pinned:
            pinned.get().init()
            self.assertFails(ErrorKind.MOVE_REFUSED, x.swap_with, y)
        x.swap_with(y)
        self.assertEqual(x.b, 0)
        self.assertEqual(y.b, x.a_address)
        x.drop()
        y.drop()

    def test_a_movable_value_moves_through_its_pin(self) -> None:
        x = SelfRefValue(self.heap)
        Pin.boxed(x)
        x.set_label(3)
        place = x.address
        self.assertNotEqual(x.move(), place)
        self.assertEqual(x.label, 3)
        x.drop()


class ExecutorTest(unittest.TestCase):
    def setUp(self) -> None:
        self.heap = NativeHeap()

    def test_the_boxing_executor_never_moves_the_task(self) -> None:
        task = PinnedBufferCoroutine(self.heap, "first", "second")
        run = Executor().block_on(task)
        self.assertEqual(run.value, WHOLE)
        self.assertEqual(len(task.polls), 3)
        self.assertEqual(len(set(task.polls)), 1)
        self.assertEqual(run.requeued, 2)
        self.assertEqual(self.heap.live_blocks, 0)

    def test_the_shortcut_leaves_a_task_that_is_not_movable_in_place(self) -> None:
        run = ShortcutExecutor().block_on(PinnedBufferCoroutine(self.heap, "first", "second"))
        self.assertFalse(run.shortcut_applied)
        self.assertEqual(run.value, WHOLE)

    def test_the_shortcut_breaks_a_task_marked_movable(self) -> None:
        task = BufferCoroutine(self.heap, "first", "second")
        run = ShortcutExecutor().block_on(task)
        self.assertTrue(run.shortcut_applied)
        self.assertEqual(run.value, "\nBUFFER:\n----\n")
        self.assertNotEqual(task.polls[0], task.polls[1])
        self.assertEqual(self.heap.live_blocks, 0)

    def test_a_boxed_child_stays_when_its_root_is_moved(self) -> None:
        child = PinnedBufferCoroutine(self.heap, "first", "second")
        root = RootCoroutine(self.heap, child)
        run = ShortcutExecutor().block_on(root)
        self.assertTrue(run.shortcut_applied)
        self.assertNotEqual(root.polls[0], root.polls[1])
        self.assertEqual(len(set(child.polls)), 1)
        self.assertEqual(run.value, WHOLE)
        self.assertEqual(self.heap.live_blocks, 0)

    def test_c_memory_is_given_back(self) -> None:
        """5,000 rounds of about ten blocks each (several MB if they leaked) grow the C heap by less than 1 MB."""
        self._churn(500)
        before = c_heap_in_use()
        self._churn(5_000)
        grown = c_heap_in_use() - before
        self.assertEqual(self.heap.live_blocks, 0)
        self.assertLess(grown, 1 << 20, f"the C heap grew by {grown} bytes")

    def _churn(self, rounds: int) -> None:
        for _ in range(rounds):
            ShortcutExecutor().block_on(BufferCoroutine(self.heap, "first", "second"))
            Executor().block_on(RootCoroutine(self.heap, PinnedBufferCoroutine(self.heap, "a", "b")))
            x, y = MaybeSelfRef(self.heap), MaybeSelfRef(self.heap)
            x.init()
            x.move()
            x.swap_with(y)
            x.drop()
            y.drop()
