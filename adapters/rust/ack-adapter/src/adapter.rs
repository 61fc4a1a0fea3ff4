//! The adapter: the areas an implementation claims, and the request loop that serves them
//! (spec/protocol.md §1–§3).

use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use crate::Capability;
use crate::area::{Area, AreaId, panic_message};
use crate::args::Args;
use crate::coroutines::{Coroutines, CoroutinesArea};
use crate::error::{Error, ErrorKind, Result};
use crate::events;
use crate::event_queue::{EventQueue, EventQueueArea};
use crate::fibers::{Fibers, FibersArea};
use crate::handles::Handles;
use crate::json::{self, Json};
use crate::pinning::{Pinning, PinningArea};
use crate::runtime::{Runtime, RuntimeArea};
use crate::stdout;
use crate::wakers::{Wakers, WakersArea};

/// The protocol version this crate speaks.
const PROTOCOL: i64 = 1;

/// An adapter: a name and version for the handshake, and an implementation per area it claims.
///
/// ```no_run
/// use ack_adapter::{Adapter, EventQueue};
///
/// struct MyQueue;
/// impl EventQueue for MyQueue {
///     type Poll = ();
///     type Registry = ();
///     type Events = ();
///     type Source = ();
///     type Waker = ();
///     // the operations implemented so far; the others answer `Unsupported`
/// }
///
/// fn main() -> std::process::ExitCode {
///     Adapter::new("my-epoll", "0.1.0").event_queue(MyQueue).serve()
/// }
/// ```
pub struct Adapter {
    name: String,
    version: String,
    areas: Vec<Box<dyn Area>>,
}

impl Adapter {
    /// An adapter that claims nothing yet; `name` and `version` are what the handshake reports.
    pub fn new(name: impl Into<String>, version: impl Into<String>) -> Adapter {
        Adapter { name: name.into(), version: version.into(), areas: Vec::new() }
    }

    /// Claims area `event-queue` (chapter 4), with the capabilities `queue` declares.
    pub fn event_queue(self, queue: impl EventQueue + 'static) -> Adapter {
        self.claim(EventQueueArea::new(queue))
    }

    /// Claims area `fibers` (chapter 5).
    pub fn fibers(self, fibers: impl Fibers + 'static) -> Adapter {
        self.claim(FibersArea::new(fibers))
    }

    /// Claims area `coroutines` (chapter 7).
    pub fn coroutines(self, coroutines: impl Coroutines + 'static) -> Adapter {
        self.claim(CoroutinesArea::new(coroutines))
    }

    /// Claims area `wakers` (chapter 8).
    pub fn wakers(self, wakers: impl Wakers) -> Adapter {
        self.claim(WakersArea::new(wakers))
    }

    /// Claims area `pinning` (chapter 9), with the capabilities `pinning` declares.
    pub fn pinning(self, pinning: impl Pinning + 'static) -> Adapter {
        self.claim(PinningArea::new(pinning))
    }

    /// Claims area `runtime` (chapter 10).
    pub fn runtime(self, runtime: impl Runtime) -> Adapter {
        self.claim(RuntimeArea::new(runtime))
    }

    fn claim(mut self, area: impl Area + 'static) -> Adapter {
        self.areas.retain(|claimed| claimed.id() != area.id());
        self.areas.push(Box::new(area));
        self.areas.sort_by_key(|claimed| claimed.id());
        self
    }

    /// Serves the runner on stdin and stdout until `shutdown` or the end of input, then releases
    /// everything; return its result from `main`.
    ///
    /// First it keeps stdout for the protocol alone: the process's file descriptor 1 is pointed
    /// at stderr, so anything printed from here on (`println!` included, from any thread or
    /// library) goes to stderr, which the runner keeps for the reports. Call it before printing
    /// anything.
    pub fn serve(self) -> ExitCode {
        let protocol = match stdout::take_for_protocol() {
            Ok(protocol) => protocol,
            Err(error) => {
                eprintln!("ack-adapter: cannot keep stdout for the protocol: {error}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(error) = events::install(&protocol) {
            eprintln!("ack-adapter: cannot keep stdout for the protocol's events: {error}");
            return ExitCode::FAILURE;
        }
        match self.serve_on(io::stdin().lock(), protocol) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("ack-adapter: the runner's end of the protocol failed: {error}");
                ExitCode::FAILURE
            }
        }
    }

    /// Serves requests read from `requests` with replies written to `replies`, one line each and
    /// flushed at once, until `shutdown` or the end of input; then releases everything. For tests:
    /// this leaves stdout alone. Fails only when reading or writing fails.
    pub fn serve_on(self, mut requests: impl BufRead, mut replies: impl Write) -> io::Result<()> {
        let mut session =
            Session { name: self.name, version: self.version, areas: self.areas, handles: Handles::default() };
        let mut line = Vec::new();
        let served = loop {
            line.clear();
            match requests.read_until(b'\n', &mut line) {
                Ok(0) => break Ok(()),
                Ok(_) => {}
                Err(error) => break Err(error),
            }
            let (reply, shutdown) = session.answer(&line);
            if let Err(error) = stdout::send_line(&mut replies, &reply) {
                break Err(error);
            }
            if shutdown {
                break Ok(());
            }
        };
        session.reset();
        served
    }
}

