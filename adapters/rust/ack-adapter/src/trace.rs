//! Trace sinks: where an implementation records what happened inside it, entry by entry, for the
//! reply that reports it (spec/protocol.md §6 for fibers, §7 for coroutines and wakers).
//!
//! A sink is a cheap handle to one shared list: clone it into every fiber, coroutine, leaf, waker
//! or executor that records, from any thread. The crate takes the entries when it replies.

use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use crate::error::Error;
use crate::json::Json;

/// The shared list behind both kinds of trace.
#[derive(Debug, Clone, Default)]
struct Sink(Arc<Mutex<Vec<Json>>>);

impl Sink {
    fn push(&self, entry: Json) {
        // A panic elsewhere while the lock was held leaves a list that is still a list.
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(entry);
    }

    fn take(&self) -> Vec<Json> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn entries(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).iter().map(Json::to_string).collect()
    }
}

/// The trace of one `fb.run` (§6): the entries of every context, in the order they happened.
/// For an implementation whose `run` ends the process (§6.1), each entry also goes to the runner at
/// once, as a `trace` event.
#[derive(Debug, Clone, Default)]
pub struct FiberTrace(Sink, bool);

impl FiberTrace {
    /// A trace whose entries are also sent as `trace` events as they happen (§6.1).
    pub(crate) fn streaming() -> FiberTrace {
        FiberTrace(Sink::default(), true)
    }

    fn record(&self, entry: Json) {
        if self.1 {
            crate::events::trace("fibers", &entry);
        }
        self.0.push(entry);
    }

    /// A `log` instruction of context `fiber` ran, with its text rendered.
    pub fn log(&self, fiber: usize, text: &str) {
        self.record(Json::object([("fiber", fiber.into()), ("event", "log".into()), ("text", text.into())]));
    }

    /// A `check` instruction of context `fiber` found local `var` at `actual` instead of `expected`.
    pub fn check(&self, fiber: usize, var: &str, expected: i64, actual: i64) {
        self.record(Json::object([
            ("fiber", fiber.into()),
            ("event", "check".into()),
            ("var", var.into()),
            ("expected", expected.into()),
            ("actual", actual.into()),
        ]));
    }

    /// Context `fiber` spawned a fiber, which got slot `id`.
    pub fn spawned(&self, fiber: usize, id: usize) {
        self.record(Json::object([("fiber", fiber.into()), ("event", "spawned".into()), ("id", id.into())]));
    }

    /// The program of fiber `fiber` ended; its slot is free again.
    pub fn finished(&self, fiber: usize) {
        self.record(Json::object([("fiber", fiber.into()), ("event", "finished".into())]));
    }

    /// An instruction of context `fiber` failed (`NoFreeSlot`, `StackOverflow`) and ended its program.
    pub fn error(&self, fiber: usize, error: &Error) {
        self.record(Json::object([
            ("fiber", fiber.into()),
            ("event", "error".into()),
            ("kind", error.kind().wire_name().into()),
            ("message", error.message().into()),
        ]));
    }

    /// The entries recorded so far, each as the JSON its reply will carry: for tests.
    pub fn entries(&self) -> Vec<String> {
        self.0.entries()
    }

    pub(crate) fn take(&self) -> Vec<Json> {
        self.0.take()
    }
}

/// The trace of coroutine programs (§7): in the `coroutines` area one for the session, in the
/// `wakers` area one per run.
///
/// The executor's entries name the executor by the name of the thread that records them, which is
/// what rule WK-16 asks for: `wk.block_on` runs each executor on a thread named after it.
#[derive(Debug, Clone, Default)]
pub struct Trace(Sink);

impl Trace {
    /// A `log` instruction ran; `task` is the task that ran it (area `wakers`), `None` in area
    /// `coroutines`, which has no tasks.
    pub fn log(&self, task: Option<usize>, text: &str) {
        let mut entry = vec![("event".to_owned(), Json::from("log"))];
        if let Some(task) = task {
            entry.push(("task".to_owned(), task.into()));
        }
        entry.push(("text".to_owned(), text.into()));
        self.0.push(Json::Object(entry));
    }

    /// A leaf's first poll started its work (for http: the request was sent). `leaf` is the
    /// leaf's label: its name, or an http leaf's path.
    pub fn leaf_started(&self, leaf: &str) {
        self.0.push(Json::object([("event", "leaf-started".into()), ("leaf", leaf.into())]));
    }

    /// A leaf was polled; `ready` is what the poll returned.
    pub fn leaf_polled(&self, leaf: &str, ready: bool) {
        self.0.push(Json::object([("event", "leaf-polled".into()), ("leaf", leaf.into()), ("ready", ready.into())]));
    }

    /// The executor on this thread spawned `task` (the root is task 0).
    pub fn spawned(&self, task: usize) {
        self.executor_entry("spawned", Some(task));
    }

