//! Coroutine programs (spec/protocol.md §7), which areas `coroutines`, `wakers` and `runtime` run.

use std::collections::HashSet;
use std::ops::Deref;
use std::str::FromStr;
use std::sync::Arc;

use crate::args::{Args, read_as_arg};
use crate::error::{Error, Result};
use crate::template::Template;

/// A coroutine program: the instructions an implementation turns into a real coroutine (a state
/// machine, an `async` block). Values and locals are strings. Cloning shares it.
///
/// Programs are checked whole before any of them runs, and have no branches, so more is checked
/// than types: every child is created before it is used, and waited on, joined or spawned at most
/// once (after that it belongs to whoever drives it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoroutineProgram(Arc<[CoroutineInstruction]>);

impl Deref for CoroutineProgram {
    type Target = [CoroutineInstruction];

    fn deref(&self) -> &[CoroutineInstruction] {
        &self.0
    }
}

/// Reads a program written as the protocol writes it, a JSON array of instructions, and checks it
/// as a request's would be: for tests of an implementation.
///
/// ```
/// let program: ack_adapter::CoroutineProgram = r#"[{"do": "log", "text": "hi"}]"#.parse()?;
/// assert_eq!(program.len(), 1);
/// # Ok::<(), ack_adapter::Error>(())
/// ```
impl FromStr for CoroutineProgram {
    type Err = Error;

    fn from_str(json: &str) -> Result<CoroutineProgram> {
        read_as_arg(json, "program", program)
    }
}

impl CoroutineProgram {
    /// Reads a program of area `runtime` (§7.3) written as JSON, checked as a request's would be:
    /// for tests of an implementation.
    pub fn for_runtime(json: &str) -> Result<CoroutineProgram> {
        read_as_arg(json, "program", runtime_program)
    }
}

/// One instruction of a [`CoroutineProgram`] (§7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoroutineInstruction {
    /// Appends a `log` entry; `{x}` is replaced by local `x`.
    Log(Template),
    /// Sets a local to a text (templated like `Log`).
    Set {
        /// The local.
        var: String,
        /// Its new value.
        value: Template,
    },
    /// Waits on a new leaf future; its value goes into local `into`, if given.
    WaitLeaf {
        /// What to wait on.
        leaf: Leaf,
        /// Where the value goes.
        into: Option<String>,
    },
    /// Creates a child coroutine and keeps it under `name`; no work starts.
    Create {
        /// The child's name.
        name: String,
        /// The child's program.
        program: CoroutineProgram,
    },
    /// Waits on a created child.
    WaitChild {
        /// The child's name.
        child: String,
        /// Where the value goes.
        into: Option<String>,
    },
    /// Waits on all these created children together (the book's `join_all`); the value is their
    /// values joined with `,` in the order given.
    JoinAll {
        /// The children's names.
        children: Vec<String>,
        /// Where the value goes.
        into: Option<String>,
    },
    /// Ends the coroutine with this value; a program without `Return` ends with `""`.
    Return(Template),
    /// Wakers only: spawns the created child as a new task on the current executor.
    Spawn(String),
    /// Wakers only: polls the created child once, here, with a waker that wakes nothing.
    PollDetached(String),
    /// Wakers only: keeps a clone of the current task's waker under this name, for `wk.wake`.
    KeepWaker(String),
    /// Wakers only: Pending once, the task having called its own waker during the poll (the
    /// `yield_now` pattern); the next poll goes on.
    YieldNow,
    /// Wakers only: Pending once; the adapter calls the task's waker from another thread the moment
    /// the executor next reports its `sleep` entry (protocol.md §7).
    YieldUntilSleep,
    /// Runtime only: appends the text to the task's buffer, through a reference the task took
    /// before its first instruction and keeps across every wait; `{buffer}` reads the buffer.
    Append(Template),
    /// Runtime only: the rest of this task runs inside the other runtime's context.
    EnterOtherRuntime,
}

/// A future a program waits on that is not a coroutine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    /// Pending until the runner makes leaf `name` ready (`co.leaf_ready`, `wk.leaf_ready`).
    Manual {
        /// The leaf's name, unique within a scenario.
        name: String,
    },
    /// `GET path` from the runner's delay server on `127.0.0.1:port`; Ready with the body.
    Http {
        /// The delay server's port.
        port: u16,
        /// The request's path, e.g. `/600/hello`.
        path: String,
        /// A name for the trace, if the program gave one.
        name: Option<String>,
    },
    /// Runtime only: the same request, made by a client that is not the runtime's, which does its
    /// own I/O on its own threads and wakes the task through the standard waker.
    ThirdParty {
        /// The delay server's port.
        port: u16,
        /// The request's path.
        path: String,
        /// A name for the trace, if the program gave one.
        name: Option<String>,
    },
    /// Runtime only: an http leaf bound to the other runtime, which works only inside its context.
    OtherRuntime {
        /// The delay server's port.
        port: u16,
        /// The request's path.
        path: String,
        /// A name for the trace, if the program gave one.
        name: Option<String>,
    },
}

