//! Many small tasks, measured like the Java reference's JMH benchmark (benchmarks/…/TasksBenchmark.java,
//! `executor`): 100,000 tasks on the chapter 8 executor that each wait once on a leaf and are woken.
//! The root spawns every task and then a last one that wakes them all, which the ready queue's order
//! polls after every task has waited once. The figure is the median of the timed runs, in ms.
//!
//! `cargo run --offline --release --bin tasks-bench [-- <warm-up runs> <runs>]`

use std::cell::{Cell, RefCell};
use std::error::Error;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use ack_impl::coroutines::{self, Future, PollState};
use ack_impl::wakers::{self, Executor, Observer, Waker};

const TASKS: usize = 100_000;

/// The wakers of the tasks that are waiting.
type Waiting = Rc<RefCell<Vec<Waker>>>;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<usize>());
    let warm_up = args.next().transpose()?.unwrap_or(2);
    let runs = args.next().transpose()?.unwrap_or(5).max(1);

    let mut measured = Vec::new();
    for run in 0..warm_up + runs {
        let start = Instant::now();
        all_tasks()?;
        let millis = start.elapsed().as_secs_f64() * 1000.0;
        if run >= warm_up {
            measured.push(millis);
        }
    }
    measured.sort_by(f64::total_cmp);
    let median = measured[measured.len() / 2];
    let (min, max) = (measured[0], measured[measured.len() - 1]);
    println!("100k tasks: median {median:.2} ms (min {min:.2}, max {max:.2}) over {runs} runs");
    Ok(())
}

fn all_tasks() -> Result<String, coroutines::Error> {
    let waiting: Waiting = Rc::default();
    Executor::new(Arc::new(Silent)).block_on(Once(Some(move || {
        for _ in 0..TASKS {
            wakers::spawn(WaitOnce { waiting: Rc::clone(&waiting), waited: Cell::new(false) })?;
        }
        let waiting = Rc::clone(&waiting);
        wakers::spawn(Once(Some(move || {
            waiting.borrow().iter().for_each(Waker::wake);
            Ok("woke them".to_string())
        })))?;
        Ok("spawned".to_string())
    })))
}

/// Pending on its first poll, its waker left with the others; Ready on the next.
struct WaitOnce {
    waiting: Waiting,
    waited: Cell<bool>,
}

impl Future for WaitOnce {
    type Output = Result<String, coroutines::Error>;

    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        if self.waited.replace(true) {
            return PollState::Ready(Ok("woken".to_string()));
        }
        self.waiting.borrow_mut().push(waker.clone());
        PollState::NotReady
    }
}

/// Runs a closure on its one poll and is Ready with what it returns.
struct Once<F>(Option<F>);

impl<F: FnOnce() -> Result<String, coroutines::Error>> Future for Once<F> {
    type Output = Result<String, coroutines::Error>;

    fn poll(&mut self, _waker: &Waker) -> PollState<Self::Output> {
        PollState::Ready(self.0.take().expect("polled once")())
    }
}

/// Reports nothing: what a benchmark's executor should cost is the work, not the report.
struct Silent;

impl Observer for Silent {
    fn spawned(&self, _task: usize) {}
    fn polled(&self, _task: usize) {}
    fn finished(&self, _task: usize) {}
    fn woken(&self, _task: usize) {}
    fn sleeping(&self, _pending: usize) {}
    fn all_finished(&self) {}
}
