//! What a chapter's code gives a program's machine: the futures it waits on, and what only an
//! executor can do.

use std::task::Poll;

use ack_adapter::Trace;

use crate::Machine;

/// The futures of one chapter of the book, as a program's [`Machine`] uses them. A value of it
/// goes with every machine (cloned into its children): the trace, the session's manual leaves and
/// whatever else the chapter's futures need.
pub trait Chapter: Clone + 'static {
    /// What the chapter's `poll` takes besides the future: `()` in chapter 7, its `Waker` in 8.
    type Waker: ?Sized;
    /// A future of the chapter's trait that a wait holds: a `Box<dyn Future>`, as in corofy's
    /// states.
    type Awaited;

    /// Where the program's entries go.
    fn trace(&self) -> &Trace;

    /// A `log` instruction ran, with its text filled in.
    fn log(&self, text: &str);

    /// What a `wait` on manual leaf `name` waits on: the adapter's, the book has none.
    fn manual_leaf(&self, name: &str) -> Self::Awaited;

    /// What a `wait` on an http leaf waits on: the book's `Http::get(path)`, which connects to
    /// 127.0.0.1:8080 whatever port the program names.
    fn http_get(path: &str) -> Self::Awaited;

    /// What a `wait` on a created child waits on: the child's machine.
    fn child(child: Machine<Self>) -> Self::Awaited;

    /// What a `join_all` waits on: the book's `join_all` of the children's machines.
    fn join_all(children: Vec<Machine<Self>>) -> Self::Awaited;

    /// One poll of what a wait holds, with the waker the machine was polled with.
    fn poll(awaited: &mut Self::Awaited, waker: &Self::Waker) -> Poll<String>;

    /// `spawn`: hands the child over to the executor that runs this task.
    fn spawn(&self, child: Machine<Self>);

    /// `poll_detached`: polls the child once, here, with a waker that wakes nothing.
    fn poll_detached(&self, child: &mut Machine<Self>);

    /// `keep_waker`: keeps a clone of `waker`, the running task's, under `name` for `wk.wake`.
    fn keep_waker(&self, name: &str, waker: &Self::Waker);

    /// What a `yield_now` waits on: a future whose first poll calls the waker it was given and is
    /// Pending, and whose next poll is Ready with `""`.
    fn yield_now(&self) -> Self::Awaited;

    /// What a `yield_until_sleep` waits on: a future whose first poll is Pending, having arranged for
    /// the waker it was given to be called from another thread when the executor reports its next
    /// sleep, and whose next poll is Ready with `""`.
    fn yield_until_sleep(&self) -> Self::Awaited;
}

/// Writes the three [`Chapter`] methods that box what a wait holds, the same words in every
/// chapter though each chapter's `Future` trait is its own: `http_get` (the book's `Http::get`),
/// `child` (the child's machine) and `join_all` (the book's `join_all`). Expand it inside
/// `impl Chapter for ...` whose `Awaited` is a `Box<dyn Future>` of the chapter's trait, naming
/// the chapter's two functions:
///
/// ```ignore
/// program_machine::boxed_waits!(http_get: Http::get, join_all: future::join_all);
/// ```
#[macro_export]
macro_rules! boxed_waits {
    (http_get: $http_get:path, join_all: $join_all:path) => {
        fn http_get(path: &str) -> Self::Awaited {
            Box::new($http_get(path))
        }

        fn child(child: $crate::Machine<Self>) -> Self::Awaited {
            Box::new(child)
        }

        fn join_all(children: Vec<$crate::Machine<Self>>) -> Self::Awaited {
            Box::new($join_all(children))
        }
    };
}
