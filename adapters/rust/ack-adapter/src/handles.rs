//! Handles (spec/protocol.md §4): the positive integers by which requests name the objects an
//! implementation created. One [`Handles`] counter serves every area, so a number names one object
//! in the whole process; each kind of object lives in a [`Table`] of its own, so a handle of
//! another kind is simply not found there. Numbers are never reused, not even after `reset`, so a
//! released handle stays unknown.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Result};

/// Issues handle numbers: 1, 2, 3, … for the life of the process.
#[derive(Debug, Default)]
pub(crate) struct Handles {
    last: u64,
}

impl Handles {
    fn next(&mut self) -> u64 {
        self.last += 1;
        self.last
    }
}

/// The objects of one kind (poll instances, runs, …) by handle.
pub(crate) struct Table<T> {
    kind: &'static str,
    objects: HashMap<u64, T>,
}

impl<T> Table<T> {
    /// An empty table; `kind` names its objects in `UnknownHandle` messages ("poll", "parker").
    pub(crate) fn new(kind: &'static str) -> Table<T> {
        Table { kind, objects: HashMap::new() }
    }

    /// Keeps `object` under a new handle and returns the handle.
    pub(crate) fn issue(&mut self, handles: &mut Handles, object: T) -> u64 {
        let handle = handles.next();
        self.objects.insert(handle, object);
        handle
    }

    pub(crate) fn get(&self, handle: u64) -> Result<&T> {
        self.objects.get(&handle).ok_or_else(|| unknown(self.kind, handle))
    }

    pub(crate) fn get_mut(&mut self, handle: u64) -> Result<&mut T> {
        self.objects.get_mut(&handle).ok_or_else(|| unknown(self.kind, handle))
    }

    /// Two different objects at once (`pn.swap`); the handles must differ.
    pub(crate) fn get_disjoint_mut(&mut self, handles: [u64; 2]) -> Result<[&mut T; 2]> {
        assert_ne!(handles[0], handles[1], "the caller checks that the handles differ");
        match self.objects.get_disjoint_mut([&handles[0], &handles[1]]) {
            [Some(first), Some(second)] => Ok([first, second]),
            [None, _] => Err(unknown(self.kind, handles[0])),
            [_, None] => Err(unknown(self.kind, handles[1])),
        }
    }

    /// Forgets `handle` and hands its object back, to be closed.
    pub(crate) fn release(&mut self, handle: u64) -> Result<T> {
        self.objects.remove(&handle).ok_or_else(|| unknown(self.kind, handle))
    }

    /// Forgets every handle of this table and hands the objects back, to be closed (`reset`).
    pub(crate) fn release_all(&mut self) -> impl Iterator<Item = T> + '_ {
        self.objects.drain().map(|(_, object)| object)
    }

    /// Forgets every handle of this table and drops the objects (`reset`).
    pub(crate) fn clear(&mut self) {
        self.objects.clear();
    }
}

fn unknown(kind: &str, handle: u64) -> Error {
    Error::new(ErrorKind::UnknownHandle, format!("handle {handle} names no {kind} of this adapter"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_unique_across_tables_and_never_reused() {
        let mut handles = Handles::default();
        let mut polls = Table::new("poll");
        let mut wakers = Table::new("waker");
        let poll = polls.issue(&mut handles, "p");
        let waker = wakers.issue(&mut handles, "w");
        assert_eq!((poll, waker), (1, 2));
        assert_eq!(polls.get(poll), Ok(&"p"));
        assert_eq!(polls.get(waker).unwrap_err().kind(), ErrorKind::UnknownHandle, "another kind");
        assert_eq!(polls.get(99).unwrap_err().kind(), ErrorKind::UnknownHandle, "never issued");
        let other = polls.issue(&mut handles, "o");
        assert_eq!(polls.get_disjoint_mut([poll, other]).map(|[p, o]| (*p, *o)), Ok(("p", "o")));
        assert_eq!(polls.get_disjoint_mut([poll, waker]).unwrap_err().kind(), ErrorKind::UnknownHandle);
        assert_eq!(polls.release(other), Ok("o"));
        assert_eq!(polls.release(poll), Ok("p"));
        assert_eq!(polls.get(poll).unwrap_err().kind(), ErrorKind::UnknownHandle, "released");
        assert_eq!(polls.release(poll).unwrap_err().kind(), ErrorKind::UnknownHandle);
        assert_eq!(wakers.release_all().collect::<Vec<_>>(), ["w"]);
        assert_eq!(polls.issue(&mut handles, "q"), 4, "numbers are not reused");
    }

    #[test]
    fn unknown_handles_name_the_kind_wanted() {
        let table: Table<()> = Table::new("parker");
        assert_eq!(table.get(7).unwrap_err().message(), "handle 7 names no parker of this adapter");
    }
}
