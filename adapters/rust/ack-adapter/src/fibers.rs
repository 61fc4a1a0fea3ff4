//! Area `fibers` (chapter 5; spec/protocol.md §6): the [`Fibers`] trait and fiber programs.

use std::ops::Deref;
use std::str::FromStr;
use std::sync::Arc;

use crate::Capability;
use crate::area::{Area, AreaId};
use crate::args::{Args, read_as_arg};
use crate::error::{Error, Result};
use crate::handles::{Handles, Table};
use crate::json::Json;
use crate::template::Template;
use crate::trace::FiberTrace;

/// Stackful fibers, as the runner drives them. Implement it for a type of yours and pass that to
/// [`Adapter::fibers`](crate::Adapter::fibers).
///
/// Programs run on the request thread, which is the base context (slot 0) of every runtime. Your
/// `run` interprets a [`FiberProgram`] with real code running on the fibers' own stacks: locals
/// are locals of the interpreting frame, `nested` is real recursion, `yield` is your yield.
pub trait Fibers {
    /// A fiber runtime: the book's `Runtime`, with its slots and stacks.
    type Runtime;

    /// The optional behaviour this area has beyond the book's code ([`Capability`]); the
    /// handshake claims it. None unless you say.
    fn capabilities(&self) -> &[Capability] {
        &[]
    }

    /// `fb.runtime_new`: creates a runtime and makes it the current one of this thread (the book's
    /// `init`). `slots` or `stack_size` below 1 are yours to reject with `InvalidArgument`.
    fn runtime_new(&self, config: RuntimeConfig) -> Result<Self::Runtime> {
        let _ = config;
        Err(Error::unsupported("fb.runtime_new"))
    }

    /// `fb.run`: runs `program` on the base context, then the runtime's `run` until no context is
    /// ready, recording what happens in `trace`. A failing instruction (no free slot, an exhausted
    /// stack) ends the program of the context that ran it with an error entry, and the others go
    /// on: that is no error of `run`.
    fn run(&self, runtime: &mut Self::Runtime, program: &FiberProgram, trace: &FiberTrace) -> Result<()> {
        let _ = (runtime, program, trace);
        Err(Error::unsupported("fb.run"))
    }

    /// `fb.call_outside_runtime`: calls yield or spawn through the thread's current runtime when
    /// none is initialised (after `reset` there is none). A conforming implementation fails with
    /// `NotInitialised`.
    fn call_outside_runtime(&self, call: RuntimeCall) -> Result<()> {
        let _ = call;
        Err(Error::unsupported("fb.call_outside_runtime"))
    }

    /// `reset`: forget whatever the session left besides its runtimes, which the crate drops
    /// first. The default does nothing.
    fn reset(&self) {}
}

/// What `fb.runtime_new` asks for, with the protocol's defaults applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuntimeConfig {
    /// Slots, the base context's included (default 4, as the book's `MAX_THREADS`).
    pub slots: i64,
    /// Bytes per fiber stack (default 2 MiB, as the book's `DEFAULT_STACK_SIZE`).
    pub stack_size: i64,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig { slots: 4, stack_size: 2 * 1024 * 1024 }
    }
}

/// The operation `fb.call_outside_runtime` calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeCall {
    /// The book's `yield_thread`.
    Yield,
    /// The book's `spawn`.
    Spawn,
}

/// A fiber program: instructions run in order by the context that runs them. Cloning shares it,
/// so a `spawn` can hand its body to the new fiber for nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiberProgram(Arc<[FiberInstruction]>);

impl Deref for FiberProgram {
    type Target = [FiberInstruction];

    fn deref(&self) -> &[FiberInstruction] {
        &self.0
    }
}

/// Reads a program written as the protocol writes it, a JSON array of instructions, and checks it
/// as a request's would be: for tests of an implementation.
///
/// ```
/// let program: ack_adapter::FiberProgram = r#"[{"do": "yield"}]"#.parse()?;
/// assert_eq!(program.len(), 1);
/// # Ok::<(), ack_adapter::Error>(())
/// ```
impl FromStr for FiberProgram {
    type Err = Error;

