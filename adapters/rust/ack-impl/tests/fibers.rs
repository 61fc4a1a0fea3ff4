//! Fibers: the book's transcripts, slots, stacks and the current runtime.

use std::cell::RefCell;
use std::rc::Rc;

use ack_impl::fibers::{self, Error, Runtime};

/// A log the fibers of one test share.
#[derive(Clone, Default)]
struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    fn push(&self, line: String) {
        self.0.borrow_mut().push(line);
    }

    fn lines(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

fn counting(runtime: &Runtime, log: &Log, rounds: usize) {
    let (rt, log) = (runtime.clone(), log.clone());
    runtime
        .spawn(move || {
            let id = rt.current_id();
            log.push(format!("THREAD {id} STARTING"));
            for counter in 0..rounds {
                log.push(format!("thread: {id} counter: {counter}"));
                rt.yield_now();
            }
            log.push(format!("THREAD {id} FINISHED"));
        })
        .unwrap();
}

#[test]
fn the_books_counting_fibers_print_the_books_transcript() {
    let runtime = Runtime::new(fibers::DEFAULT_SLOTS, 64 * 1024).unwrap();
    let log = Log::default();
    counting(&runtime, &log, 10);
    counting(&runtime, &log, 15);
    runtime.run();
    let mut expected = vec!["THREAD 1 STARTING", "thread: 1 counter: 0", "THREAD 2 STARTING", "thread: 2 counter: 0"]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    for k in 1..10 {
        expected.push(format!("thread: 1 counter: {k}"));
        expected.push(format!("thread: 2 counter: {k}"));
    }
    expected.push("THREAD 1 FINISHED".into());
    expected.extend((10..15).map(|k| format!("thread: 2 counter: {k}")));
    expected.push("THREAD 2 FINISHED".into());
    assert_eq!(log.lines(), expected);
}

#[test]
fn slots_are_taken_lowest_first_freed_at_the_end_and_slot_0_stays_the_bases() {
    let runtime = Runtime::new(3, 64 * 1024).unwrap();
    let log = Log::default();
    for _ in 0..2 {
        let (rt, log) = (runtime.clone(), log.clone());
        runtime.spawn(move || log.push(format!("fiber {}", rt.current_id()))).unwrap();
    }
    assert!(matches!(runtime.spawn(|| {}), Err(Error::NoFreeSlot)), "two fibers fill three slots");
    assert!(log.lines().is_empty(), "spawning runs nothing");
    runtime.run();
    assert_eq!(log.lines(), ["fiber 1", "fiber 2"]);
    assert_eq!(runtime.current_id(), 0);
    assert!(!runtime.yield_now(), "nothing is ready: the yield returns at once");
    let (rt, log2) = (runtime.clone(), log.clone());
    assert_eq!(
        runtime.spawn(move || log2.push(format!("again in {}", rt.current_id()))).unwrap(),
        1,
        "a freed slot is reused"
    );
    runtime.run();
    assert_eq!(log.lines().last().unwrap(), "again in 1");
}

#[test]
fn a_fiber_that_spends_its_stack_is_stopped_and_the_others_go_on() {
    fn recurse(runtime: &Runtime, depth: usize) -> Result<usize, Error> {
        runtime.check_stack(2048)?;
        let frame = std::hint::black_box([depth as u8; 1024]);
        let deeper = recurse(runtime, depth + 1);
        std::hint::black_box(&frame);
        deeper
    }
    let runtime = Runtime::new(3, 64 * 1024).unwrap();
    let log = Log::default();
    let (rt, first) = (runtime.clone(), log.clone());
    runtime
        .spawn(move || {
            let local = 42;
            rt.yield_now();
            first.push(format!("local {local}"));
        })
        .unwrap();
    let (rt, second) = (runtime.clone(), log.clone());
    runtime.spawn(move || second.push(format!("{:?}", recurse(&rt, 0)))).unwrap();
    runtime.run();
    assert_eq!(log.lines(), ["Err(StackOverflow)", "local 42"]);
}

#[test]
fn the_free_functions_need_an_initialised_runtime() {
    assert!(matches!(fibers::yield_now(), Err(Error::NotInitialised)));
    assert!(matches!(fibers::spawn(|| {}), Err(Error::NotInitialised)));
    let runtime = Runtime::new(2, 64 * 1024).unwrap();
    runtime.init();
    assert_eq!(fibers::spawn(|| {}).unwrap(), 1);
    runtime.run();
    drop(runtime);
    assert!(matches!(fibers::yield_now(), Err(Error::NotInitialised)), "gone with the runtime");
}

#[test]
fn runtimes_need_slots_and_stacks() {
    assert!(matches!(Runtime::new(0, 1024), Err(Error::InvalidArgument(_))));
    assert!(matches!(Runtime::new(4, 0), Err(Error::InvalidArgument(_))));
}

#[test]
fn many_fibers_yield_from_deep_call_chains_and_keep_their_locals() {
    fn nested(runtime: &Runtime, depth: usize, yields: &mut usize) {
        if depth == 0 {
            for _ in 0..10 {
                runtime.yield_now();
                *yields += 1;
            }
            return;
        }
        let frame = std::hint::black_box([depth; 8]);
        nested(runtime, depth - 1, yields);
        std::hint::black_box(&frame);
    }
    let runtime = Runtime::new(1001, 64 * 1024).unwrap();
    let log = Log::default();
    for _ in 0..1000 {
        let (rt, log) = (runtime.clone(), log.clone());
        runtime
            .spawn(move || {
                let mut yields = 0;
                nested(&rt, 30, &mut yields);
                if yields != 10 {
                    log.push(format!("fiber {} counted {yields}", rt.current_id()));
                }
            })
            .unwrap();
    }
    runtime.run();
    assert!(log.lines().is_empty(), "{:?}", log.lines());
}
