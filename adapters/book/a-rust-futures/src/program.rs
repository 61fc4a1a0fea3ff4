//! A program as native async code (spec/runtime.md RT-01): an `async` block that runs the
//! instructions, keeping its locals, its created children and its buffer in the future the
//! compiler makes of it. A child is the same block again, boxed.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use ack_adapter::{CoroutineInstruction, CoroutineProgram, Error, Result, Template, Trace};
use ack_impl::runtime::{join_all, OtherRuntime};

use crate::leaves::Leaves;
use crate::tasks::{self, Tasks, Traced};

/// A program's future, or a leaf's: Ready with its value. Not `Send`: the book's tasks stay on the
/// thread of the executor that spawned them.
pub(crate) type Program = Pin<Box<dyn Future<Output = Result<String>>>>;

/// What the tasks of one run share.
#[derive(Clone)]
pub(crate) struct Run {
    trace: Trace,
    leaves: Leaves,
    tasks: Tasks,
    /// The first error of a task, which is the run's once `block_on` returns.
    failure: Rc<RefCell<Option<Error>>>,
}

impl Run {
    pub(crate) fn new(trace: Trace, leaves: Leaves) -> Run {
        Run { tasks: Tasks::new(trace.clone()), trace, leaves, failure: Rc::default() }
    }

    /// The root task, for the book's `block_on`.
    pub(crate) fn root(&self, program: CoroutineProgram) -> Traced {
        self.tasks.root(self.task(interpret(program, self.clone())))
    }

    /// How the run ended, once `block_on` returned.
    pub(crate) fn outcome(&self) -> Result<()> {
        self.failure.borrow_mut().take().map_or(Ok(()), Err)
    }

    /// A program's future as a task, whose value is dropped (RT-04) and whose error is the run's.
    fn task(&self, program: Program) -> impl Future<Output = ()> + 'static {
        let failure = Rc::clone(&self.failure);
        async move {
            if let Err(error) = program.await {
                failure.borrow_mut().get_or_insert(error);
            }
        }
    }
}

/// Awaits `future`, inside the other runtime's context once the task entered it.
async fn within<T>(context: &Option<Arc<OtherRuntime>>, future: impl Future<Output = Result<T>>) -> Result<T> {
    match context {
        Some(other) => other.enter(future).await,
        None => future.await,
    }
}

fn interpret(program: CoroutineProgram, run: Run) -> Program {
    Box::pin(async move {
        let mut buffer = String::new();
        // A reference to a local of this very future, held across every `.await` below: the future
        // points into itself, which is why the book's executor keeps tasks pinned (RT-07, RT-08).
        let writer = &mut buffer;
        let mut locals: HashMap<String, String> = HashMap::new();
        let mut children: HashMap<String, Program> = HashMap::new();
        let mut context: Option<Arc<OtherRuntime>> = None;
        let fill = |template: &Template, locals: &HashMap<String, String>, buffer: &str| {
            template.render(|name| if name == "buffer" { Some(buffer) } else { locals.get(name).map(String::as_str) })
        };
        // A checked program hands over each created child once, after creating it.
        let take = |children: &mut HashMap<String, Program>, child: &str| {
            children.remove(child).expect("a checked program creates a child before handing it over")
        };
        for instruction in program.iter() {
            let (value, into) = match instruction {
                CoroutineInstruction::Log(text) => {
                    run.trace.log(Some(tasks::polling()), &fill(text, &locals, writer));
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
                    children.insert(name.clone(), interpret(program.clone(), run.clone()));
                    continue;
                }
                CoroutineInstruction::Spawn(child) => {
                    run.tasks.spawn(run.task(take(&mut children, child)));
                    continue;
                }
                CoroutineInstruction::EnterOtherRuntime => {
                    context = Some(run.leaves.other_runtime()?);
                    continue;
                }
                CoroutineInstruction::Return(value) => return Ok(fill(value, &locals, writer)),
                CoroutineInstruction::WaitLeaf { leaf, into } => {
                    (within(&context, run.leaves.leaf(leaf, &run.trace)).await?, into)
                }
                CoroutineInstruction::WaitChild { child, into } => {
                    (within(&context, take(&mut children, child)).await?, into)
                }
                CoroutineInstruction::JoinAll { children: names, into } => {
                    let joined = join_all(names.iter().map(|child| take(&mut children, child)).collect::<Vec<_>>());
                    (within(&context, joined).await?.join(","), into)
                }
                CoroutineInstruction::PollDetached(_) | CoroutineInstruction::KeepWaker(_) => {
                    unreachable!("the crate never reads these instructions in programs of area runtime")
                }
            };
            if let Some(var) = into {
                locals.insert(var.clone(), value);
            }
        }
        Ok(String::new())
    })
}
