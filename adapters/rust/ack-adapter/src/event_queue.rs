//! Area `event-queue` (chapter 4; spec/protocol.md §5): the [`EventQueue`] trait and the values
//! its operations take and give.

use std::thread;
use std::time::Duration;

use crate::Capability;
use crate::area::{Area, AreaId};
use crate::args::Args;
use crate::error::{Error, ErrorKind, Result};
use crate::handles::{Handles, Table};
use crate::json::Json;

/// An event queue shaped like mio (poll instance, registry, events, sources, wakers), as the
/// runner drives it. Implement it for a type of yours and pass that to
/// [`Adapter::event_queue`](crate::Adapter::event_queue).
///
/// The crate keeps every object an operation creates under a handle and passes it back to later
/// operations, so no method sees a handle, and a request naming an object that does not exist (or
/// of the wrong kind) is answered `UnknownHandle` before any method is called. Arguments arrive
/// checked: a malformed request never gets here.
///
/// Every method has a default that answers `Unsupported`, so an implementation can grow one
/// operation at a time. The associated types are your own: name a type you do not have yet as
/// `()`. Methods take `&self` because `eq.poll` may run a second call (a wake, a registration) on
/// another thread while `poll` blocks; keep state in the objects, or behind a lock.
pub trait EventQueue: Sync {
    /// A poll instance: the book's `Poll`, owning an epoll instance.
    type Poll;
    /// A handle to a poll instance's registry that works from another thread while the poll
    /// blocks (mio's `poll.registry().try_clone()`). Requested once per poll instance, at its first
    /// use, and dropped before the poll instance is closed.
    type Registry: Sync;
    /// An events collection of fixed capacity (the book's `Events`).
    type Events;
    /// A source: a TCP stream connected to a peer the runner hosts.
    type Source: Sync;
    /// A waker bound to a poll instance.
    type Waker: Sync;

    /// The optional behaviour this event queue has: [`Capability::EdgeTriggered`],
    /// [`Capability::Oneshot`], [`Capability::Reregister`], [`Capability::Deregister`],
    /// [`Capability::EventQueueWaker`] and the others of the area. The handshake claims them, and a
    /// request that needs one not listed (an edge-triggered or oneshot registration, `eq.reregister`,
    /// `eq.deregister`, `eq.waker_new`, `eq.wake`) is answered `Unsupported` without calling the
    /// method (PR-10).
    fn capabilities(&self) -> &[Capability] {
        &[]
    }

    /// `eq.poll_new`: a new poll instance with nothing registered.
    fn poll_new(&self) -> Result<Self::Poll> {
        Err(Error::unsupported("eq.poll_new"))
    }

    /// `eq.poll_close`: releases the instance and every OS handle it owns, its wakers' too. The
    /// default drops it.
    fn poll_close(&self, poll: Self::Poll) -> Result<()> {
        drop(poll);
        Ok(())
    }

    /// The registry of `poll`, usable from another thread (see [`EventQueue::Registry`]).
    fn registry(&self, poll: &Self::Poll) -> Result<Self::Registry> {
        let _ = poll;
        Err(Error::unsupported("the registry of a poll instance"))
    }

    /// `eq.events_new`: a collection that holds at most `capacity` events. A capacity of 0 is
    /// yours to reject, with `InvalidArgument` (EQ-20).
    fn events_new(&self, capacity: usize) -> Result<Self::Events> {
        let _ = capacity;
        Err(Error::unsupported("eq.events_new"))
    }

    /// `eq.connect`: connects a TCP stream (blocking is fine), then makes it non-blocking.
    fn connect(&self, host: &str, port: u16) -> Result<Self::Source> {
        let _ = (host, port);
        Err(Error::unsupported("eq.connect"))
    }

    /// `eq.write`: one write of `data`; returns how many bytes went. `WouldBlock` when no space.
    fn write(&self, source: &mut Self::Source, data: &[u8]) -> Result<usize> {
        let _ = (source, data);
        Err(Error::unsupported("eq.write"))
    }

    /// `eq.read`: one read into `buffer` (as `std::io::Read::read`); 0 means end of stream,
    /// nothing there yet is `WouldBlock`.
    fn read(&self, source: &mut Self::Source, buffer: &mut [u8]) -> Result<usize> {
        let _ = (source, buffer);
        Err(Error::unsupported("eq.read"))
    }

    /// `eq.source_close`: closes the stream. Its handle stays known, so the next requests show
    /// what the implementation does with a closed OS handle (`InvalidArgument`, EQ-16).
    fn source_close(&self, source: &mut Self::Source) -> Result<()> {
        let _ = source;
        Err(Error::unsupported("eq.source_close"))
    }

