//! Chapter 10: the runtime runs the standard library's futures, `async fn`s included.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use ack_impl::coroutines::Error;
use ack_impl::runtime::{self, Executor, Http, ManualLeaves, OtherRuntime, ThirdParty, Wake, join_all};

mod common;
use common::Report;

/// A loopback server without delays: answers every request with the last segment of its path,
/// written `piece` bytes at a time, each flushed, then closes.
fn server(piece: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = String::new();
            BufReader::new(&stream).read_line(&mut request).unwrap();
            let message = request.split_whitespace().nth(1).unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
            let response = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{message}", message.len());
            for piece in response.as_bytes().chunks(piece) {
                stream.write_all(piece).unwrap();
                stream.flush().unwrap();
                thread::sleep(Duration::from_millis(1)); // lets each piece arrive on its own
            }
        }
    });
    port
}

/// Runs `future` to its end on a new executor, with its value sent back.
fn block_on<T: Send + 'static>(future: impl Future<Output = T> + Send + 'static) -> (Result<(), Error>, Option<T>) {
    let (value, received) = mpsc::channel();
    let ran = Executor::new(Arc::new(Report::default())).block_on(async move {
        let _ = value.send(future.await);
    });
    (ran, received.try_recv().ok())
}

/// One test for everything that needs the process's one runtime, so no other test races it.
#[test]
fn the_runtime_is_initialised_once_and_its_reactor_completes_requests_read_in_small_pieces() {
    let port = server(10);
    let (ran, before) = block_on(Http::get(port, "/0/early", runtime::reactor));
    assert!(ran.is_ok() && matches!(before, Some(Err(Error::NotInitialised(_)))));

    runtime::init().unwrap();
    assert!(matches!(runtime::init(), Err(Error::AlreadyRunning)));
    let long = "x".repeat(1000);
    let path = format!("/0/{long}");
    let (_, body) = block_on(async move {
        join_all([Http::get(port, &path, runtime::reactor), Http::get(port, "/0/two", runtime::reactor)]).await
    });
    assert_eq!(body.unwrap().unwrap(), [long, "two".to_owned()], "each body whole, in the order given");
    runtime::shutdown();
    assert!(matches!(runtime::reactor(), Err(Error::NotInitialised(_))));
    runtime::init().unwrap();
    runtime::shutdown();
}

#[test]
fn block_on_waits_for_spawned_tasks_and_a_waker_wakes_by_value_and_by_reference() {
    let leaves = ManualLeaves::default();
    let report = Arc::new(Report::default());
    let executor = Executor::new(report.clone());
    let (values, received) = mpsc::channel();
    let (spawner, waiting) = (leaves.clone(), leaves.clone());
    let making_ready = thread::spawn(move || {
        for (name, wake) in [("A", Wake::ByValue), ("B", Wake::ByReference)] {
            while !waiting.make_ready(name, name, wake) {
                thread::yield_now(); // until the task waits on it
            }
        }
    });
    executor
        .block_on(async move {
            runtime::spawn(async move {
                let a = spawner.leaf("A").await;
                let b = spawner.leaf("B").await;
                values.send(a + &b).unwrap();
            })
            .unwrap();
        })
        .unwrap();
    making_ready.join().unwrap();
    assert_eq!(received.try_recv().unwrap(), "AB", "the root returned at once, the run waited for task 1");
    assert_eq!(
        (report.count("woken 1"), report.count("polled 1")),
        (2, 3),
        "one more poll per wake: {:?}",
        report.lines()
    );
    assert!(!leaves.make_ready("A", "again", Wake::ByValue), "a leaf no future waits on");
    assert!(matches!(runtime::spawn(async {}), Err(Error::NotInitialised(_))));
}

#[test]
fn an_async_fn_keeps_a_reference_to_its_own_local_across_awaits() {
    let leaves = ManualLeaves::default();
    let (task_leaves, making_ready) = (leaves.clone(), leaves.clone());
    let readying = thread::spawn(move || {
        for name in ["A", "B"] {
            while !making_ready.make_ready(name, name, Wake::ByReference) {
                thread::yield_now();
            }
        }
    });
    let (_, buffer) = block_on(async move {
        let mut buffer = String::new();
        let writer = &mut buffer;
        for name in ["A", "B"] {
            let value = task_leaves.leaf(name).await;
            writer.push_str(&value);
        }
        buffer
    });
    readying.join().unwrap();
    assert_eq!(buffer.unwrap(), "AB");
}

#[test]
fn a_third_party_future_wakes_through_the_standard_waker() {
    let port = server(4096);
    let (ran, body) = block_on(ThirdParty::get(port, "/0/isahc"));
    ran.unwrap();
    assert_eq!(body.unwrap().unwrap(), "isahc");
}

#[test]
fn the_other_runtimes_leaf_fails_outside_its_context_and_works_inside() {
    let port = server(4096);
    let other = Arc::new(OtherRuntime::new().unwrap());
    let (_, outside) = block_on(OtherRuntime::get(port, "/0/outside"));
    assert!(matches!(outside, Some(Err(Error::NotInitialised(_)))));
    let inside = other.enter(OtherRuntime::get(port, "/0/inside"));
    let (_, body) = block_on(inside);
    assert_eq!(body.unwrap().unwrap(), "inside");
}
