"""A runtime after chapter 10 of "Asynchronous Programming in Rust": it runs Python's own async code.

Tasks are native coroutines (`async def`), with no asyncio anywhere: the executor polls a task with
`coroutine.send(None)`, and an awaitable that cannot finish yet hands the task's waker over (to the
reactor, a thread, whoever will make it ready) and yields. The reactor, parker and event queue are
chapter 8's (`ack.wakers`), and so is the executor's loop.

    init()                                         # the reactor, once per process
    Executor(observer).block_on(main())            # main: an async def; returns after every task

    async def main() -> None:
        spawn(other())                             # fire and forget, on this thread's executor
        body = await Awaited(HttpGet(8080, "/600/hello"))

One concept per module: waker, context (the waker of the running poll), native (a coroutine as a
future), task, awaited (a future as an awaitable), executor, runtime (init), http, third_party,
other_runtime, program (the protocol's programs as an `async def`), errors.
"""

from .awaited import Awaited, join_all
from .context import current_waker
from .errors import RuntimeContextError
from .executor import Executor, current_executor, spawn
from .http import HttpGet
from .native import NativeFuture
from .other_runtime import OtherRuntimeGet, enter_other_runtime, stop_other_runtime
from .runtime import init, shutdown
from .task import Task
from .third_party import ThirdPartyGet
from .waker import Waker

__all__ = [
    "Awaited",
    "Executor",
    "HttpGet",
    "NativeFuture",
    "OtherRuntimeGet",
    "RuntimeContextError",
    "Task",
    "ThirdPartyGet",
    "Waker",
    "current_executor",
    "current_waker",
    "enter_other_runtime",
    "init",
    "join_all",
    "shutdown",
    "spawn",
    "stop_other_runtime",
]
