//! Fiber programs, interpreted by ordinary Rust on the context that runs them: a program's locals
//! are a map owned by the frame that starts it, `nested` is real recursion on the fiber's stack,
//! `yield` and `spawn` are the book's.

use std::collections::HashMap;
use std::hint::black_box;

use ack_adapter::{FiberInstruction, FiberProgram, FiberTrace, Result};

use crate::book::{bridge, yield_thread};

/// A program's locals: integers, and 0 for one never set.
type Locals = HashMap<String, i64>;

/// Runs programs and writes what they do into the run's trace.
#[derive(Clone)]
pub(crate) struct Interpreter {
    trace: FiberTrace,
}

impl Interpreter {
    pub(crate) fn new(trace: &FiberTrace) -> Interpreter {
        Interpreter { trace: trace.clone() }
    }

    /// Runs `program` on the running context, to its end or to its first failing instruction,
    /// which ends it with an error entry (the other contexts go on).
    pub(crate) fn run_program(&self, program: &FiberProgram) {
        if let Err(error) = self.block(program, &mut Locals::new()) {
            self.trace.error(bridge::running_id(), &error);
        }
    }

    /// A spawned fiber's task: its program, then the entry for what the book's `guard` prints,
    /// `THREAD n FINISHED.`.
    fn run_fiber(self, program: FiberProgram) {
        self.run_program(&program);
        self.trace.finished(bridge::running_id());
    }

    fn block(&self, block: &[FiberInstruction], locals: &mut Locals) -> Result<()> {
        for instruction in block {
            let id = bridge::running_id();
            match instruction {
                FiberInstruction::Log(text) => {
                    let text = text.render(|name| Some(if name == "id" { id as i64 } else { local(locals, name) }));
                    self.trace.log(id, &text);
                }
                FiberInstruction::Yield => yield_thread(),
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
                    let slot = bridge::spawn(move || fiber.run_fiber(body))?;
                    self.trace.spawned(id, slot);
                }
                FiberInstruction::Spin(iterations) => (0..*iterations).for_each(|round| {
                    black_box(round);
                }),
                FiberInstruction::ExhaustStack { .. } => unreachable!("fb.run refuses a program that exhausts a stack"),
            }
        }
        Ok(())
    }

    /// Real recursion: `depth` frames of this function on the running context's stack, then `body`.
    fn nest(&self, depth: u64, body: &FiberProgram, locals: &mut Locals) -> Result<()> {
        if depth == 0 {
            return self.block(body, locals);
        }
        let frame = [depth; 4];
        let nested = self.nest(depth - 1, body, locals);
        // Used after the call, so the frame stays a real frame and the call no tail call.
        black_box(&frame);
        nested
    }
}

fn local(locals: &Locals, name: &str) -> i64 {
    locals.get(name).copied().unwrap_or(0)
}

/// Whether `program` asks for a stack to be exhausted, which needs `stack-guard`: the book's
/// stacks are plain `Vec`s, so an exhausted one overwrites whatever lies below it.
pub(crate) fn exhausts_a_stack(program: &[FiberInstruction]) -> bool {
    program.iter().any(|instruction| match instruction {
        FiberInstruction::ExhaustStack { .. } => true,
        FiberInstruction::Repeat { body, .. } | FiberInstruction::Nested { body, .. } | FiberInstruction::Spawn(body) => {
            exhausts_a_stack(body)
        }
        _ => false,
    })
}
