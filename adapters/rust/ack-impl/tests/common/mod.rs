//! What the executor tests share.

use std::sync::Mutex;

use ack_impl::wakers::Observer;

/// What an executor reported, as lines like `polled 0`.
#[derive(Default)]
pub(crate) struct Report(Mutex<Vec<String>>);

impl Report {
    pub(crate) fn add(&self, line: String) {
        self.0.lock().unwrap().push(line);
    }

    pub(crate) fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    pub(crate) fn count(&self, line: &str) -> usize {
        self.lines().iter().filter(|seen| *seen == line).count()
    }
}

impl Observer for Report {
    fn spawned(&self, task: usize) {
        self.add(format!("spawned {task}"));
    }
    fn polled(&self, task: usize) {
        self.add(format!("polled {task}"));
    }
    fn finished(&self, task: usize) {
        self.add(format!("finished {task}"));
    }
    fn woken(&self, task: usize) {
        self.add(format!("woken {task}"));
    }
    fn sleeping(&self, pending: usize) {
        self.add(format!("sleeping {pending}"));
    }
    fn all_finished(&self) {
        self.add("all finished".into());
    }
}
