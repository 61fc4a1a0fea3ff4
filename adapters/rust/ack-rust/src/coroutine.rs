//! Coroutine programs compiled into state machines, as the book's `corofy` rewrites a
//! `coroutine fn`: the program is cut at every wait, and each piece becomes the code of one state.
//! `Start` runs the code before the first wait, `Wait1` … `Waitk` hold the future waited on and,
//! once it is Ready, run the code up to the next wait; `Resolved` is the end. Locals and created
//! children live in the coroutine, so they survive every wait (CO-07).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use ack_adapter::{CoroutineInstruction, CoroutineProgram, ErrorKind, Leaf, Template, Trace};
use ack_impl::coroutines::{Error, Future, HttpGet, JoinAll, ManualLeaves, PollState, join_all};
use ack_impl::wakers::{self, Waker};

use crate::wake_at_sleep::WakeAtSleep;

/// Wakers kept by `keep_waker`, by name, for `wk.wake` (area `wakers` only).
pub(crate) type KeptWakers = Arc<Mutex<HashMap<String, Waker>>>;

/// What programs need from the area that runs them.
#[derive(Clone)]
pub(crate) struct Env {
    trace: Trace,
    leaves: ManualLeaves,
    /// Area `wakers`: what only a program on an executor has; http leaves then use the reactor.
    /// `None` in area `coroutines`, which has neither executor nor reactor.
    executor: Option<OnExecutor>,
}

/// What a program on an executor has, beside the trace and the leaves.
#[derive(Clone)]
struct OnExecutor {
    /// Where `keep_waker` keeps wakers.
    kept: KeptWakers,
    /// Where `yield_until_sleep` arms its waker, for the executor's next `sleep`.
    at_sleep: WakeAtSleep,
}

impl Env {
    /// Chapter 7: the runner polls; http leaves just retry their reads.
    pub(crate) fn polled_by_runner(trace: Trace, leaves: ManualLeaves) -> Env {
        Env { trace, leaves, executor: None }
    }

    /// Chapter 8: an executor polls; http leaves are woken by the reactor.
    pub(crate) fn on_executor(trace: Trace, leaves: ManualLeaves, kept: KeptWakers, at_sleep: WakeAtSleep) -> Env {
        Env { trace, leaves, executor: Some(OnExecutor { kept, at_sleep }) }
    }

    /// What only a program on an executor has; `NotInitialised` for `instruction` in area `coroutines`.
    fn on_executor_for(&self, instruction: &'static str) -> Result<&OnExecutor, Error> {
        self.executor.as_ref().ok_or(Error::NotInitialised(instruction))
    }

    fn leaf(&self, leaf: &Leaf) -> Box<dyn Future<Output = Result<String, Error>>> {
        match leaf {
            Leaf::Manual { name } => Box::new(self.leaves.leaf(name)),
            Leaf::Http { port, path, .. } if self.executor.is_some() => {
                Box::new(HttpGet::woken_by_reactor(*port, path))
            }
            Leaf::Http { port, path, .. } => Box::new(HttpGet::polled_by_caller(*port, path)),
            Leaf::ThirdParty { .. } | Leaf::OtherRuntime { .. } => {
                unreachable!("the crate reads these leaves only in programs of area runtime")
            }
        }
    }
}

/// The error a failed coroutine, leaf or run is reported with.
pub(crate) fn protocol_error(error: Error) -> ack_adapter::Error {
    let kind = match error {
        Error::Io(error) => return error.into(),
        Error::PolledAfterReady => ErrorKind::PolledAfterReady,
        Error::NotInitialised(_) => ErrorKind::NotInitialised,
        Error::AlreadyRunning => ErrorKind::AlreadyRunning,
        Error::Stopped => ErrorKind::Internal,
    };
    ack_adapter::Error::new(kind, error.to_string())
}