    /// The executor on this thread polled `task`.
    pub fn task_polled(&self, task: usize) {
        self.executor_entry("task-polled", Some(task));
    }

    /// `task` returned Ready to the executor on this thread, which dropped it.
    pub fn task_finished(&self, task: usize) {
        self.executor_entry("task-finished", Some(task));
    }

    /// A waker of `task` was called, from any thread.
    pub fn wake(&self, task: usize) {
        self.0.push(Json::object([("event", "wake".into()), ("task", task.into())]));
    }

    /// The executor on this thread found no ready task and is about to sleep, with `pending`
    /// unfinished tasks.
    pub fn sleep(&self, pending: usize) {
        self.sleep_of(thread::current().name().unwrap_or_default(), pending);
    }

    /// Executor `executor` found no ready task and is about to sleep, with `pending` unfinished
    /// tasks: for an adapter that learns it on another thread while that executor sleeps (the
    /// book's executor says it by printing).
    pub fn sleep_of(&self, executor: &str, pending: usize) {
        self.0.push(Json::object([
            ("event", "sleep".into()),
            ("executor", executor.into()),
            ("pending", pending.into()),
        ]));
    }

    /// The executor on this thread is about to return from `block_on`.
    pub fn all_finished(&self) {
        self.executor_entry("all-finished", None);
    }

    /// Executor `executor` is about to return from `block_on`, learnt on another thread, as
    /// [`Trace::sleep_of`].
    pub fn all_finished_of(&self, executor: &str) {
        self.0.push(Json::object([("event", "all-finished".into()), ("executor", executor.into())]));
    }

    fn executor_entry(&self, event: &str, task: Option<usize>) {
        let mut entry = vec![("event".to_owned(), Json::from(event)), ("executor".to_owned(), executor_name())];
        if let Some(task) = task {
            entry.push(("task".to_owned(), task.into()));
        }
        self.0.push(Json::Object(entry));
    }

    /// The entries recorded so far, each as the JSON its reply will carry: for tests.
    pub fn entries(&self) -> Vec<String> {
        self.0.entries()
    }

    pub(crate) fn take(&self) -> Vec<Json> {
        self.0.take()
    }
}

fn executor_name() -> Json {
    thread::current().name().unwrap_or_default().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn lines(entries: Vec<Json>) -> Vec<String> {
        entries.iter().map(Json::to_string).collect()
    }

    #[test]
    fn fiber_entries_follow_section_6() {
        let trace = FiberTrace::default();
        let clone = trace.clone();
        trace.log(0, "hi");
        clone.spawned(0, 1);
        trace.check(1, "x", 5, 0);
        trace.error(1, &Error::new(ErrorKind::StackOverflow, "deep"));
        trace.finished(1);
        assert_eq!(
            lines(trace.take()),
            [
                r#"{"fiber":0,"event":"log","text":"hi"}"#,
                r#"{"fiber":0,"event":"spawned","id":1}"#,
                r#"{"fiber":1,"event":"check","var":"x","expected":5,"actual":0}"#,
                r#"{"fiber":1,"event":"error","kind":"StackOverflow","message":"deep"}"#,
                r#"{"fiber":1,"event":"finished"}"#,
            ]
        );
        assert!(clone.entries().is_empty(), "taking empties the shared list");
    }

    #[test]
    fn executor_entries_name_the_thread_that_records_them() {
        let trace = Trace::default();
        let on_worker = trace.clone();
        thread::Builder::new()
            .name("exec-1".into())
            .spawn(move || {
                on_worker.spawned(0);
                on_worker.task_polled(0);
                on_worker.log(Some(0), "a");
                on_worker.sleep(1);
                on_worker.task_finished(0);
                on_worker.all_finished();
            })
            .unwrap()
            .join()
            .unwrap();
        trace.wake(0);
        trace.sleep_of("exec-2", 3);
        trace.all_finished_of("exec-2");
        trace.log(None, "b");
        trace.leaf_started("A");
        trace.leaf_polled("A", false);
        assert_eq!(
            lines(trace.take()),
            [
                r#"{"event":"spawned","executor":"exec-1","task":0}"#,
                r#"{"event":"task-polled","executor":"exec-1","task":0}"#,
                r#"{"event":"log","task":0,"text":"a"}"#,
                r#"{"event":"sleep","executor":"exec-1","pending":1}"#,
                r#"{"event":"task-finished","executor":"exec-1","task":0}"#,
                r#"{"event":"all-finished","executor":"exec-1"}"#,
                r#"{"event":"wake","task":0}"#,
                r#"{"event":"sleep","executor":"exec-2","pending":3}"#,
                r#"{"event":"all-finished","executor":"exec-2"}"#,
                r#"{"event":"log","text":"b"}"#,
                r#"{"event":"leaf-started","leaf":"A"}"#,
                r#"{"event":"leaf-polled","leaf":"A","ready":false}"#,
            ]
        );
    }
}