    fn from_str(json: &str) -> Result<FiberProgram> {
        read_as_arg(json, "program", program)
    }
}

/// One instruction of a [`FiberProgram`] (§6). Counts are checked: a negative one was a
/// `BadRequest` and never gets here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiberInstruction {
    /// Appends a `log` entry: the text with `{id}` the running fiber's id and `{name}` the value of
    /// local `name`.
    Log(Template),
    /// Yields to the next ready context.
    Yield,
    /// Sets a local of this context's program.
    Set {
        /// The local.
        var: String,
        /// Its new value.
        value: i64,
    },
    /// Adds to a local (a local never set reads 0).
    Add {
        /// The local.
        var: String,
        /// What to add.
        value: i64,
    },
    /// Appends a `check` entry when the local differs from `equals`.
    Check {
        /// The local.
        var: String,
        /// Its expected value.
        equals: i64,
    },
    /// Runs `body` `times` times with local `var` = 0, 1, …, `times - 1`.
    Repeat {
        /// How many times.
        times: u64,
        /// The counting local.
        var: String,
        /// What to repeat.
        body: FiberProgram,
    },
    /// Calls a function recursively `depth` frames deep and runs `body` there, with the same locals.
    Nested {
        /// How many frames.
        depth: u64,
        /// What runs at the bottom.
        body: FiberProgram,
    },
    /// Spawns a fiber whose program is this body (a closure capturing only it).
    Spawn(FiberProgram),
    /// Busy work without yielding, this many rounds.
    Spin(u64),
    /// Recurses, each frame holding a local buffer of `frame_bytes`, until the implementation
    /// reports that the fiber's stack is exhausted (`StackOverflow`).
    ExhaustStack {
        /// The size of each frame's buffer.
        frame_bytes: u64,
    },
}

/// The instructions of the array arg `name`, each checked, before any of them runs.
fn program(args: &Args<'_>, name: &str) -> Result<FiberProgram> {
    let instructions: Result<Vec<_>> = args.objects(name)?.iter().map(instruction).collect();
    Ok(FiberProgram(instructions?.into()))
}

#[derive(Clone, Copy)]
enum Do {
    Log,
    Yield,
    Set,
    Add,
    Check,
    Repeat,
    Nested,
    Spawn,
    Spin,
    ExhaustStack,
}

const INSTRUCTIONS: [(&str, Do); 10] = [
    ("log", Do::Log),
    ("yield", Do::Yield),
    ("set", Do::Set),
    ("add", Do::Add),
    ("check", Do::Check),
    ("repeat", Do::Repeat),
    ("nested", Do::Nested),
    ("spawn", Do::Spawn),
    ("spin", Do::Spin),
    ("exhaust_stack", Do::ExhaustStack),
];

fn instruction(args: &Args<'_>) -> Result<FiberInstruction> {
    Ok(match args.choice("do", &INSTRUCTIONS)? {
        Do::Log => FiberInstruction::Log(Template::new(args.string("text")?)),
        Do::Yield => FiberInstruction::Yield,
        Do::Set => FiberInstruction::Set { var: args.string("var")?.into(), value: args.int("value")? },
        Do::Add => FiberInstruction::Add { var: args.string("var")?.into(), value: args.int("value")? },
        Do::Check => FiberInstruction::Check { var: args.string("var")?.into(), equals: args.int("equals")? },
        Do::Repeat => FiberInstruction::Repeat {
            times: args.int("times")?,
            var: args.string("var")?.into(),
            body: program(args, "body")?,
        },
        Do::Nested => FiberInstruction::Nested { depth: args.int("depth")?, body: program(args, "body")? },
        Do::Spawn => FiberInstruction::Spawn(program(args, "body")?),
        Do::Spin => FiberInstruction::Spin(args.int("iterations")?),
        Do::ExhaustStack => FiberInstruction::ExhaustStack { frame_bytes: args.int("frame_bytes")? },
    })
}

/// Serves the `fb.*` ops with [`Fibers`].
pub(crate) struct FibersArea<F: Fibers> {
    fibers: F,
    runtimes: Table<F::Runtime>,
}

impl<F: Fibers> FibersArea<F> {
    pub(crate) fn new(fibers: F) -> Self {
        FibersArea { fibers, runtimes: Table::new("fiber runtime") }
    }
}

