//! The runtime: a fixed table of slots, round-robin yield, spawn, run.
#![allow(unsafe_code)]

use std::cell::{Cell, RefCell, UnsafeCell};
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::rc::{Rc, Weak};

use super::Error;
use super::context::{Context, switch};
use super::stack::{self, RESERVE, Stack};

/// The book's `MAX_THREADS`: the base context and room for three fibers.
pub const DEFAULT_SLOTS: usize = 4;
/// The book's `DEFAULT_STACK_SIZE`: 2 MiB.
pub const DEFAULT_STACK_SIZE: usize = 2 * 1024 * 1024;

/// Where a slot is: the book's `State`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Free for a spawn.
    Available,
    /// Waiting for its turn.
    Ready,
    /// On the CPU; exactly one slot at a time.
    Running,
}

/// One slot: the book's `Thread`.
struct Slot {
    state: Cell<State>,
    /// Written by `switch` when the slot's context is suspended, read when it resumes.
    context: UnsafeCell<Context>,
    /// The fiber's own stack; `None` for slot 0, the base context, which runs on the thread's.
    stack: Option<Stack>,
    /// The closure a spawn put here, taken out (so run exactly once) when the fiber starts.
    task: Cell<Option<Box<dyn FnOnce()>>>,
}

struct Inner {
    slots: Box<[Slot]>,
    current: Cell<usize>,
    /// Where the base context's stack is, for its stack checks.
    base_stack: Option<Range<usize>>,
}

/// A fiber runtime: the base context (slot 0, the thread that made the runtime) and fibers in
/// slots 1.., each on a stack of its own, scheduled cooperatively and round robin (FB-05).
///
/// Cloning gives another handle to the same runtime (for closures that spawn or yield); the
/// runtime, and every stack, is freed with the last handle. It stays on its thread (`!Send`).
#[derive(Clone)]
pub struct Runtime(Rc<Inner>);

thread_local! {
    /// The book's global `RUNTIME` pointer, per thread and checked: set by `init`, dead once the
    /// runtime is dropped.
    static CURRENT: RefCell<Weak<Inner>> = const { RefCell::new(Weak::new()) };
}

impl Runtime {
    /// A runtime of `slots` slots (the base context counted) and fibers with stacks of
    /// `stack_size` bytes, all allocated now (FB-01, FB-03).
    pub fn new(slots: usize, stack_size: usize) -> Result<Runtime, Error> {
        if slots == 0 || stack_size == 0 {
            return Err(Error::InvalidArgument("a runtime needs at least one slot and stacks of at least one byte"));
        }
        let mut table = Vec::new();
        table.try_reserve_exact(slots).map_err(|_| Error::InvalidArgument("too many slots"))?;
        for id in 0..slots {
            table.push(Slot {
                state: Cell::new(if id == 0 { State::Running } else { State::Available }),
                context: UnsafeCell::new(Context::default()),
                stack: if id == 0 { None } else { Some(Stack::new(stack_size).map_err(Error::Io)?) },
                task: Cell::new(None),
            });
        }
        let inner = Inner { slots: table.into(), current: Cell::new(0), base_stack: stack::thread_stack() };
        Ok(Runtime(Rc::new(inner)))
    }

    /// Makes this runtime the current one of this thread, which [`spawn`] and [`yield_now`] use
    /// (the book's `init`).
    pub fn init(&self) {
        CURRENT.with(|current| *current.borrow_mut() = Rc::downgrade(&self.0));
    }

    /// The running context's id: its slot (FB-14).
    pub fn current_id(&self) -> usize {
        self.0.current.get()
    }

