//! The book's `MaybeSelfRef` (ch09/d-pin): a value that may point into itself.
#![allow(unsafe_code)]

use std::marker::PhantomPinned;
use std::mem;
use std::pin::Pin;
use std::ptr;

/// The self-referential part: `a`, and `b`, which `init` points at `a`. A pin of the value pins
/// this part too (structural pinning, PN-11), so it carries the value's marker.
#[repr(C)]
#[derive(Debug)]
pub struct Inner<M> {
    a: i64,
    b: *mut i64,
    _marker: M,
}

/// A value with a field `a`, a raw pointer `b` into it, and a plain field `label`: 24 bytes, `a`
/// first. `M` is the marker that says whether it may be moved once pinned: [`PhantomPinned`] makes
/// it `!Unpin` ([`MaybeSelfRef`], as the book writes it), `()` leaves it `Unpin` ([`MovableSelfRef`]).
#[repr(C)]
#[derive(Debug)]
pub struct SelfRef<M> {
    inner: Inner<M>,
    label: i64,
}

/// The book's type: `!Unpin`, so a pin of it keeps it where it is.
pub type MaybeSelfRef = SelfRef<PhantomPinned>;

/// The same fields without `PhantomPinned`: `Unpin`, so a pin of it adds no restriction (PN-07).
pub type MovableSelfRef = SelfRef<()>;

impl<M: Default> Default for SelfRef<M> {
    /// `a` 0, `b` null, `label` 0.
    fn default() -> Self {
        SelfRef { inner: Inner { a: 0, b: ptr::null_mut(), _marker: M::default() }, label: 0 }
    }
}

impl<M> SelfRef<M> {
    /// The book's `init`: `b` points at this value's own `a`, where it is pinned.
    pub fn init(self: Pin<&mut Self>) {
        let inner = self.project().0;
        // SAFETY: only a field is written; nothing is moved out of the pin.
        let inner = unsafe { inner.get_unchecked_mut() };
        inner.b = &raw mut inner.a;
    }

    /// The pin projection: the self-referential part stays pinned, the label is a plain `&mut`.
    pub fn project(self: Pin<&mut Self>) -> (Pin<&mut Inner<M>>, &mut i64) {
        // SAFETY: `inner` is structurally pinned (it is only handed out pinned); `label` is not
        // (nothing points at it), so a `&mut` to it cannot move what the pin protects.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: `inner` is part of the pinned value and is never moved through this projection.
        (unsafe { Pin::new_unchecked(&mut this.inner) }, &mut this.label)
    }

    /// The self-referential part of a value that is not pinned: a plain `&mut` to the value gives
    /// one to its fields.
    pub fn inner_mut(&mut self) -> &mut Inner<M> {
        &mut self.inner
    }

    /// Field `a`.
    pub fn a(&self) -> i64 {
        self.inner.a
    }

    /// The address of field `a`.
    pub fn a_address(&self) -> usize {
        &raw const self.inner.a as usize
    }

    /// The raw pointer `b`; null until `init`.
    pub fn b(&self) -> *mut i64 {
        self.inner.b
    }

    /// Field `label`.
    pub fn label(&self) -> i64 {
        self.label
    }

    /// Swaps two values byte for byte, as `std::mem::swap` does, whatever their markers: no
    /// pointer is fixed up (PN-10). Needs `&mut` to both, which a pin of an `!Unpin` value never
    /// gives.
    pub fn swap<N>(this: &mut SelfRef<M>, other: &mut SelfRef<N>) {
        mem::swap(&mut this.inner.a, &mut other.inner.a);
        mem::swap(&mut this.inner.b, &mut other.inner.b);
        mem::swap(&mut this.label, &mut other.label);
    }
}

impl<M: Default> Inner<M> {
    /// Replaces `a` with `a` and `b` with null: a `mem::replace`, which moves the old part out,
    /// so it needs `&mut`, which the projection gives only for an `Unpin` part (PN-11).
    pub fn replace(&mut self, a: i64) {
        drop(mem::replace(self, Inner { a, b: ptr::null_mut(), _marker: M::default() }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::pin;

    #[test]
    fn the_layout_is_three_words_with_a_first() {
        assert_eq!(mem::size_of::<MaybeSelfRef>(), 24);
        assert_eq!(mem::offset_of!(MaybeSelfRef, inner.a), 0);
    }

    /// The book's `stack_pinning_macro`: pinned with `pin!`, the self-reference works.
    #[test]
    fn pinned_on_the_stack_the_self_reference_points_at_its_own_a() {
        let mut x = pin!(MaybeSelfRef::default());
        x.as_mut().init();
        assert_eq!(x.b() as usize, x.a_address());
        *x.as_mut().project().1 = 3;
        assert_eq!((x.a(), x.label()), (0, 3));
    }

    #[test]
    fn a_swap_moves_bytes_and_fixes_up_nothing() {
        let mut x = Box::pin(MovableSelfRef::default());
        x.as_mut().init();
        let mut y = MaybeSelfRef::default();
        SelfRef::swap(Pin::get_mut(x.as_mut()), &mut y);
        assert!(x.b().is_null());
        assert_eq!(y.b() as usize, x.a_address(), "y points into x");
    }
}
