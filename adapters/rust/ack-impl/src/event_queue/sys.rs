//! The Linux system calls under the event queue, declared by hand (no libc crate), and the two
//! kinds of file descriptor it owns: an epoll instance and an eventfd.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_uint, c_void};
use std::io;
use std::os::fd::RawFd;

unsafe extern "C" {
    fn epoll_create1(flags: c_int) -> c_int;
    fn epoll_ctl(epfd: c_int, op: c_int, fd: c_int, event: *mut EpollEvent) -> c_int;
    fn epoll_wait(epfd: c_int, events: *mut EpollEvent, maxevents: c_int, timeout: c_int) -> c_int;
    fn eventfd(initval: c_uint, flags: c_int) -> c_int;
    fn read(fd: c_int, buf: *mut c_void, count: usize) -> isize;
    fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
    fn close(fd: c_int) -> c_int;
}

const EPOLL_CLOEXEC: c_int = 0x8_0000;
const EFD_CLOEXEC: c_int = 0x8_0000;
const EFD_NONBLOCK: c_int = 0x800;
const EPOLL_CTL_ADD: c_int = 1;
const EPOLL_CTL_DEL: c_int = 2;
const EPOLL_CTL_MOD: c_int = 3;
const EBADF: i32 = 9;

pub(crate) const EPOLLIN: u32 = 0x1;
pub(crate) const EPOLLOUT: u32 = 0x4;
pub(crate) const EPOLLERR: u32 = 0x8;
pub(crate) const EPOLLHUP: u32 = 0x10;
pub(crate) const EPOLLRDHUP: u32 = 0x2000;
pub(crate) const EPOLLONESHOT: u32 = 1 << 30;
pub(crate) const EPOLLET: u32 = 1 << 31;

/// The kernel's `struct epoll_event`. On x86-64 it is packed (12 bytes: the 64-bit data right
/// after the 32-bit flags), elsewhere it has C's natural layout (16 bytes). Fields are only ever
/// copied out, never borrowed, which is what a packed struct requires.
#[derive(Clone, Copy)]
#[cfg_attr(target_arch = "x86_64", repr(C, packed))]
#[cfg_attr(not(target_arch = "x86_64"), repr(C))]
pub(crate) struct EpollEvent {
    pub(crate) events: u32,
    /// The token, all 64 bits of it.
    pub(crate) data: u64,
}

#[cfg(target_arch = "x86_64")]
const _: () = assert!(std::mem::size_of::<EpollEvent>() == 12);

/// The error a closed descriptor gives: what using a closed source or waker reports.
pub(crate) fn closed() -> io::Error {
    io::Error::from_raw_os_error(EBADF)
}

/// The C convention: -1 means "look at errno".
fn check(result: c_int) -> io::Result<c_int> {
    if result < 0 { Err(io::Error::last_os_error()) } else { Ok(result) }
}

/// A file descriptor this process owns; dropping it closes it. A failed close is printed, not
/// fatal (EQ-30), as the book's `Drop for Registry` does.
#[derive(Debug)]
pub(crate) struct Fd(RawFd);

impl Fd {
    pub(crate) fn raw(&self) -> RawFd {
        self.0
    }
}

impl Drop for Fd {
    fn drop(&mut self) {
        // SAFETY: the descriptor is ours (Fd is only made from a descriptor a call just returned)
        // and is closed exactly once, here.
        if unsafe { close(self.0) } < 0 {
            eprintln!("ERROR: closing fd {}: {}", self.0, io::Error::last_os_error());
        }
    }
}

/// An epoll instance.
#[derive(Debug)]
pub(crate) struct Epoll(Fd);

impl Epoll {
    pub(crate) fn new() -> io::Result<Epoll> {
        // SAFETY: epoll_create1 takes flags only and touches no memory of ours.
        check(unsafe { epoll_create1(EPOLL_CLOEXEC) }).map(|fd| Epoll(Fd(fd)))
    }

    fn ctl(&self, op: c_int, fd: RawFd, event: Option<EpollEvent>) -> io::Result<()> {
        let mut event = event.unwrap_or(EpollEvent { events: 0, data: 0 });
        // SAFETY: `event` is a valid epoll_event for the duration of the call (DEL ignores it).
        check(unsafe { epoll_ctl(self.0.raw(), op, fd, &mut event) }).map(drop)
    }

    pub(crate) fn add(&self, fd: RawFd, events: u32, data: u64) -> io::Result<()> {
        self.ctl(EPOLL_CTL_ADD, fd, Some(EpollEvent { events, data }))
    }

    pub(crate) fn modify(&self, fd: RawFd, events: u32, data: u64) -> io::Result<()> {
        self.ctl(EPOLL_CTL_MOD, fd, Some(EpollEvent { events, data }))
    }

    pub(crate) fn delete(&self, fd: RawFd) -> io::Result<()> {
        self.ctl(EPOLL_CTL_DEL, fd, None)
    }

    /// Waits for at most `max` events into `buffer` and sets its length to the number the kernel
    /// wrote. `timeout_ms` is -1 for "no timeout". An interrupted wait is zero events (EQ-29).
    pub(crate) fn wait(&self, buffer: &mut Vec<EpollEvent>, max: usize, timeout_ms: c_int) -> io::Result<()> {
        buffer.clear();
        let capacity = c_int::try_from(max.min(buffer.capacity())).unwrap_or(c_int::MAX);
        // SAFETY: the kernel writes at most `capacity` events into the vector's allocation, which
        // has room for them; none of it is read before set_len below.
        let count = unsafe { epoll_wait(self.0.raw(), buffer.as_mut_ptr(), capacity, timeout_ms) };
        match check(count) {
            Ok(count) => {
                // SAFETY: epoll_wait initialised the first `count` events, and count <= capacity.
                unsafe { buffer.set_len(count as usize) };
                Ok(())
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => Ok(()),
            Err(error) => Err(error),
        }
    }
}

/// An eventfd: a kernel counter that is readable while it is not zero.
#[derive(Debug)]
pub(crate) struct EventFd(Fd);

impl EventFd {
    pub(crate) fn new() -> io::Result<EventFd> {
        // SAFETY: eventfd takes an initial value and flags and touches no memory of ours.
        check(unsafe { eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK) }).map(|fd| EventFd(Fd(fd)))
    }

    pub(crate) fn raw(&self) -> RawFd {
        self.0.raw()
    }

    /// Adds 1 to the counter. When it is full (after 2^64 - 2 unread wakes), empties it first.
    pub(crate) fn increment(&self) -> io::Result<()> {
        match self.write_one() {
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                let mut count = [0u8; 8];
                // SAFETY: reads at most 8 bytes into a live 8-byte buffer.
                unsafe { read(self.raw(), count.as_mut_ptr().cast(), count.len()) };
                self.write_one()
            }
            written => written,
        }
    }

    fn write_one(&self) -> io::Result<()> {
        let one = 1u64.to_ne_bytes();
        // SAFETY: writes 8 bytes from a live 8-byte buffer.
        let written = unsafe { write(self.raw(), one.as_ptr().cast(), one.len()) };
        if written < 0 { Err(io::Error::last_os_error()) } else { Ok(()) }
    }
}
