//! The book's self-referential coroutine (ch09/b): a buffer and a writer into it, across two
//! waits, as the hand-written state machine `corofy` would make of it.
#![allow(unsafe_code)]

use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::ptr;
use std::task::{Context, Poll};

use super::{Addresses, Wait};

/// What the buffer starts with.
pub const START: &str = "\nBUFFER:\n----\n";

const CAPACITY: usize = 256;

/// A text buffer inside the coroutine's own bytes. The book's is a `String`, whose bytes are on
/// the heap; here they are inline, so that a move copies them and the stale copy is a whole,
/// independent buffer (a moved `String` would share its heap bytes with its stale copy).
#[derive(Debug)]
struct Buffer {
    len: usize,
    bytes: [u8; CAPACITY],
}

impl Buffer {
    fn push(&mut self, text: &str) {
        let end = self.len + text.len();
        assert!(end <= CAPACITY, "the buffer holds {CAPACITY} bytes at most");
        self.bytes[self.len..end].copy_from_slice(text.as_bytes());
        self.len = end;
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes[..self.len]).into_owned()
    }
}

#[derive(Debug)]
enum Stage {
    Start,
    First(Wait),
    Second(Wait),
    Resolved,
}

/// The coroutine: its state holds the `buffer`, and a `writer`, a raw pointer to the buffer that
/// the first poll sets; after each wait it appends the response and a newline **through the
/// writer** (PN-02). Its value is the buffer in its own state at its end.
///
/// `M` is the marker: [`PhantomPinned`] makes it `!Unpin` ([`PinnedBufferCoroutine`], ch09/e), so
/// no executor can move it after it is pinned; `()` leaves it `Unpin` ([`MovableBufferCoroutine`],
/// as ch09/c wrongly has it), and an executor that moves it after the first poll breaks it.
#[derive(Debug)]
pub struct BufferCoroutine<M> {
    stage: Stage,
    writer: *mut Buffer,
    buffer: Buffer,
    responses: [String; 2],
    polls: Addresses,
    _marker: M,
}

/// The buffer coroutine as ch09/e has it: `!Unpin`.
pub type PinnedBufferCoroutine = BufferCoroutine<PhantomPinned>;

/// The buffer coroutine as ch09/c has it: `Unpin`, although it points into itself.
pub type MovableBufferCoroutine = BufferCoroutine<()>;

impl<M: Default> BufferCoroutine<M> {
    /// A coroutine whose waits deliver `responses` in order, recording its address at each poll
    /// into `polls`; nothing runs before the first poll.
    pub fn new(responses: [String; 2], polls: Addresses) -> Self {
        BufferCoroutine {
            stage: Stage::Start,
            writer: ptr::null_mut(),
            buffer: Buffer { len: 0, bytes: [0; CAPACITY] },
            responses,
            polls,
            _marker: M::default(),
        }
    }
}

impl<M> BufferCoroutine<M> {
    /// Appends through the writer, wherever it points.
    fn write(&mut self, text: &str) {
        // SAFETY: the writer was set at the first poll to the buffer in this coroutine's place.
        // If the coroutine was moved since (only an `Unpin` one can be: ch09/c's mistake), it
        // points at the stale place, which the executor keeps allocated until the run ends, so the
        // write lands in live memory, just not in this coroutine's buffer.
        unsafe { (*self.writer).push(text) };
    }
}

impl<M> Future for BufferCoroutine<M> {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        // SAFETY: fields are changed in place; nothing is moved out of the pinned coroutine.
        let this = unsafe { self.get_unchecked_mut() };
        this.polls.record(this);
        loop {
            let waiting = match &mut this.stage {
                Stage::Start => {
                    this.writer = &raw mut this.buffer;
                    this.write(START);
                    this.stage = Stage::First(Wait::new(std::mem::take(&mut this.responses[0])));
                    continue;
                }
                Stage::First(wait) | Stage::Second(wait) => Pin::new(wait).poll(cx),
                Stage::Resolved => panic!("BufferCoroutine polled after it returned Ready"),
            };
            let Poll::Ready(response) = waiting else { return Poll::Pending };
            this.write(&response);
            this.write("\n");
            match this.stage {
                Stage::First(_) => this.stage = Stage::Second(Wait::new(std::mem::take(&mut this.responses[1]))),
                _ => {
                    this.stage = Stage::Resolved;
                    return Poll::Ready(this.buffer.text());
                }
            }
        }
    }
}
