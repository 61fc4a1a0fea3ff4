//! A place: one value in a block of its own, like a `Box`, but counted by the area's [`Heap`],
//! and able to show what a move is.
#![allow(unsafe_code)]

use std::alloc::Layout;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::ptr::{self, NonNull};

use super::Heap;

/// An owned `T` at an address of its own, which stays put as long as the place lives (a `Box`
/// does the same; this one reports to a [`Heap`]). Hence [`Place::pin`], the book's `Box::pin`.
#[derive(Debug)]
pub struct Place<T> {
    value: NonNull<T>,
    heap: Heap,
}

/// The place is a pointer: moving it does not move the value, whatever `T` is (as for `Box`).
impl<T> Unpin for Place<T> {}

impl<T> Place<T> {
    /// Moves `value` into a new block.
    pub fn new(heap: &Heap, value: T) -> Place<T> {
        let place = heap.allocate(Layout::new::<T>()).cast::<T>();
        // SAFETY: a fresh block with T's layout: aligned, writable, and nobody else's.
        unsafe { place.write(value) };
        Place { value: place, heap: heap.clone() }
    }

    /// Moves `value` into a new block and pins it there until it is dropped: the book's
    /// `Box::pin`. Not `Unpin`, it can never be moved again without `unsafe`.
    pub fn pin(heap: &Heap, value: T) -> Pin<Place<T>> {
        // SAFETY: the value never leaves its block: `Place` has no method that moves it out but
        // `relocate`, which needs `&mut Place`, and `Pin` gives that out only for `T: Unpin`
        // (`Pin::into_inner`) or through `unsafe` (`Pin::into_inner_unchecked`).
        unsafe { Pin::new_unchecked(Place::new(heap, value)) }
    }

    /// The value's address.
    pub fn address(this: &Self) -> usize {
        this.value.as_ptr() as usize
    }

    /// Moves the value to a new block, exactly as Rust moves a value: its bytes are copied, and
    /// nothing inside them is fixed up (PN-10). The old block keeps its bytes, stale, until the
    /// returned [`Stale`] is dropped, like the stack slot a value was moved out of: a pointer
    /// that still points there reads old bytes, not freed memory.
    pub fn relocate(this: &mut Self) -> Stale {
        let layout = Layout::new::<T>();
        let target = this.heap.allocate(layout).cast::<T>();
        // SAFETY: both blocks hold T's layout and are distinct; the value is owned by this place,
        // and from now on only the new copy is used as a T (the old one is never dropped).
        unsafe { ptr::copy_nonoverlapping(this.value.as_ptr(), target.as_ptr(), 1) };
        let old = std::mem::replace(&mut this.value, target);
        Stale { block: old.cast(), layout, heap: this.heap.clone() }
    }
}

impl<T> Deref for Place<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the block holds an initialised T for as long as the place lives.
        unsafe { self.value.as_ref() }
    }
}

impl<T> DerefMut for Place<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`, and `&mut self` makes the access exclusive.
        unsafe { self.value.as_mut() }
    }
}

impl<T> Drop for Place<T> {
    fn drop(&mut self) {
        // SAFETY: the block holds a T nobody else drops; it came from this heap with T's layout
        // and is not used after this.
        unsafe {
            ptr::drop_in_place(self.value.as_ptr());
            self.heap.free(self.value.cast(), Layout::new::<T>());
        }
    }
}

/// The block a value was moved out of: its stale bytes, never dropped as a value (they were
/// moved), freed when this is dropped.
#[derive(Debug)]
pub struct Stale {
    block: NonNull<u8>,
    layout: Layout,
    heap: Heap,
}

impl Drop for Stale {
    fn drop(&mut self) {
        // SAFETY: `relocate` allocated the block from this heap with this layout, and gave it to
        // this `Stale` alone.
        unsafe { self.heap.free(self.block, self.layout) };
    }
}