/// corofy's output for one program: the code of each state, as ranges of the program.
struct Segment {
    /// The instructions that run when the machine enters this state.
    code: Range<usize>,
    /// The wait or `return` it runs into; `None`: the program's end, which returns `""`.
    exit: Option<usize>,
}

fn compile(program: &CoroutineProgram) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut start = 0;
    for (at, instruction) in program.iter().enumerate() {
        match instruction {
            CoroutineInstruction::WaitLeaf { .. }
            | CoroutineInstruction::WaitChild { .. }
            | CoroutineInstruction::JoinAll { .. }
            | CoroutineInstruction::YieldNow
            | CoroutineInstruction::YieldUntilSleep => {
                segments.push(Segment { code: start..at, exit: Some(at) });
                start = at + 1;
            }
            // Code after a return never runs.
            CoroutineInstruction::Return(_) => {
                segments.push(Segment { code: start..at, exit: Some(at) });
                return segments;
            }
            _ => {}
        }
    }
    segments.push(Segment { code: start..program.len(), exit: None });
    segments
}

/// Where the machine stands: the book's `enum State`.
enum State {
    Start,
    /// Stopped at wait point `point` (1, 2, …), waiting on `on`.
    Wait {
        point: usize,
        on: Awaited,
    },
    Resolved,
}

/// Where the code of a state leads: into a wait point, or to the end.
enum Next {
    Wait(usize, Awaited),
    Return(String),
}

/// What a wait point waits on.
enum Awaited {
    Leaf(TracedLeaf),
    Child(Box<Coroutine>),
    Children(JoinAll<Coroutine, String>),
    /// `yield_now` and `yield_until_sleep`: Pending once, having handed the waker to whoever is to
    /// call it (taken then), and Ready with `""` at the next poll.
    Yield(Option<WakeBy>),
}

/// Who calls the waker of a yield.
enum WakeBy {
    /// The poll itself, on the executor's thread (`yield_now`).
    Poll,
    /// Another thread, as the executor next reports it goes to sleep (`yield_until_sleep`).
    Sleep(WakeAtSleep),
}

impl Awaited {
    fn poll(&mut self, waker: &Waker) -> PollState<Result<String, Error>> {
        match self {
            Awaited::Leaf(leaf) => leaf.poll(waker),
            Awaited::Child(child) => child.poll(waker),
            Awaited::Children(children) => match children.poll(waker) {
                PollState::Ready(values) => PollState::Ready(values.map(|values| values.join(","))),
                PollState::NotReady => PollState::NotReady,
            },
            Awaited::Yield(wake_by) => match wake_by.take() {
                None => PollState::Ready(Ok(String::new())),
                Some(WakeBy::Poll) => {
                    waker.wake();
                    PollState::NotReady
                }
                Some(WakeBy::Sleep(at_sleep)) => {
                    at_sleep.arm(waker.clone());
                    PollState::NotReady
                }
            },
        }
    }
}

/// A program's coroutine; nothing of the program runs before its first poll (CO-01).
pub(crate) struct Coroutine {
    program: CoroutineProgram,
    segments: Vec<Segment>,
    state: State,
    locals: HashMap<String, String>,
    /// Children created and not yet handed to a wait, a `join_all` or a spawn.
    children: HashMap<String, Coroutine>,
    env: Env,
}

impl Coroutine {
    pub(crate) fn new(program: CoroutineProgram, env: Env) -> Coroutine {
        let segments = compile(&program);
        Coroutine { program, segments, state: State::Start, locals: HashMap::new(), children: HashMap::new(), env }
    }

    fn fill(&self, template: &Template) -> String {
        template.render(|name| self.locals.get(name))
    }