impl Leaf {
    /// How trace entries name the leaf: its name, or an http leaf's path.
    pub fn label(&self) -> &str {
        match self {
            Leaf::Manual { name }
            | Leaf::Http { name: Some(name), .. }
            | Leaf::ThirdParty { name: Some(name), .. }
            | Leaf::OtherRuntime { name: Some(name), .. } => name,
            Leaf::Http { path, name: None, .. }
            | Leaf::ThirdParty { path, name: None, .. }
            | Leaf::OtherRuntime { path, name: None, .. } => path,
        }
    }
}

/// Reads the array arg `name` as a program of areas `coroutines` and `wakers`.
pub(crate) fn program(args: &Args<'_>, name: &str) -> Result<CoroutineProgram> {
    dialect_program(args, name, Dialect::Coroutines)
}

/// Reads the array arg `name` as a program of area `runtime`: with `append`, `enter_other_runtime`
/// and its two leaf kinds, without `poll_detached`, `keep_waker`, `yield_now` and `yield_until_sleep`.
pub(crate) fn runtime_program(args: &Args<'_>, name: &str) -> Result<CoroutineProgram> {
    dialect_program(args, name, Dialect::Runtime)
}

/// Which areas' instructions and leaves a program may use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Coroutines,
    Runtime,
}

