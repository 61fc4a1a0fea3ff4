//! Area `pinning` (chapter 9): values at real addresses and the buffer coroutine, on
//! `ack_impl::pinning`.
//!
//! Whether a value or a coroutine is movable is its type in Rust (`Unpin` or not), so each request
//! picks the type by matching on the flag, and from then on the compiler decides what may move.
//! Where it would refuse (a pinned `!Unpin` value has no safe `&mut`, no `Pin::into_inner`, and
//! `ShortcutExecutor::block_on` does not take it), the adapter answers `MoveRefused` (PN-05) or
//! takes the path that compiles (PN-04).

use ack_adapter::{
    BufferRun, Capability, Error, ErrorKind, ExecutorKind, Field, PinKind, Result, RunReport, ValueState,
};
use ack_impl::pinning::{
    self, Addresses, Executor, Heap, MaybeSelfRef, MovableBufferCoroutine, MovableSelfRef, PinnedBufferCoroutine, Root,
    SelfRef, ShortcutExecutor, Value,
};

/// The area: the heap that holds every value and task of the session.
#[derive(Default)]
pub(crate) struct Pinning {
    heap: Heap,
}

/// A value, by its type: `!Unpin` (the book's `MaybeSelfRef`) or `Unpin`.
pub(crate) enum AnyValue {
    NotMovable(Value<MaybeSelfRef>),
    Movable(Value<MovableSelfRef>),
}

fn protocol_error(error: pinning::Error) -> Error {
    let kind = match error {
        pinning::Error::MoveRefused(_) => ErrorKind::MoveRefused,
        pinning::Error::NullPointer | pinning::Error::Dangling(_) | pinning::Error::NotScoped => {
            ErrorKind::InvalidArgument
        }
    };
    Error::new(kind, error.to_string())
}

fn state<M>(value: &Value<SelfRef<M>>, heap: &Heap) -> Result<ValueState> {
    let b = value.b();
    Ok(ValueState {
        address: value.address(),
        a: value.a(),
        a_address: value.a_address(),
        b: (!b.is_null()).then_some(b as usize),
        through_b: value.through_b(heap).map_err(protocol_error)?,
        label: value.label(),
    })
}

fn new_value<T>(heap: &Heap, pin: PinKind, value: T) -> Value<T> {
    match pin {
        PinKind::Heap => Value::boxed(heap, value),
        PinKind::Scope => Value::scoped(heap, value),
        PinKind::None => Value::loose(heap, value),
    }
}

/// Runs `executor` on a root that is `Unpin`: the shortcut applies to it.
fn run_unpin<F: Future<Output = String> + Unpin>(heap: &Heap, executor: ExecutorKind, root: F) -> pinning::Run<String> {
    match executor {
        ExecutorKind::Boxing => Executor::new(heap).block_on(root),
        ExecutorKind::Shortcut => ShortcutExecutor::new(heap).block_on(root),
    }
}

impl ack_adapter::Pinning for Pinning {
    type Value = AnyValue;

    fn capabilities(&self) -> &[Capability] {
        &[Capability::ScopedPinning]
    }

    fn new_value(&self, pin: PinKind, movable: bool) -> Result<AnyValue> {
        Ok(if movable {
            AnyValue::Movable(new_value(&self.heap, pin, SelfRef::default()))
        } else {
            AnyValue::NotMovable(new_value(&self.heap, pin, SelfRef::default()))
        })
    }

    fn init(&self, value: &mut AnyValue) -> Result<()> {
        match value {
            AnyValue::NotMovable(value) => value.as_pin_mut().init(),
            AnyValue::Movable(value) => value.as_pin_mut().init(),
        }
        Ok(())
    }

    fn read(&self, value: &AnyValue) -> Result<ValueState> {
        match value {
            AnyValue::NotMovable(value) => state(value, &self.heap),
            AnyValue::Movable(value) => state(value, &self.heap),
        }
    }

    fn write_through(&self, value: &mut AnyValue, number: i64) -> Result<()> {
        match value {
            AnyValue::NotMovable(value) => value.write_through(&self.heap, number),
            AnyValue::Movable(value) => value.write_through(&self.heap, number),
        }
        .map_err(protocol_error)
    }

