"""ack: the book's async primitives in Python, and the adapter through which the kit checks them.

One subpackage per chapter, each usable on its own:

    ack.eventqueue   chapter 4: a mio-shaped event queue over epoll
    ack.fibers       chapter 5: stackful fibers on greenlets
    ack.coroutines   chapter 7: futures and coroutines, polled by hand
    ack.wakers       chapter 8: wakers, a reactor and executors
    ack.pinning      chapter 9: self-referential values, pinned
    ack.runtime      chapter 10: Python's own async code (native coroutines) on that reactor and executors

and the adapter around them: ack.protocol (the wire's arguments, handles and errors), ack.handlers
(one module per area) and ack.adapter (the server and its `main`).
"""
