//! The kit's runtime programs (spec/runtime.md) as native async code, for any runtime that polls
//! the standard library's futures: [`interpret`] turns a program into an `async` block, and a
//! [`ProgramHost`] says what differs from one runtime to the next.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use ack_adapter::{CoroutineInstruction, CoroutineProgram, Leaf, Template, Trace};

use super::{OtherRuntime, join_all};

/// What a runtime gives the programs it runs: how their tasks are spawned and numbered, how their
/// leaves are made, and the other runtime.
pub trait ProgramHost: Clone + 'static {
    /// What fails a task, and with it the run.
    type Error;

    /// A program's future, or a leaf's, on the heap: `Send` or not, as the runtime's tasks must be.
    type Future: Future<Output = Result<String, Self::Error>> + Unpin;

    /// `program` as a future of this host: `Box::pin(interpret(program, self.clone()))`.
    fn program(&self, program: CoroutineProgram) -> Self::Future;

    /// The trace the run records into.
    fn trace(&self) -> &Trace;

    /// The number of the task the runtime is polling, which a `log` entry names.
    fn running_task(&self) -> Option<usize>;

    /// Spawns `task` on the runtime: its value is dropped, its error is the run's.
    fn spawn(&self, task: Self::Future) -> Result<(), Self::Error>;

    /// A new future for `leaf`; [`interpret`] traces its polls.
    fn leaf(&self, leaf: &Leaf) -> Self::Future;

    /// The other runtime, whose context a task enters at `enter_other_runtime`.
    fn other_runtime(&self) -> Result<Arc<OtherRuntime>, Self::Error>;
}

/// A program as an `async fn`: its locals, created children and buffer are the function's locals,
/// kept in its future across every `.await`; a child is this function again, boxed by the host.
pub async fn interpret<H: ProgramHost>(program: CoroutineProgram, host: H) -> Result<String, H::Error> {
    let mut buffer = String::new();
    // A reference to a local of this very future, held across every `.await` below: the future
    // points into itself, which is why the executor must keep it pinned (RT-07, RT-08).
    let writer = &mut buffer;
    let mut locals: HashMap<String, String> = HashMap::new();
    let mut children: HashMap<String, H::Future> = HashMap::new();
    let mut context: Option<Arc<OtherRuntime>> = None;
    let fill = |template: &Template, locals: &HashMap<String, String>, buffer: &str| {
        template.render(|name| if name == "buffer" { Some(buffer) } else { locals.get(name).map(String::as_str) })
    };
    // A checked program hands over each created child once, after creating it.
    let take = |children: &mut HashMap<String, H::Future>, child: &str| {
        children.remove(child).expect("a checked program creates a child before handing it over")
    };
    for instruction in program.iter() {
        let (value, into) = match instruction {
            CoroutineInstruction::Log(text) => {
                host.trace().log(host.running_task(), &fill(text, &locals, writer));
                continue;
            }
            CoroutineInstruction::Set { var, value } => {
                let value = fill(value, &locals, writer);
                locals.insert(var.clone(), value);
                continue;
            }
            CoroutineInstruction::Append(text) => {
                let text = fill(text, &locals, writer);
                writer.push_str(&text);
                continue;
            }
            CoroutineInstruction::Create { name, program } => {
                children.insert(name.clone(), host.program(program.clone()));
                continue;
            }
            CoroutineInstruction::Spawn(child) => {
                host.spawn(take(&mut children, child))?;
                continue;
            }
            CoroutineInstruction::EnterOtherRuntime => {
                context = Some(host.other_runtime()?);
                continue;
            }
            CoroutineInstruction::Return(value) => return Ok(fill(value, &locals, writer)),
            CoroutineInstruction::WaitLeaf { leaf, into } => {
                let traced = Traced { label: leaf.label(), leaf: host.leaf(leaf), trace: host.trace(), started: false };
                (within(&context, traced).await?, into)
            }
            CoroutineInstruction::WaitChild { child, into } => {
                (within(&context, take(&mut children, child)).await?, into)
            }
            CoroutineInstruction::JoinAll { children: names, into } => {
                let joined = join_all(names.iter().map(|child| take(&mut children, child)).collect::<Vec<_>>());
                (within(&context, joined).await?.join(","), into)
            }
            CoroutineInstruction::PollDetached(_)
            | CoroutineInstruction::KeepWaker(_)
            | CoroutineInstruction::YieldNow
            | CoroutineInstruction::YieldUntilSleep => {
                unreachable!("ack-adapter never reads these instructions in programs of area runtime")
            }
        };
        if let Some(var) = into {
            locals.insert(var.clone(), value);
        }
    }
    Ok(String::new())
}

/// Awaits `future`, inside the other runtime's context once the task entered it.
async fn within<T, E>(context: &Option<Arc<OtherRuntime>>, future: impl Future<Output = Result<T, E>>) -> Result<T, E> {
    match context {
        Some(other) => other.enter(future).await,
        None => future.await,
    }
}

/// A leaf that reports its polls: `leaf-started` after its first poll began the work,
/// `leaf-polled` after each; a failed poll reports nothing and fails the task.
struct Traced<'a, F> {
    label: &'a str,
    leaf: F,
    trace: &'a Trace,
    started: bool,
}

impl<T, E, F: Future<Output = Result<T, E>> + Unpin> Future for Traced<'_, F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let state = Pin::new(&mut self.leaf).poll(cx);
        if let Poll::Ready(Err(_)) = state {
            return state;
        }
        if !std::mem::replace(&mut self.started, true) {
            self.trace.leaf_started(self.label);
        }
        self.trace.leaf_polled(self.label, state.is_ready());
        state
    }
}
