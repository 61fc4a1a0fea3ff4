//! A coroutine program as the state machine `corofy` writes for a `coroutine fn` (ch07/corofy):
//! a state before the first wait, one state per wait, and `Resolved`.

use std::collections::HashMap;
use std::mem;
use std::task::Poll;

use ack_adapter::{CoroutineInstruction, CoroutineProgram, Leaf, Template, Trace};

use crate::Chapter;

/// A program's coroutine. Nothing of the program runs before the first poll (CO-01); locals and
/// created children live in the machine, so they outlast every wait, as the variables corofy
/// hoists into its machines do (CO-07).
pub struct Machine<C: Chapter> {
    program: CoroutineProgram,
    state: State<C>,
    locals: HashMap<String, String>,
    /// Children created and not yet handed to a wait, a `join_all` or a spawn.
    children: HashMap<String, Machine<C>>,
    chapter: C,
}

/// corofy's `enum State`.
enum State<C: Chapter> {
    /// Nothing ran yet.
    Start,
    /// Stopped at a wait of the program (corofy's `Wait1` … `WaitN`).
    Wait(Wait<C>),
    /// The program returned; corofy's machines panic when polled again.
    Resolved,
}

/// Where the code of a state runs to: the next wait, or the program's value.
enum Next<C: Chapter> {
    Wait(Wait<C>),
    Return(String),
}

/// The wait at instruction `at`, on the future it holds.
struct Wait<C: Chapter> {
    at: usize,
    on: C::Awaited,
    /// For a leaf: what its trace entries need.
    leaf: Option<WaitedLeaf>,
}

struct WaitedLeaf {
    label: String,
    http: bool,
    started: bool,
}

impl<C: Chapter> Machine<C> {
    /// The machine of `program`, in state `Start`.
    pub fn new(program: CoroutineProgram, chapter: C) -> Machine<C> {
        Machine { program, state: State::Start, locals: HashMap::new(), children: HashMap::new(), chapter }
    }