    /// `eq.register`; the interests may be empty, which is yours to reject (EQ-03).
    fn register(&self, registry: &Self::Registry, source: &Self::Source, registration: Registration) -> Result<()> {
        let _ = (registry, source, registration);
        Err(Error::unsupported("eq.register"))
    }

    /// `eq.reregister`: replaces token, interests and mode of a registered source.
    fn reregister(&self, registry: &Self::Registry, source: &Self::Source, registration: Registration) -> Result<()> {
        let _ = (registry, source, registration);
        Err(Error::unsupported("eq.reregister"))
    }

    /// `eq.deregister`.
    fn deregister(&self, registry: &Self::Registry, source: &Self::Source) -> Result<()> {
        let _ = (registry, source);
        Err(Error::unsupported("eq.deregister"))
    }

    /// `eq.waker_new`: a waker whose wakes make a poll of this registry's instance report `token`.
    fn waker_new(&self, registry: &Self::Registry, token: Token) -> Result<Self::Waker> {
        let _ = (registry, token);
        Err(Error::unsupported("eq.waker_new"))
    }

    /// `eq.wake`, from the request thread or, for `concurrently`, from another thread.
    fn wake(&self, waker: &Self::Waker) -> Result<()> {
        let _ = waker;
        Err(Error::unsupported("eq.wake"))
    }

    /// `eq.poll`: waits until something is ready or `timeout` runs out (`None`: no timeout; zero:
    /// do not block), filling `events`. Returns the collection's contents after the call, in the
    /// order the collection holds them. A timeout is zero events, not an error (EQ-19).
    fn poll(&self, poll: &mut Self::Poll, events: &mut Self::Events, timeout: Option<Duration>) -> Result<Vec<Event>> {
        let _ = (poll, events, timeout);
        Err(Error::unsupported("eq.poll"))
    }
}

/// A registration's token: an integer in `0 ..= 2^53 - 1` that must come back unchanged (EQ-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Token(pub u64);

/// The readiness a registration asks for. Empty is possible here, because the protocol can say it;
/// an implementation must reject it (EQ-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Interests {
    /// `"readable"` was asked for.
    pub readable: bool,
    /// `"writable"` was asked for.
    pub writable: bool,
}

/// How a registration reports readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Trigger {
    /// On every poll while ready (the default).
    #[default]
    Level,
    /// Once per transition to ready; claimed with [`Capability::EdgeTriggered`].
    Edge,
}

/// What `eq.register` and `eq.reregister` ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registration {
    /// The token events carry.
    pub token: Token,
    /// What to report.
    pub interests: Interests,
    /// Level- or edge-triggered.
    pub trigger: Trigger,
    /// Report at most once until re-armed by `reregister`; claimed with [`Capability::Oneshot`].
    pub oneshot: bool,
}

/// One event of a poll's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Event {
    /// The token of the registration (or waker) this event is about.
    pub token: Token,
    /// Ready to read (also at end of stream).
    pub readable: bool,
    /// Ready to write.
    pub writable: bool,
    /// The peer closed its writing side (`EPOLLRDHUP`).
    pub read_closed: bool,
    /// This side can no longer write (`EPOLLHUP`).
    pub write_closed: bool,
    /// An error is pending on the source (`EPOLLERR`).
    pub error: bool,
}

/// What `concurrently` does on the other thread.
type Action<'a> = Box<dyn FnOnce() -> Result<()> + Send + 'a>;

/// The largest integer every JSON implementation keeps exact.
const MAX_TOKEN: u64 = (1 << 53) - 1;
const TRIGGERS: [(&str, Trigger); 2] = [("level", Trigger::Level), ("edge", Trigger::Edge)];
/// A read may return less than asked, so a huge `max` need not allocate a huge buffer.
const MAX_READ: usize = 1 << 16;

/// A poll instance and, once something needed it, its registry.
struct PollEntry<E: EventQueue + ?Sized> {
    poll: E::Poll,
    registry: Option<E::Registry>,
}

/// Serves the `eq.*` ops with an [`EventQueue`].
pub(crate) struct EventQueueArea<E: EventQueue> {
    queue: E,
    polls: Table<PollEntry<E>>,
    events: Table<E::Events>,
    sources: Table<E::Source>,
    wakers: Table<E::Waker>,
}