fn dialect_program(args: &Args<'_>, name: &str, dialect: Dialect) -> Result<CoroutineProgram> {
    // The children created so far in this program (not in its children) and not yet handed over.
    let mut children = HashSet::new();
    let instructions: Result<Vec<_>> =
        args.objects(name)?.iter().map(|item| instruction(item, &mut children, dialect)).collect();
    Ok(CoroutineProgram(instructions?.into()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Do {
    Log,
    Set,
    Wait,
    Create,
    JoinAll,
    Return,
    Spawn,
    PollDetached,
    KeepWaker,
    YieldNow,
    YieldUntilSleep,
    Append,
    EnterOtherRuntime,
}

const INSTRUCTIONS: [(&str, Do); 13] = [
    ("log", Do::Log),
    ("set", Do::Set),
    ("wait", Do::Wait),
    ("create", Do::Create),
    ("join_all", Do::JoinAll),
    ("return", Do::Return),
    ("spawn", Do::Spawn),
    ("poll_detached", Do::PollDetached),
    ("keep_waker", Do::KeepWaker),
    ("yield_now", Do::YieldNow),
    ("yield_until_sleep", Do::YieldUntilSleep),
    ("append", Do::Append),
    ("enter_other_runtime", Do::EnterOtherRuntime),
];

impl Dialect {
    /// Whether programs of this dialect may use `instruction`.
    fn allows(self, instruction: Do) -> bool {
        match instruction {
            Do::PollDetached | Do::KeepWaker | Do::YieldNow | Do::YieldUntilSleep => self == Dialect::Coroutines,
            Do::Append | Do::EnterOtherRuntime => self == Dialect::Runtime,
            _ => true,
        }
    }

    fn areas(self) -> &'static str {
        match self {
            Dialect::Coroutines => "areas coroutines and wakers",
            Dialect::Runtime => "area runtime",
        }
    }
}

fn instruction(args: &Args<'_>, children: &mut HashSet<String>, dialect: Dialect) -> Result<CoroutineInstruction> {
    let into = || args.opt_string("into").map(|into| into.map(str::to_owned));
    let instruction = args.choice("do", &INSTRUCTIONS)?;
    if !dialect.allows(instruction) {
        let word = args.string("do")?;
        return Err(Error::bad_request(format!("{word:?} is not an instruction of {}", dialect.areas())));
    }
    Ok(match instruction {
        Do::Log => CoroutineInstruction::Log(Template::new(args.string("text")?)),
        Do::Set => {
            CoroutineInstruction::Set { var: args.string("var")?.into(), value: Template::new(args.string("value")?) }
        }
        Do::Wait => match (args.opt_object("leaf")?, args.opt_string("child")?) {
            (Some(leaf), None) => CoroutineInstruction::WaitLeaf { leaf: self::leaf(&leaf, dialect)?, into: into()? },
            (None, Some(child)) => {
                CoroutineInstruction::WaitChild { child: hand_over(children, child)?, into: into()? }
            }
            _ => return Err(Error::bad_request("a wait needs a leaf or a child, not both")),
        },
        Do::Create => {
            let name = args.string("name")?;
            let create =
                CoroutineInstruction::Create { name: name.into(), program: dialect_program(args, "program", dialect)? };
            children.insert(name.to_owned());
            create
        }
        Do::JoinAll => {
            let names: Result<Vec<_>> =
                args.strings("children")?.into_iter().map(|child| hand_over(children, child)).collect();
            CoroutineInstruction::JoinAll { children: names?, into: into()? }
        }
        Do::Return => CoroutineInstruction::Return(Template::new(args.string("value")?)),
        Do::Spawn => CoroutineInstruction::Spawn(hand_over(children, args.string("child")?)?),
        Do::PollDetached => {
            let child = args.string("child")?;
            if !children.contains(child) {
                return Err(unknown_child(child));
            }
            CoroutineInstruction::PollDetached(child.into())
        }
        Do::KeepWaker => CoroutineInstruction::KeepWaker(args.string("name")?.into()),
        Do::YieldNow => CoroutineInstruction::YieldNow,
        Do::YieldUntilSleep => CoroutineInstruction::YieldUntilSleep,
        Do::Append => CoroutineInstruction::Append(Template::new(args.string("text")?)),
        Do::EnterOtherRuntime => CoroutineInstruction::EnterOtherRuntime,
    })
}

#[derive(Clone, Copy)]
enum Kind {
    Manual,
    Http,
    ThirdParty,
    OtherRuntime,
}

const LEAVES: [(&str, Kind); 4] = [
    ("manual", Kind::Manual),
    ("http", Kind::Http),
    ("third-party", Kind::ThirdParty),
    ("other-runtime", Kind::OtherRuntime),
];

fn leaf(args: &Args<'_>, dialect: Dialect) -> Result<Leaf> {
    let kind = args.choice("kind", &LEAVES)?;
    if matches!(kind, Kind::ThirdParty | Kind::OtherRuntime) && dialect != Dialect::Runtime {
        let word = args.string("kind")?;
        return Err(Error::bad_request(format!("{word:?} is not a leaf kind of {}", dialect.areas())));
    }
    if let Kind::Manual = kind {
        return Ok(Leaf::Manual { name: args.string("name")?.into() });
    }
    let path = args.string("path")?;
    if !path.starts_with('/') {
        return Err(Error::bad_request(format!("an http leaf's path starts with '/', not {path:?}")));
    }
    let (port, path, name) = (args.int("port")?, path.to_owned(), args.opt_string("name")?.map(str::to_owned));
    Ok(match kind {
        Kind::ThirdParty => Leaf::ThirdParty { port, path, name },
        Kind::OtherRuntime => Leaf::OtherRuntime { port, path, name },
        Kind::Manual | Kind::Http => Leaf::Http { port, path, name },
    })
}

/// A created child that a wait, `join_all` or `spawn` takes over: nothing may use it after.
fn hand_over(children: &mut HashSet<String>, child: &str) -> Result<String> {
    if !children.remove(child) {
        return Err(unknown_child(child));
    }
    Ok(child.to_owned())
}

fn unknown_child(child: &str) -> Error {
    Error::bad_request(format!("child {child:?} is used before a create made it, or after it was handed over"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn parse_program(text: &str) -> Result<CoroutineProgram> {
        text.parse()
    }

    #[test]
    fn reads_every_instruction_and_leaf() {
        let program = parse_program(
            r#"[{"do": "log", "text": "got {x}"}, {"do": "set", "var": "x", "value": "a {y}"},
                {"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": "x"},
                {"do": "wait", "leaf": {"kind": "http", "port": 8080, "path": "/600/hi"}, "into": null},
                {"do": "create", "name": "c", "program": [{"do": "return", "value": "c"}]},
                {"do": "poll_detached", "child": "c"}, {"do": "wait", "child": "c"},
                {"do": "create", "name": "d", "program": []}, {"do": "create", "name": "e", "program": []},
                {"do": "join_all", "children": ["d", "e"], "into": "both"},
                {"do": "create", "name": "f", "program": []}, {"do": "spawn", "child": "f"},
                {"do": "keep_waker", "name": "w"}, {"do": "yield_now"}, {"do": "yield_until_sleep"},
                {"do": "return", "value": "done {x}"}]"#,
        )
        .unwrap();
        assert_eq!(program.len(), 16);
        assert_eq!(program[0], CoroutineInstruction::Log(Template::new("got {x}")));
        assert_eq!(
            program[2],
            CoroutineInstruction::WaitLeaf { leaf: Leaf::Manual { name: "A".into() }, into: Some("x".into()) }
        );
        let http = Leaf::Http { port: 8080, path: "/600/hi".into(), name: None };
        assert_eq!(http.label(), "/600/hi");
        assert_eq!(program[3], CoroutineInstruction::WaitLeaf { leaf: http, into: None });
        assert_eq!(
            program[9],
            CoroutineInstruction::JoinAll { children: vec!["d".into(), "e".into()], into: Some("both".into()) }
        );
        assert_eq!(program[11], CoroutineInstruction::Spawn("f".into()));
        assert_eq!(program[13], CoroutineInstruction::YieldNow);
        assert_eq!(program[14], CoroutineInstruction::YieldUntilSleep);
    }

    #[test]
    fn children_are_created_before_use_and_handed_over_once() {
        for bad in [
            r#"[{"do": "wait", "child": "c"}]"#,
            r#"[{"do": "create", "name": "c", "program": []}, {"do": "wait", "child": "c"}, {"do": "spawn", "child": "c"}]"#,
            r#"[{"do": "create", "name": "c", "program": []}, {"do": "join_all", "children": ["c", "c"]}]"#,
            r#"[{"do": "create", "name": "c", "program": [{"do": "create", "name": "d", "program": []}]}, {"do": "spawn", "child": "d"}]"#,
            r#"[{"do": "poll_detached", "child": "c"}]"#,
        ] {
            let error = parse_program(bad).expect_err(bad);
            assert_eq!(error.kind(), ErrorKind::BadRequest, "{bad}: {error}");
        }
    }

    #[test]
    fn runtime_programs_have_their_own_instructions_and_leaves() {
        let program = CoroutineProgram::for_runtime(
            r#"[{"do": "append", "text": "{x}"}, {"do": "enter_other_runtime"},
                {"do": "create", "name": "c", "program": [{"do": "wait", "leaf": {"kind": "third-party", "port": 80, "path": "/1/a"}}]},
                {"do": "wait", "leaf": {"kind": "other-runtime", "port": 80, "path": "/1/b", "name": "B"}}]"#,
        )
        .unwrap();
        assert_eq!(program[0], CoroutineInstruction::Append(Template::new("{x}")));
        assert_eq!(program[1], CoroutineInstruction::EnterOtherRuntime);
        let other = Leaf::OtherRuntime { port: 80, path: "/1/b".into(), name: Some("B".into()) };
        assert_eq!(other.label(), "B");
        assert_eq!(program[3], CoroutineInstruction::WaitLeaf { leaf: other, into: None });
        for (runtime, coroutines) in [
            (r#"[{"do": "keep_waker", "name": "w"}]"#, r#"[{"do": "append", "text": "a"}]"#),
            (r#"[{"do": "yield_now"}]"#, r#"[{"do": "enter_other_runtime"}]"#),
            (r#"[{"do": "yield_until_sleep"}]"#, r#"[{"do": "enter_other_runtime"}]"#),
            (
                r#"[{"do": "create", "name": "c", "program": [{"do": "poll_detached", "child": "c"}]}]"#,
                r#"[{"do": "create", "name": "c", "program": [{"do": "enter_other_runtime"}]}]"#,
            ),
            (
                r#"[{"do": "log", "text": "a"}, {"do": "poll_detached", "child": "c"}]"#,
                r#"[{"do": "wait", "leaf": {"kind": "third-party", "port": 80, "path": "/"}}]"#,
            ),
        ] {
            let error = CoroutineProgram::for_runtime(runtime).expect_err(runtime);
            assert_eq!(error.kind(), ErrorKind::BadRequest, "{runtime}: {error}");
            let error = parse_program(coroutines).expect_err(coroutines);
            assert_eq!(error.kind(), ErrorKind::BadRequest, "{coroutines}: {error}");
        }
    }

    #[test]
    fn malformed_waits_and_leaves_are_bad_requests() {
        for bad in [
            r#"[{"do": "wait"}]"#,
            r#"[{"do": "create", "name": "c", "program": []}, {"do": "wait", "child": "c", "leaf": {"kind": "manual", "name": "A"}}]"#,
            r#"[{"do": "wait", "leaf": {"kind": "carrier-pigeon"}}]"#,
            r#"[{"do": "wait", "leaf": {"kind": "http", "port": 70000, "path": "/"}}]"#,
            r#"[{"do": "wait", "leaf": {"kind": "http", "port": 80, "path": "no-slash"}}]"#,
            r#"[{"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": 5}]"#,
        ] {
            let error = parse_program(bad).expect_err(bad);
            assert_eq!(error.kind(), ErrorKind::BadRequest, "{bad}: {error}");
        }
    }
}
