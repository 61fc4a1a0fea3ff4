//! Area `pinning` (chapter 9; spec/pinning.md, "Protocol"): values at real addresses, their moves
//! and pins, and the book's self-referential coroutine under two executors.

use crate::Capability;
use crate::area::{Area, AreaId};
use crate::args::Args;
use crate::error::{Error, ErrorKind, Result};
use crate::handles::{Handles, Table};
use crate::json::Json;

/// Values that may point into themselves (the book's `MaybeSelfRef`, ch09/d-pin, with a plain
/// field `label` more), moved for real, and the buffer coroutine of ch09/b run by your executors.
/// Implement it for a type of yours and pass that to [`Adapter::pinning`](crate::Adapter::pinning).
///
/// A value lives at a real address; a move copies its bytes to a new place and leaves the old
/// place, with its stale bytes, allocated until the value is dropped. Rust refuses most wrong moves
/// at compile time; the protocol has no compiler, so an operation the compiler would refuse
/// answers [`ErrorKind::MoveRefused`] (PN-05).
pub trait Pinning {
    /// A value and whatever holds it: its pin, its current place, the places it was moved out of.
    type Value;

    /// The optional behaviour: [`Capability::ScopedPinning`]. The handshake claims it, and a
    /// `pn.new` with `"pinning": "scope"` is answered `Unsupported` without calling `new_value`
    /// when it is not listed.
    fn capabilities(&self) -> &[Capability] {
        &[]
    }

    /// `pn.new`: `a` 0, `b` null, `label` 0, pinned as `pin` says; `movable` says whether the
    /// value is `Unpin`.
    fn new_value(&self, pin: PinKind, movable: bool) -> Result<Self::Value> {
        let _ = (pin, movable);
        Err(Error::unsupported("pn.new"))
    }

    /// `pn.init`: the book's `init`, `b` = the address of the value's own `a`, in place.
    fn init(&self, value: &mut Self::Value) -> Result<()> {
        let _ = value;
        Err(Error::unsupported("pn.init"))
    }

    /// `pn.read`: the value's fields where it is now.
    fn read(&self, value: &Self::Value) -> Result<ValueState> {
        let _ = value;
        Err(Error::unsupported("pn.read"))
    }

    /// `pn.write_through`: writes `number` where `b` points; `InvalidArgument` when `b` is null.
    fn write_through(&self, value: &mut Self::Value, number: i64) -> Result<()> {
        let _ = (value, number);
        Err(Error::unsupported("pn.write_through"))
    }

    /// `pn.move`: moves the value to a new place and returns its address; `MoveRefused` for a
    /// pinned value that is not movable.
    fn move_value(&self, value: &mut Self::Value) -> Result<usize> {
        let _ = value;
        Err(Error::unsupported("pn.move"))
    }

    /// `pn.move_unchecked`: the escape hatch (`unsafe` `get_unchecked_mut`): moves even a pinned
    /// value that is not movable.
    fn move_unchecked(&self, value: &mut Self::Value) -> Result<usize> {
        let _ = value;
        Err(Error::unsupported("pn.move_unchecked"))
    }

    /// `pn.swap`: swaps the two values' bytes in place; `MoveRefused` if either is pinned and not
    /// movable. A swap of a value with itself (which `&mut` forbids) goes to [`Self::swap_with_itself`].
    fn swap(&self, value: &mut Self::Value, other: &mut Self::Value) -> Result<()> {
        let _ = (value, other);
        Err(Error::unsupported("pn.swap"))
    }

    /// `pn.swap` of a value with itself (protocol.md §10): checked like any swap (`MoveRefused` for a
    /// pinned value that is not movable), and otherwise nothing changes, as `ptr::swap` of one place.
    fn swap_with_itself(&self, value: &mut Self::Value) -> Result<()> {
        let _ = value;
        Err(Error::unsupported("pn.swap"))
    }

    /// `pn.replace_field`: through the value's pin projection, `number` replaces `label`, or `a`
    /// (with `b` null) for [`Field::Inner`], which is refused for a pinned value that is not movable.
    fn replace_field(&self, value: &mut Self::Value, field: Field, number: i64) -> Result<()> {
        let _ = (value, field, number);
        Err(Error::unsupported("pn.replace_field"))
    }

    /// `pn.scope_end`: the scope of the value's pin ends, and it is not pinned any more;
    /// `InvalidArgument` for a value not pinned in a scope.
    fn scope_end(&self, value: &mut Self::Value) -> Result<()> {
        let _ = value;
        Err(Error::unsupported("pn.scope_end"))
    }

    /// `pn.drop`: the handle is released; drop the value and free its place and its stale places.
    /// The default drops it. `reset` drops the session's values the same way.
    fn drop_value(&self, value: Self::Value) -> Result<()> {
        drop(value);
        Ok(())
    }

