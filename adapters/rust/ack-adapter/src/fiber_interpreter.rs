//! Fiber programs run as ordinary Rust on the context that runs them: a program's locals are a
//! map owned by the frame that starts the program and lent down from call to call, `nested` is
//! real recursion, `yield` and `spawn` are yours ([`FiberContext`]). So a program sees what a
//! fiber's own stack keeps across a switch, and nothing else.

use std::collections::HashMap;
use std::hint::black_box;

use crate::error::Result;
use crate::fibers::{FiberInstruction, FiberProgram};
use crate::trace::FiberTrace;

/// What [`FiberProgram::interpret`] asks of your fiber runtime, from the context running a program.
pub trait FiberContext: Clone + 'static {
    /// The id of the running context (the base context's is 0).
    fn running_id(&self) -> usize;

    /// Your yield: switches to the next ready context.
    fn yield_now(&self);

    /// Your spawn: a new fiber that will run `task`; its id, or `NoFreeSlot`.
    fn spawn(&self, task: impl FnOnce() + 'static) -> Result<usize>;

    /// `StackOverflow` unless `bytes` more fit on the running context's stack; checked before each
    /// frame the interpreter adds. The default checks nothing, for stacks without a guard.
    fn check_stack(&self, bytes: usize) -> Result<()> {
        let _ = bytes;
        Ok(())
    }
}

/// How much stack one interpreter frame may need, checked before every recursive call.
const FRAME: usize = 512;
/// `exhaust_stack` builds its frames of this many bytes each, as many as `frame_bytes` takes.
const CHUNK: usize = 256;

/// A program's locals: integers, and 0 for one never set.
type Locals = HashMap<String, i64>;

impl FiberProgram {
    /// Runs the program on the running context of `fibers`, to its end or to its first failing
    /// instruction, which ends it with an error entry (the other contexts go on); a spawned fiber
    /// runs its body the same way, then records that it finished.
    ///
    /// `exhaust_stack` recurses until [`FiberContext::check_stack`] fails: refuse programs that
    /// hold it (`Unsupported`) when your stacks have no guard.
    pub fn interpret(&self, fibers: &impl FiberContext, trace: &FiberTrace) {
        Interpreter { fibers: fibers.clone(), trace: trace.clone() }.run_program(self);
    }
}

/// What every context's programs share: the fibers they run on and the trace they write.
#[derive(Clone)]
struct Interpreter<C> {
    fibers: C,
    trace: FiberTrace,
}

impl<C: FiberContext> Interpreter<C> {
    fn run_program(&self, program: &FiberProgram) {
        if let Err(error) = self.block(program, &mut Locals::new()) {
            self.trace.error(self.fibers.running_id(), &error);
        }
    }

    /// A spawned fiber's task: its program, then the entry that says its slot is free again.
    fn run_fiber(self, program: FiberProgram) {
        self.run_program(&program);
        self.trace.finished(self.fibers.running_id());
    }

    fn block(&self, block: &[FiberInstruction], locals: &mut Locals) -> Result<()> {
        self.fibers.check_stack(FRAME)?;
        for instruction in block {
            let id = self.fibers.running_id();
            match instruction {
                FiberInstruction::Log(text) => {
                    let text = text.render(|name| Some(if name == "id" { id as i64 } else { local(locals, name) }));
                    self.trace.log(id, &text);
                }
                FiberInstruction::Yield => self.fibers.yield_now(),
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
                    let spawned = self.fibers.spawn(move || fiber.run_fiber(body))?;
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
    fn nest(&self, depth: u64, body: &FiberProgram, locals: &mut Locals) -> Result<()> {
        if depth == 0 {
            return self.block(body, locals);
        }
        self.fibers.check_stack(FRAME)?;
        let frame = [depth; 4];
        let nested = self.nest(depth - 1, body, locals);
        // Used after the call, so the frame stays a real frame and the call no tail call.
        black_box(&frame);
        nested
    }

    /// Recurses until the stack check fails; never returns `Ok`. A frame of `frame_bytes` is
    /// `CHUNK` bytes a call, over as many calls as it takes; `left` is what the current frame
    /// still needs.
    fn exhaust(&self, frame_bytes: u64, left: u64) -> Result<()> {
        self.fibers.check_stack(CHUNK + FRAME)?;
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
