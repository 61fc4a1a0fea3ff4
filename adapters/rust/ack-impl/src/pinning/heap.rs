//! The blocks of memory the area holds: real allocations, counted, so that `pn.live` can show
//! that nothing leaks (PN-01) and a raw pointer can be checked before it is followed.
#![allow(unsafe_code)]

use std::alloc::{self, Layout};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ptr::NonNull;
use std::rc::Rc;

/// The global allocator, with a ledger of the blocks it gave the area and has not got back.
/// Cloning shares the ledger.
#[derive(Debug, Clone, Default)]
pub struct Heap {
    /// Start address → length of every live block.
    blocks: Rc<RefCell<BTreeMap<usize, usize>>>,
}

impl Heap {
    /// How many blocks are allocated now.
    pub fn live_blocks(&self) -> usize {
        self.blocks.borrow().len()
    }

    /// Whether the `len` bytes at `address` lie inside one live block.
    pub fn holds(&self, address: usize, len: usize) -> bool {
        let blocks = self.blocks.borrow();
        blocks
            .range(..=address)
            .next_back()
            .is_some_and(|(start, size)| address.checked_add(len).is_some_and(|end| end <= start + size))
    }

    /// A new block for `layout`, which must not be zero-sized.
    pub(super) fn allocate(&self, layout: Layout) -> NonNull<u8> {
        assert_ne!(layout.size(), 0, "a place has bytes");
        // SAFETY: the layout is not zero-sized (checked above).
        let block = unsafe { alloc::alloc(layout) };
        let Some(block) = NonNull::new(block) else { alloc::handle_alloc_error(layout) };
        self.blocks.borrow_mut().insert(block.as_ptr() as usize, layout.size());
        block
    }

    /// Gives `block` back.
    ///
    /// # Safety
    /// `block` came from [`Heap::allocate`] of this heap with `layout`, and is not used again.
    pub(super) unsafe fn free(&self, block: NonNull<u8>, layout: Layout) {
        self.blocks.borrow_mut().remove(&(block.as_ptr() as usize));
        // SAFETY: the caller's promise: allocated with this layout, not used again.
        unsafe { alloc::dealloc(block.as_ptr(), layout) };
    }
}
