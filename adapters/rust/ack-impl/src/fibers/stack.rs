//! Stacks: a fiber's own, with a guard page below it, and the bounds of a thread's stack.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_long, c_void};
use std::io;
use std::ops::Range;
use std::ptr;

unsafe extern "C" {
    fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, offset: i64) -> *mut c_void;
    fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> c_int;
    fn munmap(addr: *mut c_void, len: usize) -> c_int;
    fn sysconf(name: c_int) -> c_long;
    fn pthread_self() -> usize;
    fn pthread_getattr_np(thread: usize, attr: *mut PthreadAttr) -> c_int;
    fn pthread_attr_getstack(attr: *const PthreadAttr, addr: *mut *mut c_void, size: *mut usize) -> c_int;
    fn pthread_attr_destroy(attr: *mut PthreadAttr) -> c_int;
}

const PROT_NONE: c_int = 0;
const PROT_READ: c_int = 1;
const PROT_WRITE: c_int = 2;
const MAP_PRIVATE: c_int = 0x02;
const MAP_ANONYMOUS: c_int = 0x20;
const MAP_NORESERVE: c_int = 0x4000;
const MAP_STACK: c_int = 0x2_0000;
const MAP_FAILED: *mut c_void = !0 as *mut c_void;
const SC_PAGESIZE: c_int = 30;

/// glibc's `pthread_attr_t` on x86-64: 56 opaque bytes.
#[repr(C, align(8))]
struct PthreadAttr([u8; 56]);

/// Room kept below every stack's budget for the code that finds the budget spent and reports it:
/// checks happen before each deep call, so no frame of the program ever reaches this far.
pub(crate) const RESERVE: usize = 64 * 1024;

fn page_size() -> usize {
    // SAFETY: sysconf reads a system setting; it touches no memory of ours.
    usize::try_from(unsafe { sysconf(SC_PAGESIZE) }).unwrap_or(4096)
}

/// A fiber's stack: `size` bytes for the fiber, [`RESERVE`] below them, and below that a page
/// nobody may touch, so an overflow that got past the checks faults instead of silently
/// overwriting the memory beneath (FB-18). Memory is committed only as the fiber touches it.
#[derive(Debug)]
pub(crate) struct Stack {
    mapping: *mut c_void,
    len: usize,
    guard: usize,
}

impl Stack {
    pub(crate) fn new(size: usize) -> io::Result<Stack> {
        let page = page_size();
        let too_big = || io::Error::new(io::ErrorKind::InvalidInput, format!("a stack of {size} bytes is too big"));
        let usable = size.checked_add(RESERVE).and_then(|n| n.checked_next_multiple_of(page)).ok_or_else(too_big)?;
        let len = usable.checked_add(page).ok_or_else(too_big)?;
        let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK;
        // SAFETY: a new anonymous mapping; no existing memory is affected.
        let mapping = unsafe { mmap(ptr::null_mut(), len, PROT_READ | PROT_WRITE, flags, -1, 0) };
        if mapping == MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let stack = Stack { mapping, len, guard: page };
        // SAFETY: the lowest page of the mapping just made, which nothing uses yet.
        if unsafe { mprotect(mapping, page, PROT_NONE) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(stack)
    }

    /// The addresses the fiber may use, the reserve included: stacks grow down from `end`.
    pub(crate) fn usable(&self) -> Range<usize> {
        let start = self.mapping as usize + self.guard;
        start..self.mapping as usize + self.len
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        // SAFETY: the mapping is ours, made in `new`, and no fiber runs on it any more: a runtime
        // drops its stacks only when it is dropped, from the base context.
        if unsafe { munmap(self.mapping, self.len) } < 0 {
            eprintln!("ERROR: unmapping a fiber stack: {}", io::Error::last_os_error());
        }
    }
}

/// The stack of the calling thread: where the base context runs.
pub(crate) fn thread_stack() -> Option<Range<usize>> {
    let mut attr = PthreadAttr([0; 56]);
    let (mut addr, mut size) = (ptr::null_mut(), 0);
    // SAFETY: `attr` is a pthread_attr_t-sized buffer that pthread_getattr_np initialises and that
    // is destroyed once; getstack writes into two live locals.
    unsafe {
        if pthread_getattr_np(pthread_self(), &mut attr) != 0 {
            return None;
        }
        let found = pthread_attr_getstack(&attr, &mut addr, &mut size);
        pthread_attr_destroy(&mut attr);
        (found == 0).then(|| addr as usize..addr as usize + size)
    }
}

/// An address in the caller's frame: close enough to the stack pointer to measure what is left.
#[inline(always)]
pub(crate) fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}
