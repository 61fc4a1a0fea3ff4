//! Registry: adds, changes and removes the sources a poll instance watches.

use std::io;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::sys::{EPOLLIN, EPOLLOUT, EPOLLRDHUP, Epoll, EpollEvent, EventFd};
use super::{Interest, Mode, Source, Token};

/// The registry of one poll instance. Cloning it is cheap and every clone works from any thread,
/// also while another thread blocks in [`Poll::poll`](super::Poll::poll) on the same instance: the
/// kernel applies `epoll_ctl` to a running `epoll_wait` (EQ-23). It is mio's `try_clone`, without a
/// `dup`.
#[derive(Debug, Clone)]
pub struct Registry {
    selector: Arc<Selector>,
}

/// A waker's eventfd: the waker uses it, the poll instance closes it when it closes (EQ-26).
pub(crate) type WakerFd = Mutex<Option<EventFd>>;

/// The epoll instance, and the eventfds of the wakers bound to it. Dropped with the last
/// registry, which is when the poll instance and all its clones are gone.
#[derive(Debug)]
struct Selector {
    epoll: Epoll,
    wakers: Mutex<Vec<Weak<WakerFd>>>,
}

impl Drop for Selector {
    fn drop(&mut self) {
        let wakers = std::mem::take(&mut *self.wakers.lock().unwrap_or_else(PoisonError::into_inner));
        for waker in wakers.iter().filter_map(Weak::upgrade) {
            waker.lock().unwrap_or_else(PoisonError::into_inner).take();
        }
    }
}

fn flags(interests: Interest, mode: Mode) -> u32 {
    let readable = if interests.is_readable() { EPOLLIN | EPOLLRDHUP } else { 0 };
    let writable = if interests.is_writable() { EPOLLOUT } else { 0 };
    readable | writable | mode.flags()
}

impl Registry {
    pub(crate) fn new() -> io::Result<Registry> {
        let selector = Selector { epoll: Epoll::new()?, wakers: Mutex::default() };
        Ok(Registry { selector: Arc::new(selector) })
    }

    /// Watches `source` for `interests`, reporting it under `token`. `AlreadyRegistered` (`EEXIST`)
    /// if it is registered already; a closed source is `EBADF`.
    pub fn register<S: Source + ?Sized>(
        &self,
        source: &S,
        token: Token,
        interests: Interest,
        mode: Mode,
    ) -> io::Result<()> {
        self.selector.epoll.add(source.raw_fd()?, flags(interests, mode), token.0 as u64)
    }

    /// Replaces the token, interests and mode of a registered `source`, and re-arms a oneshot
    /// registration. `ENOENT` if it is not registered here.
    pub fn reregister<S: Source + ?Sized>(
        &self,
        source: &S,
        token: Token,
        interests: Interest,
        mode: Mode,
    ) -> io::Result<()> {
        self.selector.epoll.modify(source.raw_fd()?, flags(interests, mode), token.0 as u64)
    }

    /// Stops watching `source`. `ENOENT` if it is not registered here.
    pub fn deregister<S: Source + ?Sized>(&self, source: &S) -> io::Result<()> {
        self.selector.epoll.delete(source.raw_fd()?)
    }

    /// Registers a waker's eventfd (edge-triggered, so a wake is reported once) and makes this
    /// poll instance its owner.
    pub(crate) fn adopt_waker(&self, waker: &Arc<WakerFd>, token: Token) -> io::Result<()> {
        if let Some(fd) = &*waker.lock().unwrap_or_else(PoisonError::into_inner) {
            self.selector.epoll.add(fd.raw(), EPOLLIN | Mode::EDGE.flags(), token.0 as u64)?;
        }
        let mut wakers = self.selector.wakers.lock().unwrap_or_else(PoisonError::into_inner);
        wakers.retain(|waker| waker.strong_count() > 0);
        wakers.push(Arc::downgrade(waker));
        Ok(())
    }

    pub(crate) fn wait(&self, buffer: &mut Vec<EpollEvent>, max: usize, timeout_ms: i32) -> io::Result<()> {
        self.selector.epoll.wait(buffer, max, timeout_ms)
    }
}
