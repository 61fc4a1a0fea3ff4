//! A value of the area: where it is, how it is pinned, and the places it was moved out of.
#![allow(unsafe_code)]

use std::pin::Pin;

use super::{Error, Heap, Place, SelfRef, Stale};

/// How a value is held.
#[derive(Debug)]
enum Held<T> {
    /// `Box::pin`: pinned until dropped.
    Boxed(Pin<Place<T>>),
    /// Pinned in a scope (the book's `Pin::new_unchecked(&mut x)` on a stack value, or `pin!`):
    /// the place stands for the stack slot, and the pin is made afresh for each use while the
    /// scope lasts.
    Scoped(Place<T>),
    /// Not pinned (any more).
    Loose(Place<T>),
}

/// A value and its stale places, which it frees when it is dropped (the old stack slots of a Rust
/// value live as long as their frames; here as long as the value).
///
/// Which moves compile in Rust, and so which this type offers:
/// - a value that is not pinned moves ([`Value::move_out`]), whatever its type;
/// - a pinned value moves only if it is `Unpin` ([`Value::move_unpin`], through `Pin::into_inner`
///   or `Pin::get_mut`); for an `!Unpin` one there is no safe way to the place, so
///   `move_out`, [`Value::unpinned_mut`] and the replace of its pinned part answer
///   [`Error::MoveRefused`] where the compiler would refuse:
///
/// ```compile_fail
/// use ack_impl::pinning::MaybeSelfRef;
/// let pinned = Box::pin(MaybeSelfRef::default());
/// let moved = *std::pin::Pin::into_inner(pinned); // error: `PhantomPinned` cannot be unpinned
/// ```
///
/// - the escape hatch ([`Value::move_unchecked`], `Pin::into_inner_unchecked`) moves anything.
#[derive(Debug)]
pub struct Value<T> {
    /// Always `Some` but during a move, which takes the place out of its pin.
    held: Option<Held<T>>,
    stale: Vec<Stale>,
}

impl<T> Value<T> {
    /// `value` pinned in a new block until it is dropped.
    pub fn boxed(heap: &Heap, value: T) -> Value<T> {
        Value::holding(Held::Boxed(Place::pin(heap, value)))
    }

    /// `value` in a new block, pinned until [`Value::end_scope`].
    pub fn scoped(heap: &Heap, value: T) -> Value<T> {
        Value::holding(Held::Scoped(Place::new(heap, value)))
    }

    /// `value` in a new block, not pinned.
    pub fn loose(heap: &Heap, value: T) -> Value<T> {
        Value::holding(Held::Loose(Place::new(heap, value)))
    }

    fn holding(held: Held<T>) -> Value<T> {
        Value { held: Some(held), stale: Vec::new() }
    }

    fn held(&self) -> &Held<T> {
        self.held.as_ref().expect("a value is held between moves")
    }

    fn held_mut(&mut self) -> &mut Held<T> {
        self.held.as_mut().expect("a value is held between moves")
    }

    /// The value where it is now.
    fn get(&self) -> &T {
        match self.held() {
            Held::Boxed(pin) => pin,
            Held::Scoped(place) | Held::Loose(place) => place,
        }
    }

    /// The value's current place.
    pub fn address(&self) -> usize {
        std::ptr::from_ref(self.get()) as usize
    }

    /// The value, pinned for this call. A value that is not pinned is pinned for the call only,
    /// as the book's `stack_pinning_manual_problem` does with `Pin::new_unchecked` on a stack
    /// value, and may be moved afterwards. For a `!Unpin` value that breaks `Pin`'s contract on
    /// purpose: what the chapter shows. It stays memory-safe here because every place the value
    /// was in stays allocated until the value is dropped.
    pub fn as_pin_mut(&mut self) -> Pin<&mut T> {
        match self.held_mut() {
            Held::Boxed(pin) => pin.as_mut(),
            // SAFETY: see above: the place stays allocated until the value is dropped, and its
            // bytes change only through this value.
            Held::Scoped(place) | Held::Loose(place) => unsafe { Pin::new_unchecked(&mut **place) },
        }
    }

    /// `&mut` to a value that is not pinned; for a pinned one, where `Pin` gives no `&mut` to an
    /// `!Unpin` value, [`Error::MoveRefused`] naming `what` would be done with it.
    pub fn unpinned_mut(&mut self, what: &'static str) -> Result<&mut T, Error> {
        match self.held_mut() {
            Held::Loose(place) => Ok(place),
            Held::Boxed(_) | Held::Scoped(_) => Err(Error::MoveRefused(what)),
        }
    }

