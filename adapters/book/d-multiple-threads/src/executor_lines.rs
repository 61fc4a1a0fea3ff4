//! What the book's executor reports by printing, `main: 1 pending tasks. Sleep until notified.`
//! and `main: All tasks are finished`, read back as the run's `sleep` and `all-finished` entries.
//!
//! ack-adapter points file descriptor 1 at stderr; the first run points it at a pipe instead,
//! whose reader thread passes every line on to stderr and records the executor's lines into the
//! trace of the run whose executor printed them. A line must keep its place in the trace: a sleep
//! comes before whatever the executor does when it wakes up, `all-finished` before the run ends.
//! So before the executor polls a task, and when a run ends, its thread waits for the reader to
//! pass a fence that it prints after its own lines ([`catch_up`]).

use std::collections::{HashMap, HashSet};
use std::ffi::c_int;
use std::io::{self, BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread;

use ack_adapter::Trace;

use crate::task_waker::TaskWaker;

extern "C" {
    fn dup2(old: c_int, new: c_int) -> c_int;
}

const STDOUT: c_int = 1;
/// Starts a fence's line; no line of the book's starts with it.
const FENCE: &str = "\u{1}fence ";

/// Records the executor's lines into the trace of the run on this thread, until dropped when the
/// run ends: then its last line, `All tasks are finished`, is in the trace.
pub struct Following {
    executor: String,
}

/// Follows the lines of the executor on this thread, which prints its thread's name, into `trace`.
/// Executors that run at the same time have names of their own (the runner names them).
pub fn follow(trace: &Trace) -> Following {
    let executor = thread::current().name().unwrap_or_default().to_owned();
    lock(&lines().runs).insert(executor.clone(), trace.clone());
    Following { executor }
}

impl Drop for Following {
    fn drop(&mut self) {
        catch_up();
        lock(&lines().runs).remove(&self.executor);
    }
}

/// Has `waker` called when the executor on this thread next prints that it sleeps
/// (`yield_until_sleep`): the reader calls it, on its own thread, once it has recorded that line.
/// The book's executor prints the line just before it parks, so the wake usually comes after the
/// park, not in the window before it (protocol.md §7).
pub fn wake_at_sleep(waker: TaskWaker) {
    let executor = thread::current().name().unwrap_or_default().to_owned();
    lock(&lines().wake_at_sleep).entry(executor).or_default().push(waker);
}

/// Waits until everything this thread printed so far has been read back.
pub fn catch_up() {
    let lines = lines();
    let fence = lines.next_fence.fetch_add(1, Ordering::Relaxed);
    // Through Rust's stdout, as the book's lines go, so that it comes after them.
    println!("{FENCE}{fence}");
    let mut passed = lock(&lines.passed);
    while !passed.remove(&fence) {
        passed = lines.fence_passed.wait(passed).unwrap_or_else(PoisonError::into_inner);
    }
}

/// The reading back: once for the process.
struct ExecutorLines {
    /// The trace of each executor's run, by the executor's name.
    runs: Mutex<HashMap<String, Trace>>,
    /// The wakers `yield_until_sleep` armed, by the name of their task's executor.
    wake_at_sleep: Mutex<HashMap<String, Vec<TaskWaker>>>,
    /// The fences the reader has passed and their threads have not yet seen.
    passed: Mutex<HashSet<u64>>,
    fence_passed: Condvar,
    next_fence: AtomicU64,
}

/// What an executor's line reports, as the book's `Executor::block_on` prints it.
#[derive(Clone, Copy)]
enum Printed {
    Sleep { pending: usize },
    AllFinished,
}

fn lines() -> &'static ExecutorLines {
    static LINES: OnceLock<ExecutorLines> = OnceLock::new();
    LINES.get_or_init(|| {
        read_back().expect("reading back what the process prints needs a pipe and a thread");
        ExecutorLines {
            runs: Mutex::default(),
            wake_at_sleep: Mutex::default(),
            passed: Mutex::default(),
            fence_passed: Condvar::new(),
            next_fence: AtomicU64::new(0),
        }
    })
}

/// Points descriptor 1 at a pipe and starts the thread that reads it.
fn read_back() -> io::Result<()> {
    let (printed, stdout) = io::pipe()?;
    // Whatever Rust's stdout buffered so far belongs to the old descriptor 1.
    io::stdout().flush()?;
    // SAFETY: dup2 on two descriptors of this process; it touches no memory of ours.
    if unsafe { dup2(stdout.as_raw_fd(), STDOUT) } < 0 {
        return Err(io::Error::last_os_error());
    }
    // The reader waits in `lines()` until the caller has made them.
    thread::Builder::new().name("executor lines".into()).spawn(move || lines().read(BufReader::new(printed)))?;
    Ok(())
}

impl ExecutorLines {
    fn read(&self, mut printed: impl BufRead) {
        let mut line = Vec::new();
        while printed.read_until(b'\n', &mut line).is_ok_and(|read| read > 0) {
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches('\n');
            match text.strip_prefix(FENCE).and_then(|fence| fence.parse().ok()) {
                Some(fence) => {
                    lock(&self.passed).insert(fence);
                    self.fence_passed.notify_all();
                }
                None => {
                    eprintln!("{text}");
                    if let Some((executor, printed)) = Printed::parse(text) {
                        self.record(executor, printed);
                    }
                }
            }
            line.clear();
        }
    }

    fn record(&self, executor: &str, printed: Printed) {
        let Some(trace) = lock(&self.runs).get(executor).cloned() else { return };
        // ack-adapter's trace names the executor after the thread that records the entry.
        let recorder = thread::Builder::new().name(executor.to_owned()).spawn(move || match printed {
            Printed::Sleep { pending } => trace.sleep(pending),
            Printed::AllFinished => trace.all_finished(),
        });
        if recorder.map(|recorder| recorder.join()).is_err() {
            eprintln!("d-multiple-threads: no thread to record {executor:?}'s line on");
        }
        if let Printed::Sleep { .. } = printed {
            let armed = lock(&self.wake_at_sleep).remove(executor).unwrap_or_default();
            armed.iter().for_each(TaskWaker::wake);
        }
    }
}

impl Printed {
    /// The executor that printed `line` and what it reports, if it is an executor's line.
    fn parse(line: &str) -> Option<(&str, Printed)> {
        if let Some(executor) = line.strip_suffix(": All tasks are finished") {
            return Some((executor, Printed::AllFinished));
        }
        let (executor, pending) = line.strip_suffix(" pending tasks. Sleep until notified.")?.rsplit_once(": ")?;
        Some((executor, Printed::Sleep { pending: pending.parse().ok()? }))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while the lock was held leaves the data whole: every change is one call.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
