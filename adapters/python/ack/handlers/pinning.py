"""Area `pinning` (spec/pinning.md, "Protocol"): values in C memory, their moves and pins, and the buffer coroutine."""

from __future__ import annotations

from ack.errors import ErrorKind
from ack.pinning import (
    BufferCoroutine,
    Executor,
    MaybeSelfRef,
    NativeCoroutine,
    NativeHeap,
    Pin,
    PinnedBufferCoroutine,
    RootCoroutine,
    ScopedPin,
    SelfRefValue,
    ShortcutExecutor,
)
from ack.pinning.native import read
from ack.protocol.args import Args
from ack.protocol.errors import ProtocolError
from ack.protocol.handles import Handles

from .area import Op, Result


class _Held:
    """A value behind its handle, with the pin that holds it (heap, scoped until pn.scope_end, or none)."""

    def __init__(self, value: SelfRefValue, pin: Pin[SelfRefValue] | None) -> None:
        self.value = value
        self.pin = pin


class PinningArea:
    name: str = "pinning"
    capabilities: tuple[str, ...] = ("scoped-pinning",)

    def __init__(self, handles: Handles) -> None:
        self._handles = handles
        self._heap = NativeHeap()

    def ops(self) -> dict[str, Op]:
        return {
            "pn.new": self.new,
            "pn.init": self.init,
            "pn.read": self.read,
            "pn.write_through": self.write_through,
            "pn.move": self.move,
            "pn.move_unchecked": self.move_unchecked,
            "pn.swap": self.swap,
            "pn.replace_field": self.replace_field,
            "pn.scope_end": self.scope_end,
            "pn.drop": self.drop,
            "pn.live": self.live,
            "pn.run": self.run,
        }

    def reset(self) -> None:
        for held in self._handles.release_all(_Held):
            held.value.drop()

    def new(self, args: Args) -> Result:
        pinning = args.choice("pinning", ("heap", "scope", "none"))
        value = SelfRefValue(self._heap) if args.boolean("movable", False) else MaybeSelfRef(self._heap)
        pin: Pin[SelfRefValue] | None = None
        if pinning == "heap":
            pin = Pin.boxed(value)
        elif pinning == "scope":
            pin = Pin.scoped(value)
        return {"value": self._handles.issue(_Held(value, pin))}

    def init(self, args: Args) -> Result:
        self._held(args).value.init()
        return {}

    def read(self, args: Args) -> Result:
        value = self._held(args).value
        b = value.b
        return {
            "address": value.address,
            "a": value.a,
            "a_address": value.a_address,
            "b": b or None,
            "through_b": read(self._target(value)) if b else None,
            "label": value.label,
        }

    def write_through(self, args: Args) -> Result:
        value = self._held(args).value
        number = args.integer("number")
        if value.b == 0:
            raise ProtocolError(ErrorKind.INVALID_ARGUMENT, "b is null: the value was not initialised")
        self._target(value)
        value.write_through_b(number)
        return {}

    def _target(self, value: SelfRefValue) -> int:
        """Where `b` points, if that is still memory of the area (protocol.md §10): never read or write freed memory."""
        if not self._heap.holds(value.b, 8):
            raise ProtocolError(ErrorKind.INVALID_ARGUMENT, f"b points at {value.b:#x}, which was freed")
        return value.b

    def move(self, args: Args) -> Result:
        return {"address": self._held(args).value.move()}

    def move_unchecked(self, args: Args) -> Result:
        held = self._held(args)
        return {"address": held.value.move() if held.pin is None else held.pin.unsafe_move_unchecked()}

    def swap(self, args: Args) -> Result:
        other = self._handles.get(args.integer("other", minimum=1), _Held).value
        self._held(args).value.swap_with(other)
        return {}

    def replace_field(self, args: Args) -> Result:
        value = self._held(args).value
        field = args.choice("field", ("inner", "label"))
        number = args.integer("number")
        if field == "label":
            value.set_label(number)
        else:
            value.replace_inner(number)
        return {}

    def scope_end(self, args: Args) -> Result:
        held = self._held(args)
        if not isinstance(held.pin, ScopedPin):
            raise ProtocolError(ErrorKind.INVALID_ARGUMENT, "the value is not pinned in a scope")
        held.pin.close()
        held.pin = None
        return {}

    def drop(self, args: Args) -> Result:
        handle = args.integer("value", minimum=1)
        self._handles.get(handle, _Held).value.drop()
        self._handles.release(handle)
        return {}

    def live(self, args: Args) -> Result:
        return {"blocks": self._heap.live_blocks}

    def run(self, args: Args) -> Result:
        executor = args.choice("executor", ("boxing", "shortcut"))
        responses = args.string_list("responses")
        if len(responses) != 2:
            raise ProtocolError(ErrorKind.BAD_REQUEST, "args.responses must hold exactly two strings")
        kind = BufferCoroutine if args.boolean("movable", False) else PinnedBufferCoroutine
        buffer = kind(self._heap, responses[0], responses[1])
        root: NativeCoroutine = RootCoroutine(self._heap, buffer) if args.boolean("in_child", False) else buffer
        run = (ShortcutExecutor() if executor == "shortcut" else Executor()).block_on(root)
        return {
            "value": run.value,
            "polls": buffer.polls,
            "root_polls": root.polls,
            "shortcut_applied": run.shortcut_applied,
            "requeued": run.requeued,
        }

    def _held(self, args: Args) -> _Held:
        return self._handles.get(args.integer("value", minimum=1), _Held)