/// What one adapter process serves.
struct Session {
    name: String,
    version: String,
    areas: Vec<Box<dyn Area>>,
    handles: Handles,
}

impl Session {
    /// The reply to one line, and whether it was a `shutdown`.
    fn answer(&mut self, line: &[u8]) -> (Json, bool) {
        let request = match read_request(line) {
            Ok(request) => request,
            Err(error) => return (failure(None, error), false),
        };
        // Any integer is the request's id, to answer with, even one the protocol forbids (§2.1).
        let Some(&Json::Int(id)) = request.get("id") else {
            return (failure(None, Error::bad_request("a request needs an integer \"id\"")), false);
        };
        match self.serve(id, &request) {
            Ok(result) => {
                let shutdown = matches!(request.get("op"), Some(Json::String(op)) if op == "shutdown");
                (Json::object([("id", Json::Int(id)), ("ok", true.into()), ("result", result)]), shutdown)
            }
            Err(error) => (failure(Some(id), error), false),
        }
    }

    fn serve(&mut self, id: i128, request: &Json) -> Result<Json> {
        if id < 1 {
            return Err(Error::bad_request(format!("\"id\" must be a positive integer, not {id}")));
        }
        let Some(Json::String(op)) = request.get("op") else {
            return Err(Error::bad_request("a request needs a string \"op\""));
        };
        self.dispatch(op, &Args::of_request(request.get("args"))?)
    }

    fn dispatch(&mut self, op: &str, args: &Args<'_>) -> Result<Json> {
        match op {
            "hello" => Ok(self.hello()),
            "reset" => {
                self.reset();
                Ok(Json::object([]))
            }
            "shutdown" => Ok(Json::object([])),
            _ => {
                let Some(area) = self.areas.iter_mut().find(|area| op.starts_with(area.id().op_prefix())) else {
                    return Err(match AreaId::ALL.iter().find(|area| op.starts_with(area.op_prefix())) {
                        Some(area) => {
                            Error::new(ErrorKind::Unsupported, format!("area {} is not claimed", area.wire_name()))
                        }
                        None => Error::bad_request(format!("unknown op {op:?}")),
                    });
                };
                let handles = &mut self.handles;
                // A panic in an implementation is a failed request, not a dead adapter (§2.1).
                panic::catch_unwind(AssertUnwindSafe(|| area.serve(op, args, handles)))
                    .unwrap_or_else(|panic| Err(Error::internal(panic_message(&*panic))))
            }
        }
    }

    /// Answers with the version this crate speaks, whatever the runner asked for (§3.1).
    fn hello(&self) -> Json {
        let areas = self.areas.iter().map(|area| area.id().wire_name().into()).collect();
        let mut claimed: Vec<Capability> = Vec::new();
        for capability in self.areas.iter().flat_map(|area| area.capabilities()) {
            if !claimed.contains(&capability) {
                claimed.push(capability);
            }
        }
        let capabilities = claimed.into_iter().map(|capability| capability.wire_name().into()).collect();
        Json::object([
            ("name", self.name.as_str().into()),
            ("version", self.version.as_str().into()),
            ("language", "rust".into()),
            ("protocol", PROTOCOL.into()),
            ("areas", Json::Array(areas)),
            ("capabilities", Json::Array(capabilities)),
        ])
    }

    fn reset(&mut self) {
        for area in &mut self.areas {
            if let Err(panic) = panic::catch_unwind(AssertUnwindSafe(|| area.reset())) {
                eprintln!("ack-adapter: resetting area {} {}", area.id().wire_name(), panic_message(&*panic));
            }
        }
    }
}

/// A line as a request object; anything else is a `BadRequest` whose id cannot be read.
fn read_request(line: &[u8]) -> Result<Json> {
    let text = std::str::from_utf8(line).map_err(|error| Error::bad_request(format!("not UTF-8: {error}")))?;
    match json::parse(text) {
        Ok(request @ Json::Object(_)) => Ok(request),
        Ok(other) => Err(Error::bad_request(format!("a request is an object, not {}", other.kind()))),
        Err(error) => Err(Error::bad_request(format!("not JSON: {error}"))),
    }
}

fn failure(id: Option<i128>, error: Error) -> Json {
    let error = Json::object([("kind", error.kind().wire_name().into()), ("message", error.message().into())]);
    Json::object([("id", id.map_or(Json::Null, Json::Int)), ("ok", false.into()), ("error", error)])
}
