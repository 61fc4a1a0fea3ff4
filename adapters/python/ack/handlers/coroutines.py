"""Area `coroutines` (spec/protocol.md §7.1): the runner polls coroutine programs itself (chapter 7)."""

from __future__ import annotations

from typing import cast

from ack.coroutines import NOOP_WAKER, Coroutine, Ready
from ack.coroutines.program import coroutine
from ack.protocol.args import Args
from ack.protocol.handles import Handles

from .area import Op, Result
from .coroutine_programs import ProgramHost, SessionLeaves, Trace, parse_program


class CoroutinesArea:
    name: str = "coroutines"
    capabilities: tuple[str, ...] = ("joined-values",)

    def __init__(self, handles: Handles) -> None:
        self._handles = handles
        self._trace = Trace()
        self._leaves = SessionLeaves()
        self._host = ProgramHost(self._trace, self._leaves)

    def ops(self) -> dict[str, Op]:
        return {
            "co.create": self.create,
            "co.poll": self.poll,
            "co.leaf_ready": self.leaf_ready,
        }

    def reset(self) -> None:
        self._handles.release_all(Coroutine)
        self._leaves.reset()

    def create(self, args: Args) -> Result:
        program = parse_program(args.objects("program"))
        return {"coroutine": self._handles.issue(coroutine(program, self._host))}

    def poll(self, args: Args) -> Result:
        # Handles checks the class, which cannot know the value type: every coroutine issued here runs a
        # program, and a program's value is a string.
        polled = cast(Coroutine[str], self._handles.get(args.integer("coroutine"), Coroutine))
        try:
            # Chapter 7 has no wakers: the runner decides when to poll again.
            state = polled.poll(NOOP_WAKER)
        finally:
            trace = self._trace.take()  # a failed poll's entries go with it: an error reply has no trace
        if isinstance(state, Ready):
            return {"ready": True, "value": state.value, "trace": trace}
        return {"ready": False, "trace": trace}

    def leaf_ready(self, args: Args) -> Result:
        self._leaves.manual.make_ready(args.string("name"), args.string("value"))
        return {}