    /// `pn.live`: how many blocks of memory the area holds now (values, stale places, tasks).
    fn live(&self) -> Result<usize> {
        Err(Error::unsupported("pn.live"))
    }

    /// `pn.run`: runs the buffer program on a new executor, to its end, and frees what it used.
    fn run(&self, run: BufferRun) -> Result<RunReport> {
        let _ = run;
        Err(Error::unsupported("pn.run"))
    }

    /// `reset`, after the crate dropped the session's values. The default does nothing.
    fn reset(&self) {}
}

/// How `pn.new` pins a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinKind {
    /// `Box::pin`: pinned until the value is dropped.
    Heap,
    /// `pin!` (or `Pin::new_unchecked` on a stack value): pinned until `pn.scope_end`. Needs
    /// [`Capability::ScopedPinning`].
    Scope,
    /// Not pinned: a plain value, moved at will.
    None,
}

/// The field `pn.replace_field` replaces through the pin projection (PN-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `a` and `b`, the self-referential part, which projection exposes pinned.
    Inner,
    /// `label`, a plain field, which projection exposes as `&mut`.
    Label,
}

/// What `pn.read` reports of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueState {
    /// The value's place.
    pub address: usize,
    /// Its field `a`.
    pub a: i64,
    /// The address of its field `a`.
    pub a_address: usize,
    /// Its raw pointer `b`; `None` when null.
    pub b: Option<usize>,
    /// The integer at `b`; `None` when `b` is null.
    pub through_b: Option<i64>,
    /// Its plain field `label`.
    pub label: i64,
}

/// The executor `pn.run` runs the buffer program on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecutorKind {
    /// ch09/b: spawn places the task in a box, then polls it there.
    Boxing,
    /// ch09/c: polls the root once where it stands, then moves it into the task list if Pending.
    Shortcut,
}

/// What `pn.run` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BufferRun {
    /// The executor.
    pub executor: ExecutorKind,
    /// What the program's two waits deliver, in order.
    pub responses: [String; 2],
    /// Whether the buffer coroutine is marked movable (`Unpin`), as ch09/c wrongly has it.
    pub movable: bool,
    /// Whether the root is a coroutine that keeps the buffer coroutine as a boxed child.
    pub in_child: bool,
}

/// What `pn.run` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunReport {
    /// The buffer coroutine's value: its buffer, read from its own state at its end.
    pub value: String,
    /// The buffer coroutine's address at each of its polls.
    pub polls: Vec<usize>,
    /// The root task's address at each of its polls (`polls` unless the buffer is a child).
    pub root_polls: Vec<usize>,
    /// Whether the executor polled the root before placing it in its task list.
    pub shortcut_applied: bool,
    /// How often the root went back into the task collection after a Pending poll.
    pub requeued: usize,
}

/// Serves the `pn.*` ops with [`Pinning`].
pub(crate) struct PinningArea<P: Pinning> {
    pinning: P,
    values: Table<P::Value>,
}

impl<P: Pinning> PinningArea<P> {
    pub(crate) fn new(pinning: P) -> Self {
        PinningArea { pinning, values: Table::new("pinning value") }
    }

    fn new_value(&mut self, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        let pin =
            args.choice("pinning", &[("heap", PinKind::Heap), ("scope", PinKind::Scope), ("none", PinKind::None)])?;
        let movable = args.opt_bool("movable")?.unwrap_or(false);
        if pin == PinKind::Scope && !self.pinning.capabilities().contains(&Capability::ScopedPinning) {
            return Err(Error::new(ErrorKind::Unsupported, "scoped pinning needs capability scoped-pinning"));
        }
        let value = self.pinning.new_value(pin, movable)?;
        Ok(Json::object([("value", self.values.issue(handles, value).into())]))
    }

    fn swap(&mut self, args: &Args<'_>) -> Result<Json> {
        let (value, other) = (args.handle("value")?, args.handle("other")?);
        if value == other {
            self.pinning.swap_with_itself(self.values.get_mut(value)?)?;
            return Ok(Json::object([]));
        }
        let [value, other] = self.values.get_disjoint_mut([value, other])?;
        self.pinning.swap(value, other)?;
        Ok(Json::object([]))
    }
}

fn read_json(state: ValueState) -> Json {
    Json::object([
        ("address", state.address.into()),
        ("a", state.a.into()),
        ("a_address", state.a_address.into()),
        ("b", state.b.map_or(Json::Null, Json::from)),
        ("through_b", state.through_b.map_or(Json::Null, Json::from)),
        ("label", state.label.into()),
    ])
}