impl<E: EventQueue> EventQueueArea<E> {
    pub(crate) fn new(queue: E) -> Self {
        EventQueueArea {
            queue,
            polls: Table::new("poll instance"),
            events: Table::new("events collection"),
            sources: Table::new("source"),
            wakers: Table::new("waker"),
        }
    }

    fn claims(&self, capability: Capability) -> bool {
        self.queue.capabilities().contains(&capability)
    }

    fn token(args: &Args<'_>) -> Result<Token> {
        let token = args.int::<u64>("token")?;
        if token > MAX_TOKEN {
            return Err(Error::bad_request(format!("token {token} is above 2^53 - 1")));
        }
        Ok(Token(token))
    }

    fn registration(&self, args: &Args<'_>) -> Result<Registration> {
        const WORDS: [(&str, Interests); 2] = [
            ("readable", Interests { readable: true, writable: false }),
            ("writable", Interests { readable: false, writable: true }),
        ];
        let mut interests = Interests::default();
        for word in args.strings("interests")? {
            let interest = args.pick("interests", word, &WORDS)?;
            interests.readable |= interest.readable;
            interests.writable |= interest.writable;
        }
        let registration = Registration {
            token: Self::token(args)?,
            interests,
            trigger: args.opt_choice("trigger", &TRIGGERS)?.unwrap_or_default(),
            oneshot: args.opt_bool("oneshot")?.unwrap_or(false),
        };
        if registration.trigger == Trigger::Edge {
            self.needs(Capability::EdgeTriggered)?;
        }
        if registration.oneshot {
            self.needs(Capability::Oneshot)?;
        }
        Ok(registration)
    }

    /// PR-10: a request that needs a capability the queue does not claim is answered `Unsupported`.
    fn needs(&self, capability: Capability) -> Result<()> {
        if self.claims(capability) {
            return Ok(());
        }
        Err(Error::new(ErrorKind::Unsupported, format!("{} is not claimed", capability.wire_name())))
    }

    /// Calls `op` with the registry of `args.poll` and the source of `args.source`.
    fn with_registry(
        &mut self,
        args: &Args<'_>,
        op: impl FnOnce(&E, &E::Registry, &E::Source) -> Result<()>,
    ) -> Result<Json> {
        let source = self.sources.get(args.handle("source")?)?;
        let (_, registry) = open(&self.queue, &mut self.polls, args.handle("poll")?)?;
        op(&self.queue, registry, source)?;
        Ok(Json::object([]))
    }

    fn poll(&mut self, args: &Args<'_>) -> Result<Json> {
        let timeout = args.int_or_null::<u64>("timeout_ms")?.map(Duration::from_millis);
        let handle = args.handle("poll")?;
        let queue = &self.queue;
        // Everything `concurrently` names is looked up before the poll: a bad request fails at once.
        let (poll, concurrently): (_, Option<(Duration, Action<'_>)>) = match args.opt_object("concurrently")? {
            None => (&mut self.polls.get_mut(handle)?.poll, None),
            Some(spec) => {
                let after = Duration::from_millis(spec.int::<u64>("after_ms")?);
                if spec.choice("action", &[("wake", true), ("register", false)])? {
                    let waker = self.wakers.get(spec.handle("waker")?)?;
                    (&mut self.polls.get_mut(handle)?.poll, Some((after, Box::new(move || queue.wake(waker)))))
                } else {
                    let registration = self.registration(&spec)?;
                    let source = self.sources.get(spec.handle("source")?)?;
                    let (poll, registry) = open(queue, &mut self.polls, handle)?;
                    (poll, Some((after, Box::new(move || queue.register(registry, source, registration)))))
                }
            }
        };
        let events = self.events.get_mut(args.handle("events")?)?;
        let Some((after, act)) = concurrently else {
            return Ok(events_json(&queue.poll(poll, events, timeout)?));
        };
        let (polled, acted) = thread::scope(|scope| {
            let helper = thread::Builder::new().name("eq.poll concurrently".into()).spawn_scoped(scope, move || {
                thread::sleep(after);
                act()
            })?;
            let polled = queue.poll(poll, events, timeout);
            let acted = helper.join().unwrap_or_else(|_| Err(Error::internal("the concurrent action panicked")));
            Ok::<_, Error>((polled, acted))
        })?;
        // The action's failure comes first: it is why a poll without a timeout never ended (§5).
        acted?;
        Ok(events_json(&polled?))
    }
}

/// The poll instance behind `handle`, and its registry, fetched at its first use.
fn open<'t, E: EventQueue>(
    queue: &E,
    polls: &'t mut Table<PollEntry<E>>,
    handle: u64,
) -> Result<(&'t mut E::Poll, &'t E::Registry)> {
    let entry = polls.get_mut(handle)?;
    let registry = match entry.registry.take() {
        Some(registry) => registry,
        None => queue.registry(&entry.poll)?,
    };
    Ok((&mut entry.poll, entry.registry.insert(registry)))
}