    /// Puts `task` into the lowest available slot and makes it ready; it runs when the rotation
    /// reaches it, not now (FB-04). `NoFreeSlot` when every slot is taken (FB-02).
    pub fn spawn(&self, task: impl FnOnce() + 'static) -> Result<usize, Error> {
        let inner = &*self.0;
        let (id, slot) = inner
            .slots
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, slot)| slot.state.get() == State::Available)
            .ok_or(Error::NoFreeSlot)?;
        let Some(stack) = &slot.stack else { return Err(Error::NoFreeSlot) };
        slot.task.set(Some(Box::new(task)));
        // SAFETY: the slot is available, so no fiber runs on its stack or will switch back to its
        // context; `fiber_main` never returns.
        let context = unsafe { Context::starting(stack.usable().end, fiber_main, Rc::as_ptr(&self.0) as usize) };
        // SAFETY: nobody reads or writes an available slot's context but this thread, here.
        unsafe { *slot.context.get() = context };
        slot.state.set(State::Ready);
        Ok(id)
    }

    /// Switches to the next ready context after this one, in slot order, wrapping around, the
    /// base context included (FB-05); returns when the rotation comes back. Returns `false`, at
    /// once and without switching, when nothing else is ready (FB-06).
    pub fn yield_now(&self) -> bool {
        self.0.switch_to_next()
    }

    /// Yields until nothing but the calling context is ready, then returns (FB-10). Called by the
    /// base context, it runs every fiber to its end.
    pub fn run(&self) {
        while self.yield_now() {}
    }

    /// `Ok` if the running context has at least `needed` bytes of stack left; else `StackOverflow`
    /// (FB-18). Deep code checks before it goes deeper, so it never reaches the guard page.
    pub fn check_stack(&self, needed: usize) -> Result<(), Error> {
        let inner = &*self.0;
        let usable = match &inner.slots[inner.current.get()].stack {
            Some(stack) => Some(stack.usable()),
            None => inner.base_stack.clone(),
        };
        let Some(usable) = usable else { return Ok(()) };
        let left = stack::stack_pointer().saturating_sub(usable.start + RESERVE);
        if left < needed { Err(Error::StackOverflow) } else { Ok(()) }
    }
}

impl Inner {
    fn switch_to_next(&self) -> bool {
        let current = self.current.get();
        let mut after_current = (current + 1..self.slots.len()).chain(0..current);
        let Some(next) = after_current.find(|&id| self.slots[id].state.get() == State::Ready) else {
            return false;
        };
        let (from, to) = (&self.slots[current], &self.slots[next]);
        if from.state.get() == State::Running {
            from.state.set(State::Ready);
        }
        to.state.set(State::Running);
        self.current.set(next);
        // SAFETY: both contexts belong to live slots of this runtime; `to` is ready, so it was saved
        // by a switch or made by `Context::starting` on its live stack; `from` is running, and is
        // suspended by this call until some switch comes back to it.
        unsafe { switch(from.context.get(), to.context.get()) };
        true
    }

    /// The end of a fiber: its slot becomes available, and the next ready context runs (FB-08).
    fn finish(&self) -> ! {
        self.slots[self.current.get()].state.set(State::Available);
        self.switch_to_next();
        // Unreachable: the base context is ready whenever a fiber runs, and nothing switches to an
        // available slot. Should that ever break, stop rather than run on a finished stack.
        eprintln!("ERROR: a finished fiber was resumed");
        std::process::abort()
    }
}

/// What every fiber runs first, on its own stack: its task, once, then `finish`.
extern "C" fn fiber_main(runtime: usize) -> ! {
    // SAFETY: `spawn` passed the address of the runtime's `Inner`, which lives as long as any of
    // its fibers can run: fibers only run inside a switch made through a live `Runtime`.
    let inner = unsafe { &*(runtime as *const Inner) };
    if let Some(task) = inner.slots[inner.current.get()].task.take() {
        // Unwinding cannot cross into the assembly that started this stack: stop it here.
        if panic::catch_unwind(AssertUnwindSafe(task)).is_err() {
            eprintln!("ERROR: fiber {} panicked; its program ends here", inner.current.get());
        }
    }
    inner.finish()
}

fn current() -> Result<Runtime, Error> {
    CURRENT.with(|current| current.borrow().upgrade()).map(Runtime).ok_or(Error::NotInitialised)
}

/// Spawns through this thread's current runtime; `NotInitialised` if there is none (FB-17).
pub fn spawn(task: impl FnOnce() + 'static) -> Result<usize, Error> {
    current()?.spawn(task)
}

/// Yields through this thread's current runtime; `NotInitialised` if there is none (FB-17).
pub fn yield_now() -> Result<bool, Error> {
    Ok(current()?.yield_now())
}
