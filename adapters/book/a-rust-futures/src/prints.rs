//! What the book's executor says by printing, as the run's trace entries.
//!
//! The book's `Executor::block_on` reports with `println!`: `main: 2 pending tasks. Sleep until
//! notified.` before it parks, `main: All tasks are finished` before it returns (`main` is the
//! thread's name). The protocol's trace has an entry for each, `sleep` and `all-finished`
//! (spec/protocol.md §7). So descriptor 1, which `ack-adapter` pointed at stderr, becomes one end of
//! a socket pair; this module reads the other end, passes every line on to stderr, and records
//! those two lines in the trace of the run whose executor the line names.
//!
//! A `sleep` entry is recorded before any later entry of its executor: the executor printed the
//! line before it parked, so the line is in the socket when the executor's next poll calls [`take`]
//! first. While it sleeps, a watcher thread takes the lines, so that the runner sees the `sleep`
//! of a parked executor. Both read only under one lock, and record what they read before leaving
//! it.

use std::collections::HashMap;
use std::ffi::{c_int, c_short, c_ulong};
use std::io::{self, ErrorKind, Read};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread;

use ack_adapter::{Error, Result, Trace};

unsafe extern "C" {
    fn dup2(old: c_int, new: c_int) -> c_int;
    fn poll(fds: *mut PollFd, count: c_ulong, timeout_ms: c_int) -> c_int;
}

/// `struct pollfd`.
#[repr(C)]
struct PollFd {
    fd: c_int,
    events: c_short,
    revents: c_short,
}

const STDOUT: c_int = 1;
const POLLIN: c_short = 1;

/// The book's two lines, after the executor's name and `": "`.
const SLEEP: &str = " pending tasks. Sleep until notified.";
const ALL_FINISHED: &str = "All tasks are finished";

/// Descriptor 1's other end, and the runs that listen to it.
struct Prints {
    /// What was read of a line whose end has not come yet.
    lines: Mutex<(UnixStream, Vec<u8>)>,
    /// The trace of each running executor, by its thread's name.
    runs: Mutex<HashMap<String, Trace>>,
}

static PRINTS: OnceLock<std::result::Result<Prints, String>> = OnceLock::new();

/// While it lives, the book's lines that name this thread go into its run's trace.
pub(crate) struct Following(String);

/// Records the book's lines that name the calling thread, the run's executor, in `trace`. The
/// first call takes descriptor 1 over.
pub(crate) fn follow(trace: &Trace) -> Result<Following> {
    let prints = PRINTS.get_or_init(|| Prints::start().map_err(|error| error.to_string()));
    let prints = prints.as_ref().map_err(|error| Error::new(ack_adapter::ErrorKind::Io, error.clone()))?;
    let executor = thread::current().name().unwrap_or_default().to_owned();
    lock(&prints.runs).insert(executor.clone(), trace.clone());
    Ok(Following(executor))
}

/// Records what the book printed so far.
pub(crate) fn take() {
    if let Some(Ok(prints)) = PRINTS.get() {
        prints.take();
    }
}

impl Drop for Following {
    /// Takes the run's last line (`All tasks are finished`) before it stops listening.
    fn drop(&mut self) {
        if let Some(Ok(prints)) = PRINTS.get() {
            prints.take();
            lock(&prints.runs).remove(&self.0);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Prints {
    /// Points descriptor 1 at a new socket and starts the watcher on the other end.
    fn start() -> io::Result<Prints> {
        let (ours, printed) = UnixStream::pair()?;
        ours.set_nonblocking(true)?;
        // SAFETY: dup2 works on two descriptors of this process and touches no memory of ours;
        // descriptor 1 keeps the socket open after `printed` is dropped.
        if unsafe { dup2(printed.as_raw_fd(), STDOUT) } < 0 {
            return Err(io::Error::last_os_error());
        }
        let watched = ours.as_raw_fd();
        thread::Builder::new().name("book-prints".into()).spawn(move || watch(watched))?;
        Ok(Prints { lines: Mutex::new((ours, Vec::new())), runs: Mutex::default() })
    }

    /// Reads what is there and records every whole line, under the one lock.
    fn take(&self) {
        let mut lines = lock(&self.lines);
        let (socket, partial) = &mut *lines;
        let mut chunk = [0; 4096];
        loop {
            match socket.read(&mut chunk) {
                Ok(0) => break,
                Ok(read) => partial.extend_from_slice(&chunk[..read]),
                Err(error) if error.kind() == ErrorKind::Interrupted => continue,
                // WouldBlock: all of it was read
                Err(_) => break,
            }
        }
        while let Some(end) = partial.iter().position(|&byte| byte == b'\n') {
            let line: Vec<u8> = partial.drain(..=end).collect();
            self.record(String::from_utf8_lossy(&line[..end]).trim_end_matches('\r'));
        }
    }

    /// Passes `line` on to stderr and records it if it is one of the executor's two.
    fn record(&self, line: &str) {
        eprintln!("{line}");
        let Some((executor, said)) = line.rsplit_once(": ") else { return };
        let runs = lock(&self.runs);
        let Some(trace) = runs.get(executor) else { return };
        if said == ALL_FINISHED {
            trace.all_finished_of(executor);
        } else if let Some(pending) = said.strip_suffix(SLEEP).and_then(|count| count.parse().ok()) {
            trace.sleep_of(executor, pending);
        }
    }
}

/// The watcher: waits until the socket has something to read, then takes it.
fn watch(socket: c_int) {
    let mut readable = PollFd { fd: socket, events: POLLIN, revents: 0 };
    loop {
        // SAFETY: one `pollfd` that lives on this stack for the call; no timeout.
        if unsafe { poll(&mut readable, 1, -1) } > 0 {
            take();
        }
    }
}