    /// Runs the code of state `index`, then what it exits into: the next wait point, or the end.
    fn run(&mut self, index: usize, waker: &Waker) -> Result<Next, Error> {
        let Segment { code, exit } = &self.segments[index];
        let (code, exit) = (code.clone(), *exit);
        let program = self.program.clone();
        for instruction in &program[code] {
            self.execute(instruction, waker)?;
        }
        let on = match exit.map(|exit| &program[exit]) {
            Some(CoroutineInstruction::WaitLeaf { leaf, .. }) => Awaited::Leaf(TracedLeaf::new(leaf, &self.env)),
            Some(CoroutineInstruction::WaitChild { child, .. }) => Awaited::Child(Box::new(self.take(child))),
            Some(CoroutineInstruction::JoinAll { children, .. }) => {
                Awaited::Children(join_all(children.iter().map(|child| self.take(child)).collect::<Vec<_>>()))
            }
            Some(CoroutineInstruction::YieldNow) => {
                self.env.on_executor_for("yield_now needs an executor (area wakers)")?;
                Awaited::Yield(Some(WakeBy::Poll))
            }
            Some(CoroutineInstruction::YieldUntilSleep) => {
                let on = self.env.on_executor_for("yield_until_sleep needs an executor (area wakers)")?;
                Awaited::Yield(Some(WakeBy::Sleep(on.at_sleep.clone())))
            }
            Some(CoroutineInstruction::Return(value)) => return Ok(Next::Return(self.fill(value))),
            _ => return Ok(Next::Return(String::new())),
        };
        Ok(Next::Wait(index + 1, on))
    }

    fn execute(&mut self, instruction: &CoroutineInstruction, waker: &Waker) -> Result<(), Error> {
        match instruction {
            CoroutineInstruction::Log(text) => self.env.trace.log(wakers::current_task(), &self.fill(text)),
            CoroutineInstruction::Set { var, value } => {
                let value = self.fill(value);
                self.locals.insert(var.clone(), value);
            }
            CoroutineInstruction::Create { name, program } => {
                self.children.insert(name.clone(), Coroutine::new(program.clone(), self.env.clone()));
            }
            CoroutineInstruction::Spawn(child) => wakers::spawn(self.take(child))?,
            CoroutineInstruction::PollDetached(child) => {
                // The value, if any, is lost like a dropped result; later polls bring their own waker.
                if let Some(child) = self.children.get_mut(child) {
                    let _ = child.poll(&Waker::noop());
                }
            }
            CoroutineInstruction::KeepWaker(name) => {
                let kept = &self.env.on_executor_for("keep_waker needs an executor (area wakers)")?.kept;
                kept.lock().unwrap_or_else(PoisonError::into_inner).insert(name.clone(), waker.clone());
            }
            // Waits and returns end a segment: the compiler never puts them into its code.
            CoroutineInstruction::WaitLeaf { .. }
            | CoroutineInstruction::WaitChild { .. }
            | CoroutineInstruction::JoinAll { .. }
            | CoroutineInstruction::YieldNow
            | CoroutineInstruction::YieldUntilSleep
            | CoroutineInstruction::Return(_) => {}
            CoroutineInstruction::Append(_) | CoroutineInstruction::EnterOtherRuntime => {
                unreachable!("the crate reads these instructions only in programs of area runtime")
            }
        }
        Ok(())
    }

    /// A created child, handed over to whoever drives it from now on.
    fn take(&mut self, child: &str) -> Coroutine {
        // The crate checked the program: every child is created before it is handed over, once,
        // and a program runs in order, so the child is there.
        self.children.remove(child).expect("a checked program creates a child before handing it over")
    }

    /// Where the value of wait point `point` goes.
    fn destination(&self, point: usize) -> Option<String> {
        match self.segments[point - 1].exit.map(|exit| &self.program[exit]) {
            Some(
                CoroutineInstruction::WaitLeaf { into, .. }
                | CoroutineInstruction::WaitChild { into, .. }
                | CoroutineInstruction::JoinAll { into, .. },
            ) => into.clone(),
            _ => None,
        }
    }
}

impl Future for Coroutine {
    type Output = Result<String, Error>;