impl<F: Fibers> Area for FibersArea<F> {
    fn id(&self) -> AreaId {
        AreaId::Fibers
    }

    fn capabilities(&self) -> Vec<Capability> {
        self.fibers.capabilities().to_vec()
    }

    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        match op {
            "fb.runtime_new" => {
                let defaults = RuntimeConfig::default();
                let config = RuntimeConfig {
                    slots: args.opt_int("slots")?.unwrap_or(defaults.slots),
                    stack_size: args.opt_int("stack_size")?.unwrap_or(defaults.stack_size),
                };
                let runtime = self.fibers.runtime_new(config)?;
                Ok(Json::object([("runtime", self.runtimes.issue(handles, runtime).into())]))
            }
            "fb.run" => {
                let runtime = self.runtimes.get_mut(args.handle("runtime")?)?;
                let program = program(args, "program")?;
                let ends_process = self.fibers.capabilities().contains(&Capability::RunEndsProcess);
                let trace = if ends_process { FiberTrace::streaming() } else { FiberTrace::default() };
                self.fibers.run(runtime, &program, &trace)?;
                Ok(Json::object([("trace", trace.take().into())]))
            }
            "fb.call_outside_runtime" => {
                let call = args.choice("call", &[("yield", RuntimeCall::Yield), ("spawn", RuntimeCall::Spawn)])?;
                self.fibers.call_outside_runtime(call)?;
                Ok(Json::object([]))
            }
            _ => Err(Error::bad_request(format!("unknown op {op:?}"))),
        }
    }

    fn reset(&mut self) {
        self.runtimes.clear();
        self.fibers.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn parse_program(text: &str) -> Result<FiberProgram> {
        text.parse()
    }

    #[test]
    fn reads_every_instruction() {
        let program = parse_program(
            r#"[{"do": "log", "text": "thread: {id}"}, {"do": "yield"}, {"do": "set", "var": "x", "value": -5},
                {"do": "add", "var": "x", "value": 1}, {"do": "check", "var": "x", "equals": -4},
                {"do": "repeat", "times": 3, "var": "i", "body": [{"do": "yield"}]},
                {"do": "nested", "depth": 50, "body": []}, {"do": "spawn", "body": [{"do": "spin", "iterations": 10}]},
                {"do": "exhaust_stack", "frame_bytes": 1024}]"#,
        )
        .unwrap();
        let yields = FiberProgram(vec![FiberInstruction::Yield].into());
        assert_eq!(
            *program,
            [
                FiberInstruction::Log(Template::new("thread: {id}")),
                FiberInstruction::Yield,
                FiberInstruction::Set { var: "x".into(), value: -5 },
                FiberInstruction::Add { var: "x".into(), value: 1 },
                FiberInstruction::Check { var: "x".into(), equals: -4 },
                FiberInstruction::Repeat { times: 3, var: "i".into(), body: yields },
                FiberInstruction::Nested { depth: 50, body: FiberProgram(Vec::new().into()) },
                FiberInstruction::Spawn(FiberProgram(vec![FiberInstruction::Spin(10)].into())),
                FiberInstruction::ExhaustStack { frame_bytes: 1024 },
            ]
        );
    }

    #[test]
    fn negative_counts_and_unknown_instructions_are_bad_requests() {
        for bad in [
            r#"[{"do": "repeat", "times": -1, "var": "i", "body": []}]"#,
            r#"[{"do": "nested", "depth": -1, "body": []}]"#,
            r#"[{"do": "spin", "iterations": -1}]"#,
            r#"[{"do": "exhaust_stack", "frame_bytes": -1}]"#,
            r#"[{"do": "spawn", "body": [{"do": "jump"}]}]"#,
            r#"[{"do": "log"}]"#,
            r#"[{"do": "set", "var": "x", "value": "5"}]"#,
            r#"[{"text": "no do"}]"#,
            r#"{"do": "yield"}"#,
        ] {
            let error = parse_program(bad).expect_err(bad);
            assert_eq!(error.kind(), ErrorKind::BadRequest, "{bad}: {error}");
        }
    }
}
