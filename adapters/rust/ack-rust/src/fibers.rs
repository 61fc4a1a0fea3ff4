//! Area `fibers` (chapter 5): programs interpreted on `ack_impl::fibers`.
//!
//! The interpreter is ordinary Rust running on the context that runs the program: a program's
//! locals are a map owned by the frame that starts the program and lent down from call to call,
//! `nested` is real recursion, `yield` is the runtime's. So a program sees what a fiber's own
//! stack keeps across a switch, and nothing else.

use std::collections::HashMap;
use std::hint::black_box;

use ack_adapter::{Capability, Error, ErrorKind, FiberInstruction, FiberProgram, FiberTrace, Result, RuntimeCall, RuntimeConfig};
use ack_impl::fibers::{self, Runtime};

/// The area, as the crate drives it.
pub(crate) struct Fibers;

/// How much stack one interpreter frame may need, checked before every recursive call.
const FRAME: usize = 512;
/// `exhaust_stack` builds its frames of this many bytes each, as many as `frame_bytes` takes.
const CHUNK: usize = 256;

fn protocol_error(error: fibers::Error) -> Error {
    let kind = match error {
        fibers::Error::NoFreeSlot => ErrorKind::NoFreeSlot,
        fibers::Error::StackOverflow => ErrorKind::StackOverflow,
        fibers::Error::NotInitialised => ErrorKind::NotInitialised,
        fibers::Error::InvalidArgument(_) => ErrorKind::InvalidArgument,
        fibers::Error::Io(_) => ErrorKind::Io,
    };
    Error::new(kind, error.to_string())
}

impl ack_adapter::Fibers for Fibers {
    type Runtime = Runtime;

    fn capabilities(&self) -> &[Capability] {
        &[
            Capability::ConfigurableSlots,
            Capability::ConfigurableStackSize,
            Capability::StackGuard,
            Capability::RuntimeCheck,
            Capability::RunReturns,
        ]
    }

    fn runtime_new(&self, config: RuntimeConfig) -> Result<Runtime> {
        let size = |value: i64| {
            usize::try_from(value).map_err(|_| Error::new(ErrorKind::InvalidArgument, format!("{value} is below 1")))
        };
        let runtime = Runtime::new(size(config.slots)?, size(config.stack_size)?).map_err(protocol_error)?;
        runtime.init();
        Ok(runtime)
    }

    fn run(&self, runtime: &mut Runtime, program: &FiberProgram, trace: &FiberTrace) -> Result<()> {
        Interpreter { runtime: runtime.clone(), trace: trace.clone() }.run_program(program);
        runtime.run();
        Ok(())
    }

    fn call_outside_runtime(&self, call: RuntimeCall) -> Result<()> {
        match call {
            RuntimeCall::Yield => fibers::yield_now().map(drop),
            RuntimeCall::Spawn => fibers::spawn(|| {}).map(drop),
        }
        .map_err(protocol_error)
    }
}

/// A program's locals: integers, and 0 for one never set.
type Locals = HashMap<String, i64>;

/// What every context's programs share: the runtime they run on and the trace they write.
#[derive(Clone)]
struct Interpreter {
    runtime: Runtime,
    trace: FiberTrace,
}

impl Interpreter {
    /// Runs `program` on the running context, to its end or to its first failing instruction,
    /// which ends it with an error entry (the other contexts go on).
    fn run_program(&self, program: &FiberProgram) {
        let mut locals = Locals::new();
        if let Err(error) = self.block(program, &mut locals) {
            self.trace.error(self.runtime.current_id(), &protocol_error(error));
        }
    }

    /// A spawned fiber's task: its program, then the entry that says its slot is free again.
    fn run_fiber(self, program: FiberProgram) {
        self.run_program(&program);
        self.trace.finished(self.runtime.current_id());
    }

    fn block(&self, block: &[FiberInstruction], locals: &mut Locals) -> Result<(), fibers::Error> {
        self.runtime.check_stack(FRAME)?;
        for instruction in block {
            let id = self.runtime.current_id();
            match instruction {
                FiberInstruction::Log(text) => {
                    let text = text.render(|name| Some(if name == "id" { id as i64 } else { local(locals, name) }));
                    self.trace.log(id, &text);
                }
                FiberInstruction::Yield => {
                    self.runtime.yield_now();
                }
                FiberInstruction::Set { var, value } => {
                    locals.insert(var.clone(), *value);
                }
                FiberInstruction::Add { var, value } => {
                    let sum = local(locals, var).wrapping_add(*value);
                    locals.insert(var.clone(), sum);
                }
                FiberInstruction::Check { var, equals } => {
                    let actual = local(locals, var);
                    if actual != *equals {
                        self.trace.check(id, var, *equals, actual);
                    }
                }
                FiberInstruction::Repeat { times, var, body } => {
                    for count in 0..i64::try_from(*times).unwrap_or(i64::MAX) {
                        locals.insert(var.clone(), count);
                        self.block(body, locals)?;
                    }
                }
                FiberInstruction::Nested { depth, body } => self.nest(*depth, body, locals)?,
                FiberInstruction::Spawn(body) => {
                    let (fiber, body) = (self.clone(), body.clone());
                    let spawned = self.runtime.spawn(move || fiber.run_fiber(body))?;
                    self.trace.spawned(id, spawned);
                }
                FiberInstruction::Spin(iterations) => (0..*iterations).for_each(|round| {
                    black_box(round);
                }),
                FiberInstruction::ExhaustStack { frame_bytes } => self.exhaust(*frame_bytes, *frame_bytes)?,
            }
        }
        Ok(())
    }

    /// Real recursion: `depth` frames of this function on the running context's stack, then `body`.
    fn nest(&self, depth: u64, body: &FiberProgram, locals: &mut Locals) -> Result<(), fibers::Error> {
        if depth == 0 {
            return self.block(body, locals);
        }
        self.runtime.check_stack(FRAME)?;
        let frame = [depth; 4];
        let nested = self.nest(depth - 1, body, locals);
        // Used after the call, so the frame stays a real frame and the call no tail call.
        black_box(&frame);
        nested
    }

    /// Recurses until the runtime says the stack is spent; never returns `Ok`. A frame of
    /// `frame_bytes` is `CHUNK` bytes a call, over as many calls as it takes; `left` is what the
    /// current frame still needs.
    fn exhaust(&self, frame_bytes: u64, left: u64) -> Result<(), fibers::Error> {
        self.runtime.check_stack(CHUNK + FRAME)?;
        let chunk = black_box([0u8; CHUNK]);
        let left = left.saturating_sub(CHUNK as u64);
        let deeper = self.exhaust(frame_bytes, if left == 0 { frame_bytes } else { left });
        black_box(&chunk);
        deeper
    }
}

fn local(locals: &Locals, name: &str) -> i64 {
    locals.get(name).copied().unwrap_or(0)
}