fn events_json(events: &[Event]) -> Json {
    let events = events.iter().map(|event| {
        Json::object([
            ("token", event.token.0.into()),
            ("readable", event.readable.into()),
            ("writable", event.writable.into()),
            ("read_closed", event.read_closed.into()),
            ("write_closed", event.write_closed.into()),
            ("error", event.error.into()),
        ])
    });
    Json::object([("events", Json::Array(events.collect()))])
}

impl<E: EventQueue> Area for EventQueueArea<E> {
    fn id(&self) -> AreaId {
        AreaId::EventQueue
    }

    fn capabilities(&self) -> Vec<Capability> {
        self.queue.capabilities().to_vec()
    }

    fn serve(&mut self, op: &str, args: &Args<'_>, handles: &mut Handles) -> Result<Json> {
        let queue = &self.queue;
        let handle = |name: &str, handle: u64| Json::object([(name, handle.into())]);
        match op {
            "eq.poll_new" => {
                Ok(handle("poll", self.polls.issue(handles, PollEntry { poll: queue.poll_new()?, registry: None })))
            }
            "eq.poll_close" => {
                let PollEntry { poll, registry } = self.polls.release(args.handle("poll")?)?;
                drop(registry); // a registry may share the instance's OS handles: it goes first
                queue.poll_close(poll)?;
                Ok(Json::object([]))
            }
            "eq.events_new" => {
                Ok(handle("events", self.events.issue(handles, queue.events_new(args.int("capacity")?)?)))
            }
            "eq.connect" => {
                let source = queue.connect(args.string("host")?, args.int("port")?)?;
                Ok(handle("source", self.sources.issue(handles, source)))
            }
            "eq.write" => {
                let source = self.sources.get_mut(args.handle("source")?)?;
                let written = queue.write(source, args.string("data")?.as_bytes())?;
                Ok(Json::object([("written", written.into())]))
            }
            "eq.read" => {
                let max = args.int::<usize>("max")?;
                if max == 0 {
                    return Err(Error::bad_request("args.max must be at least 1"));
                }
                let source = self.sources.get_mut(args.handle("source")?)?;
                let mut buffer = vec![0; max.min(MAX_READ)];
                let count = queue.read(source, &mut buffer)?;
                let data = String::from_utf8_lossy(&buffer[..count.min(buffer.len())]);
                Ok(Json::object([("data", data.as_ref().into()), ("eof", (count == 0).into())]))
            }
            "eq.source_close" => {
                queue.source_close(self.sources.get_mut(args.handle("source")?)?)?;
                Ok(Json::object([]))
            }
            "eq.register" => {
                let registration = self.registration(args)?;
                self.with_registry(args, |queue, registry, source| queue.register(registry, source, registration))
            }
            "eq.reregister" => {
                self.needs(Capability::Reregister)?;
                let registration = self.registration(args)?;
                self.with_registry(args, |queue, registry, source| queue.reregister(registry, source, registration))
            }
            "eq.deregister" => {
                self.needs(Capability::Deregister)?;
                self.with_registry(args, |queue, registry, source| queue.deregister(registry, source))
            }
            "eq.waker_new" => {
                self.needs(Capability::EventQueueWaker)?;
                let token = Self::token(args)?;
                let (_, registry) = open(queue, &mut self.polls, args.handle("poll")?)?;
                let waker = queue.waker_new(registry, token)?;
                Ok(handle("waker", self.wakers.issue(handles, waker)))
            }
            "eq.wake" => {
                self.needs(Capability::EventQueueWaker)?;
                queue.wake(self.wakers.get(args.handle("waker")?)?)?;
                Ok(Json::object([]))
            }
            "eq.poll" => self.poll(args),
            _ => Err(Error::bad_request(format!("unknown op {op:?}"))),
        }
    }

    fn reset(&mut self) {
        self.sources.clear();
        self.wakers.clear();
        for PollEntry { poll, registry } in self.polls.release_all() {
            drop(registry);
            if let Err(error) = self.queue.poll_close(poll) {
                eprintln!("ack-adapter: closing a poll instance on reset failed: {error}");
            }
        }
        self.events.clear();
    }
}
