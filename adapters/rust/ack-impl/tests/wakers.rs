//! Chapters 7 and 8: futures, join_all, leaves, the parker, executors and the reactor.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use ack_impl::coroutines::{Error, Future, HttpGet, ManualLeaves, PollState, join_all};
use ack_impl::wakers::{self, Executor, Parker, Waker, reactor};

mod common;
use common::Report;

/// A future made of a closure over the waker: enough to script a task.
struct PollFn<F>(F);

impl<F: FnMut(&Waker) -> PollState<Result<String, Error>>> Future for PollFn<F> {
    type Output = Result<String, Error>;

    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        (self.0)(waker)
    }
}

#[test]
fn join_all_polls_each_unfinished_future_once_and_keeps_the_given_order() {
    let leaves = ManualLeaves::default();
    let mut both = join_all([leaves.leaf("A"), leaves.leaf("B")]);
    assert!(matches!(both.poll(&Waker::noop()), PollState::NotReady));
    leaves.make_ready("B", "b");
    assert!(matches!(both.poll(&Waker::noop()), PollState::NotReady));
    leaves.make_ready("A", "a");
    assert!(matches!(both.poll(&Waker::noop()), PollState::Ready(Ok(values)) if values == ["a", "b"]));
    assert!(matches!(both.poll(&Waker::noop()), PollState::Ready(Err(Error::PolledAfterReady))));
    let mut none = join_all(Vec::<ack_impl::coroutines::ManualLeaf>::new());
    assert!(matches!(none.poll(&Waker::noop()), PollState::Ready(Ok(values)) if values.is_empty()));
}

#[test]
fn a_leaf_made_ready_before_its_first_poll_is_ready_at_it() {
    let leaves = ManualLeaves::default();
    leaves.make_ready("early", "x");
    assert!(matches!(leaves.leaf("early").poll(&Waker::noop()), PollState::Ready(Ok(value)) if value == "x"));
}

#[test]
fn a_parker_holds_one_permit() {
    let parker = Arc::new(Parker::default());
    parker.unpark();
    parker.unpark();
    parker.park(); // returns at once on the permit
    let (parked, returned) = mpsc::channel();
    let remote = Arc::clone(&parker);
    let parking = thread::spawn(move || {
        remote.park();
        parked.send(()).unwrap();
    });
    assert!(returned.recv_timeout(Duration::from_millis(100)).is_err(), "two unparks left one permit, not two");
    parker.unpark();
    returned.recv_timeout(Duration::from_secs(10)).expect("the unpark ends the park");
    parking.join().unwrap();
}

#[test]
fn the_executor_polls_only_woken_tasks_ignores_stale_wakes_and_waits_for_every_task() {
    let report = Arc::new(Report::default());
    let executor = Executor::new(report.clone());
    let leaves = ManualLeaves::default();
    let (kept_tx, kept_rx) = mpsc::channel::<Waker>();
    let (pending_tx, pending_rx) = mpsc::channel();
    let child_leaves = leaves.clone();
    let mut spawned = false;
    let root = PollFn(move |waker: &Waker| {
        if !spawned {
            spawned = true;
            let mut leaf = child_leaves.leaf("A");
            let pending = pending_tx.clone();
            wakers::spawn(PollFn(move |waker: &Waker| {
                let state = leaf.poll(waker);
                let _ = pending.send(());
                state
            }))
            .unwrap();
            kept_tx.send(waker.clone()).unwrap();
        }
        PollState::Ready(Ok("root done".to_owned()))
    });
    let waking = thread::spawn(move || {
        let root_waker = kept_rx.recv().unwrap();
        pending_rx.recv().unwrap(); // task 1 has been polled once, and is pending
        root_waker.wake(); // the root has finished: ignored
        leaves.make_ready("A", "a");
    });
    assert_eq!(executor.block_on(root).unwrap(), "root done");
    waking.join().unwrap();
    assert_eq!(report.count("polled 0"), 1, "{:?}", report.lines());
    assert_eq!(report.count("polled 1"), 2, "{:?}", report.lines());
    assert_eq!(report.lines().first().unwrap(), "spawned 0");
    assert_eq!(report.lines().last().unwrap(), "all finished");
    assert!(matches!(wakers::spawn(PollFn(|_: &Waker| PollState::NotReady)), Err(Error::NotInitialised(_))));
}

#[test]
fn a_stopped_executor_leaves_block_on() {
    let executor = Executor::new(Arc::new(Report::default()));
    let stopper = executor.stopper();
    let stopping = thread::spawn(move || stopper.stop());
    let result = executor.block_on(PollFn(|_: &Waker| PollState::NotReady));
    stopping.join().unwrap();
    assert!(matches!(result, Err(Error::Stopped)));
}

/// A delay server without the delay: answers every request with the last segment of its path.
fn server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut request = String::new();
            BufReader::new(&stream).read_line(&mut request).unwrap();
            let message = request.split_whitespace().nth(1).unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
            write!(&stream, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{message}", message.len()).unwrap();
        }
    });
    port
}

/// One test for everything that needs the process's one reactor, so no other test races it.
#[test]
fn the_reactor_wakes_requests_and_there_is_one_at_a_time() {
    let port = server();
    let no_reactor = Executor::new(Arc::new(Report::default())).block_on(HttpGet::woken_by_reactor(port, "/0/nobody"));
    assert!(matches!(no_reactor, Err(Error::NotInitialised(_))));

    reactor::start().unwrap();
    assert!(matches!(reactor::start(), Err(Error::AlreadyRunning)));
    let report = Arc::new(Report::default());
    let executor = Executor::new(report.clone());
    let mut requests = join_all([HttpGet::woken_by_reactor(port, "/0/one"), HttpGet::woken_by_reactor(port, "/0/two")]);
    let both = executor.block_on(PollFn(move |waker: &Waker| match requests.poll(waker) {
        PollState::Ready(values) => PollState::Ready(values.map(|values| values.join(","))),
        PollState::NotReady => PollState::NotReady,
    }));
    assert_eq!(both.unwrap(), "one,two");
    assert!(report.count("woken 0") >= 1, "the reactor woke the task: {:?}", report.lines());
    reactor::stop();
    assert!(matches!(reactor::current(), Err(Error::NotInitialised(_))));

    // Chapter 7's leaf needs no reactor: its caller polls until it is Ready.
    let mut request = HttpGet::polled_by_caller(port, "/0/polled");
    let body = loop {
        match request.poll(&Waker::noop()) {
            PollState::Ready(body) => break body.unwrap(),
            PollState::NotReady => thread::yield_now(),
        }
    };
    assert_eq!(body, "polled");
}
