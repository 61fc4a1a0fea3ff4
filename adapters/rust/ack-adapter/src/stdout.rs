//! Keeps stdout for the protocol (spec/protocol.md P-2, P-3).
//!
//! Redirecting Rust's `std::io::stdout` would not be enough: a `println!` deep in an
//! implementation, a C library or a child process writes to file descriptor 1 directly. So this
//! works one level down, once, at start-up: the protocol gets a private duplicate of descriptor 1,
//! and descriptor 1 itself becomes a duplicate of descriptor 2. From then on everything the
//! process prints the ordinary way lands in stderr, which the runner keeps for the reports, and
//! only replies reach the runner's stdout.
#![allow(unsafe_code)]

use std::ffi::c_int;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{FromRawFd, OwnedFd};

unsafe extern "C" {
    fn fcntl(fd: c_int, cmd: c_int, ...) -> c_int;
    fn dup2(old: c_int, new: c_int) -> c_int;
}

const STDOUT: c_int = 1;
const STDERR: c_int = 2;
/// `fcntl` command: duplicate onto the lowest free descriptor ≥ arg, with close-on-exec set.
const F_DUPFD_CLOEXEC: c_int = 1030;

/// Moves the protocol off descriptor 1 and sends descriptor 1 to stderr; returns the protocol's
/// stream. Call it before anything is printed.
pub(crate) fn take_for_protocol() -> io::Result<File> {
    // Whatever Rust's stdout buffered so far belongs to the old descriptor 1: the protocol's.
    io::stdout().flush()?;
    // SAFETY: fcntl with F_DUPFD_CLOEXEC takes an int argument and touches no memory of ours.
    let protocol = unsafe { fcntl(STDOUT, F_DUPFD_CLOEXEC, STDERR + 1) };
    if protocol < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `protocol` was just returned by fcntl: an open descriptor that nothing else owns.
    let protocol = unsafe { OwnedFd::from_raw_fd(protocol) };
    // SAFETY: dup2 on two descriptors of this process; it touches no memory of ours.
    if unsafe { dup2(STDERR, STDOUT) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(File::from(protocol))
}