    /// Moves a value that is not pinned to a new place and returns its address;
    /// [`Error::MoveRefused`] for a pinned one.
    pub fn move_out(&mut self) -> Result<usize, Error> {
        match self.held.as_mut().expect("a value is held between moves") {
            Held::Loose(place) => {
                self.stale.push(Place::relocate(place));
                Ok(self.address())
            }
            Held::Boxed(_) | Held::Scoped(_) => Err(Error::MoveRefused("a move")),
        }
    }

    /// The escape hatch: moves the value even when it is pinned, and keeps it pinned at its new
    /// place. A self-reference inside it still points at the old place (PN-05).
    pub fn move_unchecked(&mut self) -> usize {
        // SAFETY: none; this is the `unsafe` the spec asks for by name. The old place stays
        // allocated until the value is dropped, so what still points there reads stale bytes.
        self.relocate_with(
            |pin| unsafe { Pin::into_inner_unchecked(pin) },
            |place| unsafe { Pin::new_unchecked(place) },
        )
    }

    /// Ends the scope of a scoped pin: the value is not pinned any more.
    pub fn end_scope(&mut self) -> Result<(), Error> {
        match self.held.take() {
            Some(Held::Scoped(place)) => {
                self.held = Some(Held::Loose(place));
                Ok(())
            }
            other => {
                self.held = other;
                Err(Error::NotScoped)
            }
        }
    }

    /// Takes the place out of its holder, moves the value, and puts the place back as it was
    /// held; `unpin` and `repin` cross a heap pin.
    fn relocate_with(
        &mut self,
        unpin: impl FnOnce(Pin<Place<T>>) -> Place<T>,
        repin: impl FnOnce(Place<T>) -> Pin<Place<T>>,
    ) -> usize {
        let held = match self.held.take().expect("a value is held between moves") {
            Held::Boxed(pin) => {
                let mut place = unpin(pin);
                self.stale.push(Place::relocate(&mut place));
                Held::Boxed(repin(place))
            }
            Held::Scoped(mut place) => {
                self.stale.push(Place::relocate(&mut place));
                Held::Scoped(place)
            }
            Held::Loose(mut place) => {
                self.stale.push(Place::relocate(&mut place));
                Held::Loose(place)
            }
        };
        self.held = Some(held);
        self.address()
    }
}

impl<T: Unpin> Value<T> {
    /// `&mut` to an `Unpin` value, pinned or not (`Pin::get_mut`).
    pub fn get_mut(&mut self) -> &mut T {
        self.as_pin_mut().get_mut()
    }

    /// Moves an `Unpin` value, pinned or not (`Pin::into_inner`, then `Pin::new`), and returns its
    /// new address.
    pub fn move_unpin(&mut self) -> usize {
        self.relocate_with(Pin::into_inner, Pin::new)
    }
}

impl<M> Value<SelfRef<M>> {
    /// The integer at `b`: `None` when `b` is null, [`Error::Dangling`] when it points at freed
    /// memory.
    pub fn through_b(&self, heap: &Heap) -> Result<Option<i64>, Error> {
        match self.checked_b(heap) {
            Ok(b) => {
                // SAFETY: `b` points at 8 bytes inside a live block of this heap (checked), which
                // only this single-threaded area writes, and no reference to them is held now.
                Ok(Some(unsafe { b.read_unaligned() }))
            }
            Err(Error::NullPointer) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Writes `number` where `b` points, wherever that is now.
    pub fn write_through(&mut self, heap: &Heap, number: i64) -> Result<(), Error> {
        let b = self.checked_b(heap)?;
        // SAFETY: as in `through_b`; `&mut self` keeps every reference to this value away.
        unsafe { b.write_unaligned(number) };
        Ok(())
    }

    fn checked_b(&self, heap: &Heap) -> Result<*mut i64, Error> {
        let b = self.get().b();
        if b.is_null() {
            Err(Error::NullPointer)
        } else if heap.holds(b as usize, size_of::<i64>()) {
            Ok(b)
        } else {
            Err(Error::Dangling(b as usize))
        }
    }
}

impl<T> std::ops::Deref for Value<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.get()
    }
}