fn run_json(report: RunReport) -> Json {
    let addresses = |addresses: Vec<usize>| Json::Array(addresses.into_iter().map(Json::from).collect());
    Json::object([
        ("value", report.value.into()),
        ("polls", addresses(report.polls)),
        ("root_polls", addresses(report.root_polls)),
        ("shortcut_applied", report.shortcut_applied.into()),
        ("requeued", report.requeued.into()),
    ])
}

fn buffer_run(args: &Args<'_>) -> Result<BufferRun> {
    let executor =
        args.choice("executor", &[("boxing", ExecutorKind::Boxing), ("shortcut", ExecutorKind::Shortcut)])?;
    let responses = args.strings("responses")?;
    let [first, second] = responses[..] else {
        return Err(Error::bad_request(format!("args.responses must hold 2 strings, not {}", responses.len())));
    };
    Ok(BufferRun {
        executor,
        responses: [first.to_owned(), second.to_owned()],
        movable: args.opt_bool("movable")?.unwrap_or(false),
        in_child: args.opt_bool("in_child")?.unwrap_or(false),
    })
}

impl<P: Pinning> Area for PinningArea<P> {
    fn id(&self) -> AreaId {
        AreaId::Pinning
    }

    fn capabilities(&self) -> Vec<Capability> {
        self.pinning.capabilities().to_vec()
    }

    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        let pinning = &self.pinning;
        let address = |address: usize| Json::object([("address", address.into())]);
        match op {
            "pn.new" => return self.new_value(args, handles),
            "pn.init" => pinning.init(self.values.get_mut(args.handle("value")?)?)?,
            "pn.read" => return Ok(read_json(pinning.read(self.values.get(args.handle("value")?)?)?)),
            "pn.write_through" => {
                let number = args.int("number")?;
                pinning.write_through(self.values.get_mut(args.handle("value")?)?, number)?;
            }
            "pn.move" => return Ok(address(pinning.move_value(self.values.get_mut(args.handle("value")?)?)?)),
            "pn.move_unchecked" => {
                return Ok(address(pinning.move_unchecked(self.values.get_mut(args.handle("value")?)?)?));
            }
            "pn.swap" => return self.swap(args),
            "pn.replace_field" => {
                let field = args.choice("field", &[("inner", Field::Inner), ("label", Field::Label)])?;
                let number = args.int("number")?;
                pinning.replace_field(self.values.get_mut(args.handle("value")?)?, field, number)?;
            }
            "pn.scope_end" => pinning.scope_end(self.values.get_mut(args.handle("value")?)?)?,
            "pn.drop" => pinning.drop_value(self.values.release(args.handle("value")?)?)?,
            "pn.live" => return Ok(Json::object([("blocks", pinning.live()?.into())])),
            "pn.run" => return Ok(run_json(pinning.run(buffer_run(args)?)?)),
            _ => return Err(Error::bad_request(format!("unknown op {op:?}"))),
        }
        Ok(Json::object([]))
    }

    fn reset(&mut self) {
        for value in self.values.release_all() {
            if let Err(error) = self.pinning.drop_value(value) {
                eprintln!("ack-adapter: dropping a value on reset failed: {error}");
            }
        }
        self.pinning.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn run_of(text: &str) -> Result<BufferRun> {
        let json = parse(text).unwrap();
        buffer_run(&Args::of_request(Some(&json)).unwrap())
    }

    #[test]
    fn a_run_reads_its_executor_responses_and_flags() {
        let run = run_of(r#"{"executor": "shortcut", "responses": ["a", "b"], "movable": true, "in_child": null}"#);
        assert_eq!(
            run.unwrap(),
            BufferRun {
                executor: ExecutorKind::Shortcut,
                responses: ["a".into(), "b".into()],
                movable: true,
                in_child: false
            }
        );
    }

    #[test]
    fn a_run_needs_exactly_two_responses_and_a_known_executor() {
        for bad in [
            r#"{"executor": "boxing", "responses": ["a"]}"#,
            r#"{"executor": "boxing", "responses": ["a", "b", "c"]}"#,
            r#"{"executor": "boxing", "responses": ["a", 2]}"#,
            r#"{"executor": "stealing", "responses": ["a", "b"]}"#,
            r#"{"executor": "boxing", "responses": ["a", "b"], "movable": 1}"#,
        ] {
            assert_eq!(run_of(bad).expect_err(bad).kind(), ErrorKind::BadRequest, "{bad}");
        }
    }

    #[test]
    fn a_read_reports_null_pointers_as_null() {
        let state = ValueState { address: 16, a: 0, a_address: 16, b: None, through_b: None, label: 3 };
        assert_eq!(
            read_json(state).to_string(),
            r#"{"address":16,"a":0,"a_address":16,"b":null,"through_b":null,"label":3}"#
        );
    }
}
