//! Source: what can be registered.

use std::io;
use std::os::fd::RawFd;

/// Something with an OS handle the kernel can watch: a [`TcpStream`](super::TcpStream).
pub trait Source {
    /// The file descriptor to register; `EBADF` once the source is closed, which is what the kernel
    /// says about a closed descriptor too (EQ-16).
    fn raw_fd(&self) -> io::Result<RawFd>;
}