    fn move_value(&self, value: &mut AnyValue) -> Result<usize> {
        match value {
            AnyValue::NotMovable(value) => value.move_out().map_err(protocol_error),
            AnyValue::Movable(value) => Ok(value.move_unpin()),
        }
    }

    fn move_unchecked(&self, value: &mut AnyValue) -> Result<usize> {
        Ok(match value {
            AnyValue::NotMovable(value) => value.move_unchecked(),
            AnyValue::Movable(value) => value.move_unchecked(),
        })
    }

    /// `std::mem::swap` needs `&mut` to both: a pinned `!Unpin` value has none to give.
    fn swap(&self, value: &mut AnyValue, other: &mut AnyValue) -> Result<()> {
        const SWAP: &str = "a swap";
        match (value, other) {
            (AnyValue::Movable(x), AnyValue::Movable(y)) => SelfRef::swap(x.get_mut(), y.get_mut()),
            (AnyValue::Movable(x), AnyValue::NotMovable(y)) => {
                SelfRef::swap(x.get_mut(), y.unpinned_mut(SWAP).map_err(protocol_error)?);
            }
            (AnyValue::NotMovable(x), AnyValue::Movable(y)) => {
                SelfRef::swap(x.unpinned_mut(SWAP).map_err(protocol_error)?, y.get_mut());
            }
            (AnyValue::NotMovable(x), AnyValue::NotMovable(y)) => {
                let x = x.unpinned_mut(SWAP).map_err(protocol_error)?;
                SelfRef::swap(x, y.unpinned_mut(SWAP).map_err(protocol_error)?);
            }
        }
        Ok(())
    }

    fn swap_with_itself(&self, value: &mut AnyValue) -> Result<()> {
        if let AnyValue::NotMovable(value) = value {
            value.unpinned_mut("a swap").map_err(protocol_error)?;
        }
        Ok(())
    }

    /// Through the pin projection: the label is a plain `&mut`; the inner part is pinned, and
    /// `Pin::get_mut` (for the replace) compiles only for an `Unpin` part.
    fn replace_field(&self, value: &mut AnyValue, field: Field, number: i64) -> Result<()> {
        match (field, value) {
            (Field::Label, AnyValue::NotMovable(value)) => *value.as_pin_mut().project().1 = number,
            (Field::Label, AnyValue::Movable(value)) => *value.as_pin_mut().project().1 = number,
            (Field::Inner, AnyValue::Movable(value)) => value.as_pin_mut().project().0.get_mut().replace(number),
            (Field::Inner, AnyValue::NotMovable(value)) => {
                // Not pinned, it has a plain `&mut`; pinned, the projection's `Pin<&mut Inner>` has none.
                let value = value.unpinned_mut("a replace of the pinned part").map_err(protocol_error)?;
                value.inner_mut().replace(number);
            }
        }
        Ok(())
    }

    fn scope_end(&self, value: &mut AnyValue) -> Result<()> {
        match value {
            AnyValue::NotMovable(value) => value.end_scope(),
            AnyValue::Movable(value) => value.end_scope(),
        }
        .map_err(protocol_error)
    }

    fn live(&self) -> Result<usize> {
        Ok(self.heap.live_blocks())
    }

    fn run(&self, run: BufferRun) -> Result<RunReport> {
        let heap = &self.heap;
        let (polls, root_polls) = (Addresses::default(), Addresses::default());
        let result = match (run.movable, run.in_child) {
            (true, false) => run_unpin(heap, run.executor, MovableBufferCoroutine::new(run.responses, polls.clone())),
            // `!Unpin`: `ShortcutExecutor::block_on` does not compile for it, so both executors box it.
            (false, false) => Executor::new(heap).block_on(PinnedBufferCoroutine::new(run.responses, polls.clone())),
            (true, true) => {
                let child = MovableBufferCoroutine::new(run.responses, polls.clone());
                run_unpin(heap, run.executor, Root::new(heap, child, root_polls.clone()))
            }
            (false, true) => {
                let child = PinnedBufferCoroutine::new(run.responses, polls.clone());
                run_unpin(heap, run.executor, Root::new(heap, child, root_polls.clone()))
            }
        };
        let polls = polls.to_vec();
        Ok(RunReport {
            value: result.output,
            root_polls: if run.in_child { root_polls.to_vec() } else { polls.clone() },
            polls,
            shortcut_applied: result.shortcut_applied,
            requeued: result.requeued,
        })
    }
}
