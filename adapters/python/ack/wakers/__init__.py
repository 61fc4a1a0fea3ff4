"""A runtime after chapter 8 of "Asynchronous Programming in Rust": wakers, a reactor, executors.

    start_reactor()                               # its own thread, on the eventqueue package
    executor = Executor(observer)
    value = executor.block_on(Coroutine(body()))  # polls only woken tasks, sleeps otherwise
    stop_reactor()

One concept per module: parker, waker, executor, reactor, http (the leaf the reactor wakes), errors.
"""

from .errors import ExecutorStopped, ReactorError
from .executor import Executor, ExecutorObserver
from .http import ReactorHttpGet
from .parker import Parker
from .reactor import Reactor, current_reactor, start_reactor, stop_reactor
from .waker import Waker

__all__ = [
    "Executor",
    "ExecutorObserver",
    "ExecutorStopped",
    "Parker",
    "Reactor",
    "ReactorError",
    "ReactorHttpGet",
    "Waker",
    "current_reactor",
    "start_reactor",
    "stop_reactor",
]
