//! Keeps stdout for the protocol (spec/protocol.md PR-02, PR-03).
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
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use crate::json::Json;

unsafe extern "C" {
    fn dup(fd: c_int) -> c_int;
    fn dup2(old: c_int, new: c_int) -> c_int;
    fn fcntl(fd: c_int, cmd: c_int, ...) -> c_int;
}

const STDOUT: c_int = 1;
const STDERR: c_int = 2;
/// `fcntl` command and flag (the same on Linux, macOS and the BSDs): child processes the
/// implementation starts do not inherit the protocol.
const F_SETFD: c_int = 2;
const FD_CLOEXEC: c_int = 1;

/// Moves the protocol off descriptor 1 and sends descriptor 1 to stderr; returns the protocol's
/// stream. Call it before anything is printed.
pub(crate) fn take_for_protocol() -> io::Result<File> {
    // Whatever Rust's stdout buffered so far belongs to the old descriptor 1: the protocol's.
    io::stdout().flush()?;
    // SAFETY: dup on a descriptor of this process; it touches no memory of ours.
    let protocol = unsafe { dup(STDOUT) };
    if protocol < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `protocol` was just returned by dup: an open descriptor that nothing else owns.
    let protocol = unsafe { OwnedFd::from_raw_fd(protocol) };
    // SAFETY: fcntl(F_SETFD) takes an int argument and changes a flag of our own descriptor;
    // dup2 works on two descriptors of this process. Neither touches memory of ours.
    if unsafe { fcntl(protocol.as_raw_fd(), F_SETFD, FD_CLOEXEC) } < 0 || unsafe { dup2(STDERR, STDOUT) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(File::from(protocol))
}

/// Sends one message as its line with a single write, then flushes: `Display` writes a message
/// piece by piece, and on the unbuffered protocol stream each piece would be a system call of its
/// own, some thirty for a small reply.
pub(crate) fn send_line(out: &mut impl Write, message: &Json) -> io::Result<()> {
    out.write_all(format!("{message}\n").as_bytes())?;
    out.flush()
}