    /// The book's poll loop: runs from the current state until a wait is `NotReady` or the program
    /// returns; a Ready wait hands its value to the next state's code within the same poll (CO-04).
    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        loop {
            let next = match &mut self.state {
                State::Start => self.run(0, waker),
                State::Wait { point, on } => match on.poll(waker) {
                    PollState::NotReady => return PollState::NotReady,
                    PollState::Ready(Err(error)) => Err(error),
                    PollState::Ready(Ok(value)) => {
                        let point = *point;
                        if let Some(var) = self.destination(point) {
                            self.locals.insert(var, value);
                        }
                        self.run(point, waker)
                    }
                },
                State::Resolved => return PollState::Ready(Err(Error::PolledAfterReady)),
            };
            match next {
                Ok(Next::Wait(point, on)) => self.state = State::Wait { point, on },
                Ok(Next::Return(value)) => {
                    self.state = State::Resolved;
                    return PollState::Ready(Ok(value));
                }
                Err(error) => {
                    self.state = State::Resolved;
                    return PollState::Ready(Err(error));
                }
            }
        }
    }
}

/// A leaf that reports its polls: `leaf-started` after its first poll began the work,
/// `leaf-polled` after each.
struct TracedLeaf {
    label: String,
    leaf: Box<dyn Future<Output = Result<String, Error>>>,
    trace: Trace,
    started: bool,
}

impl TracedLeaf {
    fn new(leaf: &Leaf, env: &Env) -> TracedLeaf {
        TracedLeaf { label: leaf.label().to_owned(), leaf: env.leaf(leaf), trace: env.trace.clone(), started: false }
    }
}

impl Future for TracedLeaf {
    type Output = Result<String, Error>;

    fn poll(&mut self, waker: &Waker) -> PollState<Self::Output> {
        let state = self.leaf.poll(waker);
        if let PollState::Ready(Err(_)) = state {
            return state;
        }
        if !std::mem::replace(&mut self.started, true) {
            self.trace.leaf_started(&self.label);
        }
        self.trace.leaf_polled(&self.label, matches!(state, PollState::Ready(_)));
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wakers::TraceObserver;
    use ack_impl::wakers::Executor;

    fn program(json: &str) -> CoroutineProgram {
        json.parse().unwrap()
    }

    fn chapter7(json: &str) -> (Coroutine, Trace, ManualLeaves) {
        let (trace, leaves) = (Trace::default(), ManualLeaves::default());
        (Coroutine::new(program(json), Env::polled_by_runner(trace.clone(), leaves.clone())), trace, leaves)
    }

    fn poll(coroutine: &mut Coroutine) -> Option<String> {
        match coroutine.poll(&Waker::noop()) {
            PollState::Ready(value) => Some(value.unwrap()),
            PollState::NotReady => None,
        }
    }

    #[test]
    fn corofy_cuts_a_program_at_every_wait() {
        let segments = compile(&program(
            r#"[{"do": "log", "text": "a"}, {"do": "wait", "leaf": {"kind": "manual", "name": "A"}},
                {"do": "set", "var": "x", "value": "1"}, {"do": "create", "name": "c", "program": []},
                {"do": "wait", "child": "c"}, {"do": "return", "value": "r"}, {"do": "log", "text": "never"}]"#,
        ));
        let shape: Vec<_> = segments.iter().map(|segment| (segment.code.clone(), segment.exit)).collect();
        assert_eq!(
            shape,
            [(0..1, Some(1)), (2..4, Some(4)), (5..5, Some(5))],
            "Start, Wait1, Wait2; no code after return"
        );
        assert_eq!(compile(&program("[]")).len(), 1, "no waits: Start runs into Resolved");
    }