    /// One poll, as corofy's `poll` makes it: runs from the current state until a wait is not
    /// ready (Pending) or the program returns (Ready); a wait that is ready hands its value to the
    /// next state's code within the same poll (CO-04).
    pub fn resume(&mut self, waker: &C::Waker) -> Poll<String> {
        loop {
            let from = match &mut self.state {
                State::Start => 0,
                State::Wait(wait) => match wait.poll(waker, self.chapter.trace()) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(value) => {
                        let at = wait.at;
                        if let Some(var) = self.destination(at) {
                            self.locals.insert(var, value);
                        }
                        at + 1
                    }
                },
                State::Resolved => panic!("Polled a resolved future"),
            };
            match self.run(from, waker) {
                Next::Wait(wait) => self.state = State::Wait(wait),
                Next::Return(value) => {
                    self.state = State::Resolved;
                    return Poll::Ready(value);
                }
            }
        }
    }

    /// Runs the program from instruction `from` to its next wait or its end: the code of a state.
    fn run(&mut self, from: usize, waker: &C::Waker) -> Next<C> {
        let program = self.program.clone();
        for (at, instruction) in program.iter().enumerate().skip(from) {
            let (on, leaf) = match instruction {
                CoroutineInstruction::WaitLeaf { leaf, .. } => (self.leaf(leaf), Some(WaitedLeaf::new(leaf))),
                CoroutineInstruction::WaitChild { child, .. } => (C::child(self.take(child)), None),
                CoroutineInstruction::JoinAll { children, .. } => {
                    (C::join_all(children.iter().map(|child| self.take(child)).collect()), None)
                }
                CoroutineInstruction::YieldNow => (self.chapter.yield_now(), None),
                CoroutineInstruction::YieldUntilSleep => (self.chapter.yield_until_sleep(), None),
                CoroutineInstruction::Return(value) => return Next::Return(self.fill(value)),
                _ => {
                    self.execute(instruction, waker);
                    continue;
                }
            };
            return Next::Wait(Wait { at, on, leaf });
        }
        Next::Return(String::new())
    }

    /// Runs an instruction that does not end a state's code.
    fn execute(&mut self, instruction: &CoroutineInstruction, waker: &C::Waker) {
        match instruction {
            CoroutineInstruction::Log(text) => self.chapter.log(&self.fill(text)),
            CoroutineInstruction::Set { var, value } => {
                let value = self.fill(value);
                self.locals.insert(var.clone(), value);
            }
            CoroutineInstruction::Create { name, program } => {
                self.children.insert(name.clone(), Machine::new(program.clone(), self.chapter.clone()));
            }
            CoroutineInstruction::Spawn(child) => {
                let child = self.take(child);
                self.chapter.spawn(child);
            }
            CoroutineInstruction::PollDetached(child) => {
                if let Some(child) = self.children.get_mut(child) {
                    self.chapter.poll_detached(child);
                }
            }
            CoroutineInstruction::KeepWaker(name) => self.chapter.keep_waker(name, waker),
            CoroutineInstruction::WaitLeaf { .. }
            | CoroutineInstruction::WaitChild { .. }
            | CoroutineInstruction::JoinAll { .. }
            | CoroutineInstruction::YieldNow
            | CoroutineInstruction::YieldUntilSleep
            | CoroutineInstruction::Return(_) => unreachable!("waits and returns end a state's code"),
            CoroutineInstruction::Append(_) | CoroutineInstruction::EnterOtherRuntime => {
                unreachable!("ack-adapter reads these instructions only in programs of area runtime")
            }
        }
    }

    fn leaf(&self, leaf: &Leaf) -> C::Awaited {
        match leaf {
            Leaf::Manual { name } => self.chapter.manual_leaf(name),
            Leaf::Http { path, .. } => C::http_get(path),
            Leaf::ThirdParty { .. } | Leaf::OtherRuntime { .. } => {
                unreachable!("ack-adapter reads these leaves only in programs of area runtime")
            }
        }
    }

    fn fill(&self, template: &Template) -> String {
        template.render(|name| self.locals.get(name))
    }

    /// A created child, handed over to whatever drives it from now on. ack-adapter checked the
    /// program: every child is created before it is handed over, and handed over once.
    fn take(&mut self, child: &str) -> Machine<C> {
        self.children.remove(child).expect("a checked program creates a child before handing it over")
    }

    /// The local that the value of the wait at `at` goes into, if any.
    fn destination(&self, at: usize) -> Option<String> {
        match &self.program[at] {
            CoroutineInstruction::WaitLeaf { into, .. }
            | CoroutineInstruction::WaitChild { into, .. }
            | CoroutineInstruction::JoinAll { into, .. } => into.clone(),
            _ => None,
        }
    }
}

impl<C: Chapter> Wait<C> {
    /// Polls what the wait holds; a leaf's polls are reported (`leaf-started` after the first,
    /// which began its work, `leaf-polled` after each).
    fn poll(&mut self, waker: &C::Waker, trace: &Trace) -> Poll<String> {
        let polled = C::poll(&mut self.on, waker);
        let Some(leaf) = &mut self.leaf else { return polled };
        if !mem::replace(&mut leaf.started, true) {
            trace.leaf_started(&leaf.label);
        }
        trace.leaf_polled(&leaf.label, polled.is_ready());
        // The book's `Http::get` is Ready with the whole response; a program binds its body, the
        // bytes after the first blank line (protocol.md §7, CO-12).
        polled.map(|value| match value.split_once("\r\n\r\n") {
            Some((_, body)) if leaf.http => body.to_owned(),
            _ => value,
        })
    }
}

impl WaitedLeaf {
    fn new(leaf: &Leaf) -> WaitedLeaf {
        WaitedLeaf { label: leaf.label().to_owned(), http: matches!(leaf, Leaf::Http { .. }), started: false }
    }
}