    #[test]
    fn locals_live_across_waits_and_a_ready_wait_goes_on_in_the_same_poll() {
        let (mut coroutine, trace, leaves) = chapter7(
            r#"[{"do": "set", "var": "greeting", "value": "Received"},
                {"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": "first"},
                {"do": "create", "name": "c", "program": [{"do": "return", "value": "child"}]},
                {"do": "wait", "child": "c", "into": "second"},
                {"do": "return", "value": "{greeting}: {first}, {second}, {unset}"}]"#,
        );
        assert_eq!(poll(&mut coroutine), None);
        assert_eq!(poll(&mut coroutine), None);
        leaves.make_ready("A", "a");
        assert_eq!(poll(&mut coroutine).as_deref(), Some("Received: a, child, {unset}"));
        assert!(matches!(coroutine.poll(&Waker::noop()), PollState::Ready(Err(Error::PolledAfterReady))));
        assert_eq!(
            trace.entries(),
            [
                r#"{"event":"leaf-started","leaf":"A"}"#,
                r#"{"event":"leaf-polled","leaf":"A","ready":false}"#,
                r#"{"event":"leaf-polled","leaf":"A","ready":false}"#,
                r#"{"event":"leaf-polled","leaf":"A","ready":true}"#,
            ]
        );
    }

    #[test]
    fn join_all_joins_values_in_the_order_given() {
        let (mut coroutine, _, leaves) = chapter7(
            r#"[{"do": "create", "name": "a", "program": [{"do": "wait", "leaf": {"kind": "manual", "name": "A"}, "into": "v"}, {"do": "return", "value": "{v}"}]},
                {"do": "create", "name": "b", "program": [{"do": "wait", "leaf": {"kind": "manual", "name": "B"}, "into": "v"}, {"do": "return", "value": "{v}"}]},
                {"do": "join_all", "children": ["a", "b"], "into": "both"}, {"do": "return", "value": "{both}"}]"#,
        );
        assert_eq!(poll(&mut coroutine), None);
        leaves.make_ready("B", "2");
        assert_eq!(poll(&mut coroutine), None);
        leaves.make_ready("A", "1");
        assert_eq!(poll(&mut coroutine).as_deref(), Some("1,2"));
    }

    #[test]
    fn chapter_7_has_no_executor_to_spawn_on_keep_a_waker_of_or_yield_to() {
        for json in [
            r#"[{"do": "create", "name": "c", "program": []}, {"do": "spawn", "child": "c"}]"#,
            r#"[{"do": "keep_waker", "name": "w"}]"#,
            r#"[{"do": "yield_now"}]"#,
            r#"[{"do": "yield_until_sleep"}]"#,
        ] {
            let (mut coroutine, ..) = chapter7(json);
            assert!(
                matches!(coroutine.poll(&Waker::noop()), PollState::Ready(Err(Error::NotInitialised(_)))),
                "{json}"
            );
        }
    }

    #[test]
    fn the_yields_are_polled_again_woken_by_their_poll_or_at_the_next_sleep() {
        let (trace, at_sleep) = (Trace::default(), WakeAtSleep::default());
        let executor = Executor::new(Arc::new(TraceObserver(trace.clone(), at_sleep.clone())));
        let env = Env::on_executor(trace.clone(), ManualLeaves::default(), KeptWakers::default(), at_sleep);
        let program =
            program(r#"[{"do": "yield_now"}, {"do": "yield_until_sleep"}, {"do": "return", "value": "done"}]"#);
        assert_eq!(executor.block_on(Coroutine::new(program, env)).unwrap(), "done");
        let events: Vec<_> = trace
            .entries()
            .iter()
            .filter_map(|entry| entry.split('"').nth(3).map(str::to_owned))
            .filter(|event| event != "spawned")
            .collect();
        assert_eq!(
            events,
            ["task-polled", "wake", "task-polled", "sleep", "wake", "task-polled", "task-finished", "all-finished"],
            "yield_now wakes during its poll; yield_until_sleep's wake comes as the executor reports sleep"
        );
    }
}
