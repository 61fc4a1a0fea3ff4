//! The request loop as the runner sees it: lines in, lines out, through `Adapter::serve_on`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use ack_adapter::{
    Adapter, Capability, CoroutineInstruction, CoroutineProgram, Coroutines, Error, ErrorKind, Event, EventQueue,
    PinKind, Pinning, Registration, Result, Runtime, StopSignal, Token, Trace, WakeBy,
};

/// Serves `lines` and returns the replies, one string per line.
fn serve(adapter: Adapter, lines: &str) -> Vec<String> {
    let mut out = Vec::new();
    adapter.serve_on(lines.as_bytes(), &mut out).expect("in-memory streams do not fail");
    String::from_utf8(out).expect("replies are UTF-8").lines().map(str::to_owned).collect()
}

fn bare() -> Adapter {
    Adapter::new("test", "1.2.3")
}

/// A flag that a waker sets and a poll waits for: enough of an event queue to test the plumbing.
#[derive(Default)]
struct Flag {
    set: Mutex<bool>,
    changed: Condvar,
}

struct FakeQueue {
    dropped: Arc<AtomicUsize>,
}

/// Adds one to a shared count when dropped, to see that `reset` and the closing ops release objects.
struct DropCount(Arc<AtomicUsize>);

impl Drop for DropCount {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

struct FakePoll {
    flag: Arc<Flag>,
    _dropped: DropCount,
}

impl EventQueue for FakeQueue {
    type Poll = FakePoll;
    type Registry = Arc<Flag>;
    type Events = usize;
    type Source = ();
    type Waker = Arc<Flag>;

    fn capabilities(&self) -> &[Capability] {
        &[Capability::Oneshot, Capability::EventQueueWaker]
    }

    fn poll_new(&self) -> Result<FakePoll> {
        Ok(FakePoll { flag: Arc::default(), _dropped: DropCount(Arc::clone(&self.dropped)) })
    }

    fn registry(&self, poll: &FakePoll) -> Result<Arc<Flag>> {
        Ok(Arc::clone(&poll.flag))
    }

    fn events_new(&self, capacity: usize) -> Result<usize> {
        match capacity {
            0 => Err(Error::new(ErrorKind::InvalidArgument, "capacity 0")),
            capacity => Ok(capacity),
        }
    }

    fn connect(&self, _host: &str, _port: u16) -> Result<()> {
        Ok(())
    }

    fn register(&self, _registry: &Arc<Flag>, _source: &(), registration: Registration) -> Result<()> {
        if registration.token == Token(13) {
            panic!("unlucky token");
        }
        Ok(())
    }

    fn waker_new(&self, registry: &Arc<Flag>, _token: Token) -> Result<Arc<Flag>> {
        Ok(Arc::clone(registry))
    }

    fn wake(&self, waker: &Arc<Flag>) -> Result<()> {
        *waker.set.lock().unwrap() = true;
        waker.changed.notify_all();
        Ok(())
    }

    fn poll(&self, poll: &mut FakePoll, _events: &mut usize, timeout: Option<Duration>) -> Result<Vec<Event>> {
        let set = poll.flag.set.lock().unwrap();
        let mut set = match timeout {
            None => poll.flag.changed.wait_while(set, |set| !*set).unwrap(),
            Some(timeout) => poll.flag.changed.wait_timeout_while(set, timeout, |set| !*set).unwrap().0,
        };
        let woken = std::mem::take(&mut *set);
        Ok(if woken { vec![Event { token: Token(99), readable: true, ..Event::default() }] } else { Vec::new() })
    }
}

fn queue() -> (Adapter, Arc<AtomicUsize>) {
    let dropped = Arc::new(AtomicUsize::new(0));
    (bare().event_queue(FakeQueue { dropped: Arc::clone(&dropped) }), dropped)
}

#[test]
fn the_handshake_lists_what_is_claimed() {
    struct NoCoroutines;
    impl Coroutines for NoCoroutines {
        type Coroutine = ();
    }
    let (adapter, _) = queue();
    let replies = serve(adapter.coroutines(NoCoroutines), "{\"id\":1,\"op\":\"hello\",\"args\":{\"protocol\":1}}\n");
    assert_eq!(
        replies,
        [
            r#"{"id":1,"ok":true,"result":{"name":"test","version":"1.2.3","language":"rust","protocol":1,"areas":["event-queue","coroutines"],"capabilities":["oneshot","event-queue-waker"]}}"#
        ]
    );
    let replies = serve(bare(), "{\"id\":1,\"op\":\"hello\",\"args\":{\"protocol\":2}}\n");
    assert!(replies[0].contains(r#""protocol":1,"areas":[],"capabilities":[]"#), "{replies:?}");
}

#[test]
fn malformed_lines_get_bad_request_with_the_id_if_it_can_be_read_and_serving_goes_on() {
    let replies = serve(
        bare(),
        concat!(
            "this is not JSON\n",
            "\n",
            "[1,2]\n",
            "{\"id\":\"7\",\"op\":\"reset\"}\n",
            "{\"id\":1.5,\"op\":\"reset\"}\n",
            "{\"id\":8}\n",
            "{\"id\":9,\"op\":\"reset\",\"args\":[]}\n",
            "{\"id\":10,\"op\":\"reset\"} {\"id\":11,\"op\":\"reset\"}\n",
            "{\"id\":0,\"op\":\"reset\"}\n",
            "{\"id\":12,\"op\":\"no.such_op\",\"args\":{}}\n",
            "{\"id\":13,\"op\":\"wk.block_on\",\"args\":{}}\n",
            "{\"id\":4242,\"op\":\"reset\",\"args\":null}\r\n",
        ),
    );
    let kinds: Vec<(&str, &str)> = replies
        .iter()
        .map(|reply| {
            let id = reply.split(',').next().unwrap();
            let outcome = if reply.contains(r#""ok":true"#) {
                "ok"
            } else {
                reply.split("\"kind\":\"").nth(1).unwrap().split('"').next().unwrap()
            };
            (id, outcome)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (r#"{"id":null"#, "BadRequest"),
            (r#"{"id":null"#, "BadRequest"),
            (r#"{"id":null"#, "BadRequest"),
            (r#"{"id":null"#, "BadRequest"),
            (r#"{"id":null"#, "BadRequest"),
            (r#"{"id":8"#, "BadRequest"),
            (r#"{"id":9"#, "BadRequest"),
            (r#"{"id":null"#, "BadRequest"),
            (r#"{"id":0"#, "BadRequest"),
            (r#"{"id":12"#, "BadRequest"),
            (r#"{"id":13"#, "Unsupported"),
            (r#"{"id":4242"#, "ok"),
        ]
    );
}

#[test]
fn invalid_utf8_is_a_bad_request() {
    let mut out = Vec::new();
    bare().serve_on(&b"{\"id\":1,\"op\":\"\xff\"}\n"[..], &mut out).unwrap();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .starts_with(r#"{"id":null,"ok":false,"error":{"kind":"BadRequest","message":"not UTF-8"#)
    );
}

#[test]
fn shutdown_replies_and_stops_reading_and_the_end_of_input_needs_no_newline() {
    let replies = serve(bare(), "{\"id\":1,\"op\":\"shutdown\"}\n{\"id\":2,\"op\":\"reset\"}\n");
    assert_eq!(replies, [r#"{"id":1,"ok":true,"result":{}}"#]);
    let replies = serve(bare(), "{\"id\":1,\"op\":\"reset\"}");
    assert_eq!(replies, [r#"{"id":1,"ok":true,"result":{}}"#]);
    assert!(serve(bare(), "").is_empty());
}

#[test]
fn handles_are_issued_checked_and_released_by_the_crate() {
    let (adapter, dropped) = queue();
    let replies = serve(
        adapter,
        concat!(
            "{\"id\":1,\"op\":\"eq.poll_new\"}\n",
            "{\"id\":2,\"op\":\"eq.events_new\",\"args\":{\"capacity\":4}}\n",
            "{\"id\":3,\"op\":\"eq.poll\",\"args\":{\"poll\":2,\"events\":2,\"timeout_ms\":0}}\n",
            "{\"id\":4,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2}}\n",
            "{\"id\":5,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2,\"timeout_ms\":0}}\n",
            "{\"id\":6,\"op\":\"eq.events_new\",\"args\":{\"capacity\":0}}\n",
            "{\"id\":7,\"op\":\"eq.poll_new\"}\n",
            "{\"id\":8,\"op\":\"eq.poll_close\",\"args\":{\"poll\":3}}\n",
            "{\"id\":9,\"op\":\"eq.poll_close\",\"args\":{\"poll\":3}}\n",
            "{\"id\":10,\"op\":\"reset\"}\n",
            "{\"id\":11,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2,\"timeout_ms\":0}}\n",
        ),
    );
    assert_eq!(replies[0], r#"{"id":1,"ok":true,"result":{"poll":1}}"#);
    assert_eq!(replies[1], r#"{"id":2,"ok":true,"result":{"events":2}}"#);
    assert!(replies[2].contains("UnknownHandle"), "{}", replies[2]);
    assert!(replies[3].contains("BadRequest") && replies[3].contains("timeout_ms is missing"), "{}", replies[3]);
    assert_eq!(replies[4], r#"{"id":5,"ok":true,"result":{"events":[]}}"#);
    assert!(replies[5].contains("InvalidArgument"));
    assert_eq!(replies[6], r#"{"id":7,"ok":true,"result":{"poll":3}}"#);
    assert_eq!(replies[7], r#"{"id":8,"ok":true,"result":{}}"#);
    assert!(replies[8].contains("UnknownHandle"), "a released handle is unknown");
    assert!(replies[10].contains("UnknownHandle"), "reset released the poll");
    assert_eq!(dropped.load(Ordering::SeqCst), 2, "both polls were dropped");
}

#[test]
fn capabilities_not_claimed_are_unsupported_and_bad_args_never_reach_the_implementation() {
    let (adapter, _) = queue();
    let register = |id: u32, extra: &str| {
        format!(
            "{{\"id\":{id},\"op\":\"eq.register\",\"args\":{{\"poll\":1,\"source\":2,\"token\":1,\"interests\":[\"readable\"]{extra}}}}}\n"
        )
    };
    let lines = [
        "{\"id\":1,\"op\":\"eq.poll_new\"}\n".to_owned(),
        "{\"id\":2,\"op\":\"eq.connect\",\"args\":{\"host\":\"127.0.0.1\",\"port\":9}}\n".to_owned(),
        register(3, ""),
        register(4, ",\"trigger\":\"edge\""),
        register(5, ",\"oneshot\":true,\"trigger\":null"),
        register(6, ",\"trigger\":\"sideways\""),
        "{\"id\":7,\"op\":\"eq.register\",\"args\":{\"poll\":1,\"source\":2,\"token\":9007199254740992,\"interests\":[]}}\n"
            .to_owned(),
        "{\"id\":8,\"op\":\"eq.register\",\"args\":{\"poll\":1,\"source\":2,\"token\":1,\"interests\":[\"sideways\"]}}\n"
            .to_owned(),
        "{\"id\":9,\"op\":\"eq.register\",\"args\":{\"poll\":1,\"source\":2,\"token\":13,\"interests\":[]}}\n".to_owned(),
        register(10, "").replace("eq.register", "eq.reregister"),
        "{\"id\":11,\"op\":\"eq.deregister\",\"args\":{\"poll\":1,\"source\":2}}\n".to_owned(),
        "{\"id\":12,\"op\":\"reset\"}\n".to_owned(),
    ];
    let replies = serve(adapter, &lines.concat());
    assert_eq!(replies[2], r#"{"id":3,"ok":true,"result":{}}"#);
    assert!(replies[3].contains("Unsupported"), "{}", replies[3]);
    assert_eq!(replies[4], r#"{"id":5,"ok":true,"result":{}}"#, "oneshot is claimed; a null trigger is the default");
    assert!(replies[5].contains("BadRequest"));
    assert!(replies[6].contains("BadRequest") && replies[6].contains("2^53"), "{}", replies[6]);
    assert!(replies[7].contains("BadRequest"));
    assert!(replies[8].contains(r#""kind":"Internal","message":"panicked: unlucky token""#), "{}", replies[8]);
    assert!(replies[9].contains("Unsupported") && replies[9].contains("reregister"), "{}", replies[9]);
    assert!(replies[10].contains("Unsupported") && replies[10].contains("deregister"), "{}", replies[10]);
    assert_eq!(replies[11], r#"{"id":12,"ok":true,"result":{}}"#, "a panic does not end the session");
}

#[test]
fn concurrently_runs_the_action_on_another_thread_while_poll_blocks() {
    let (adapter, _) = queue();
    let replies = serve(
        adapter,
        concat!(
            "{\"id\":1,\"op\":\"eq.poll_new\"}\n",
            "{\"id\":2,\"op\":\"eq.events_new\",\"args\":{\"capacity\":4}}\n",
            "{\"id\":3,\"op\":\"eq.waker_new\",\"args\":{\"poll\":1,\"token\":99}}\n",
            "{\"id\":4,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2,\"timeout_ms\":null,",
            "\"concurrently\":{\"after_ms\":20,\"action\":\"wake\",\"waker\":3}}}\n",
            "{\"id\":5,\"op\":\"eq.poll\",\"args\":{\"poll\":1,\"events\":2,\"timeout_ms\":null,",
            "\"concurrently\":{\"after_ms\":20,\"action\":\"wake\",\"waker\":1}}}\n",
        ),
    );
    assert_eq!(
        replies[3],
        r#"{"id":4,"ok":true,"result":{"events":[{"token":99,"readable":true,"writable":false,"read_closed":false,"write_closed":false,"error":false}]}}"#
    );
    assert!(replies[4].contains("UnknownHandle"), "checked before the poll blocks: {}", replies[4]);
}

/// Counts its values; swaps the labels, and refuses nothing: enough to test the `pn.*` plumbing.
#[derive(Default)]
struct FakePinning {
    created: AtomicUsize,
    dropped: Arc<AtomicUsize>,
}

struct FakeValue {
    label: i64,
    _dropped: DropCount,
}

impl Pinning for FakePinning {
    type Value = FakeValue;

    fn new_value(&self, _pin: PinKind, movable: bool) -> Result<FakeValue> {
        self.created.fetch_add(1, Ordering::SeqCst);
        Ok(FakeValue { label: i64::from(movable), _dropped: DropCount(Arc::clone(&self.dropped)) })
    }

    fn swap(&self, value: &mut FakeValue, other: &mut FakeValue) -> Result<()> {
        std::mem::swap(&mut value.label, &mut other.label);
        Ok(())
    }

    fn swap_with_itself(&self, _value: &mut FakeValue) -> Result<()> {
        Ok(())
    }

    fn live(&self) -> Result<usize> {
        Ok(self.created.load(Ordering::SeqCst) - self.dropped.load(Ordering::SeqCst))
    }
}

#[test]
fn pinning_values_live_under_handles_and_scoped_pins_need_their_capability() {
    let pinning = FakePinning::default();
    let dropped = Arc::clone(&pinning.dropped);
    let replies = serve(
        bare().pinning(pinning),
        concat!(
            "{\"id\":1,\"op\":\"pn.new\",\"args\":{\"pinning\":\"heap\"}}\n",
            "{\"id\":2,\"op\":\"pn.new\",\"args\":{\"pinning\":\"none\",\"movable\":true}}\n",
            "{\"id\":3,\"op\":\"pn.new\",\"args\":{\"pinning\":\"scope\"}}\n",
            "{\"id\":4,\"op\":\"pn.swap\",\"args\":{\"value\":1,\"other\":2}}\n",
            "{\"id\":5,\"op\":\"pn.swap\",\"args\":{\"value\":1,\"other\":1}}\n",
            "{\"id\":6,\"op\":\"pn.swap\",\"args\":{\"value\":1,\"other\":9}}\n",
            "{\"id\":7,\"op\":\"pn.drop\",\"args\":{\"value\":2}}\n",
            "{\"id\":8,\"op\":\"pn.live\"}\n",
            "{\"id\":9,\"op\":\"pn.move\",\"args\":{\"value\":1}}\n",
            "{\"id\":10,\"op\":\"hello\",\"args\":{\"protocol\":1}}\n",
            "{\"id\":11,\"op\":\"reset\"}\n",
        ),
    );
    assert_eq!(replies[0], r#"{"id":1,"ok":true,"result":{"value":1}}"#);
    assert_eq!(replies[1], r#"{"id":2,"ok":true,"result":{"value":2}}"#);
    assert!(replies[2].contains("Unsupported") && replies[2].contains("scoped-pinning"), "{}", replies[2]);
    assert_eq!(replies[3], r#"{"id":4,"ok":true,"result":{}}"#);
    assert_eq!(replies[4], r#"{"id":5,"ok":true,"result":{}}"#, "a swap with itself reaches the implementation");
    assert!(replies[5].contains("UnknownHandle"), "{}", replies[5]);
    assert_eq!(replies[7], r#"{"id":8,"ok":true,"result":{"blocks":1}}"#, "the drop released value 2");
    assert!(replies[8].contains("Unsupported") && replies[8].contains("pn.move"), "{}", replies[8]);
    assert!(replies[9].contains(r#""areas":["pinning"],"capabilities":[]"#), "{}", replies[9]);
    assert_eq!(dropped.load(Ordering::SeqCst), 2, "reset dropped value 1");
}

/// A runtime that runs nothing: it logs how many instructions a program has, and remembers wakes.
#[derive(Default)]
struct FakeRuntime {
    wakes: Arc<Mutex<Vec<(String, WakeBy)>>>,
}

impl Runtime for FakeRuntime {
    fn init(&self) -> Result<()> {
        Ok(())
    }

    fn block_on(&self, program: CoroutineProgram, trace: Trace, _stop: &StopSignal) -> Result<()> {
        if program.contains(&CoroutineInstruction::EnterOtherRuntime) {
            return Err(Error::new(ErrorKind::NotInitialised, "no other runtime here"));
        }
        trace.log(Some(0), &format!("{} instructions", program.len()));
        Ok(())
    }

    fn leaf_ready(&self, name: &str, _value: &str, wake: WakeBy) -> Result<()> {
        self.wakes.lock().unwrap().push((name.to_owned(), wake));
        Ok(())
    }

    fn cpu_time(&self) -> Result<Duration> {
        Ok(Duration::from_micros(1500))
    }
}

#[test]
fn runtime_runs_report_their_end_or_error_and_its_programs_have_their_own_instructions() {
    let runtime = FakeRuntime::default();
    let wakes = Arc::clone(&runtime.wakes);
    let replies = serve(
        bare().runtime(runtime),
        concat!(
            "{\"id\":1,\"op\":\"rt.init\"}\n",
            "{\"id\":2,\"op\":\"rt.block_on\",\"args\":{\"program\":[{\"do\":\"append\",\"text\":\"a\"},",
            "{\"do\":\"wait\",\"leaf\":{\"kind\":\"third-party\",\"port\":80,\"path\":\"/1/a\"}}]}}\n",
            "{\"id\":3,\"op\":\"rt.run_wait\",\"args\":{\"run\":1,\"timeout_ms\":10000}}\n",
            "{\"id\":4,\"op\":\"rt.block_on\",\"args\":{\"program\":[{\"do\":\"enter_other_runtime\"}],\"executor\":\"exec-1\"}}\n",
            "{\"id\":5,\"op\":\"rt.run_wait\",\"args\":{\"run\":2,\"timeout_ms\":10000}}\n",
            "{\"id\":6,\"op\":\"rt.block_on\",\"args\":{\"program\":[{\"do\":\"keep_waker\",\"name\":\"w\"}]}}\n",
            "{\"id\":7,\"op\":\"rt.run_wait\",\"args\":{\"run\":99,\"timeout_ms\":1}}\n",
            "{\"id\":8,\"op\":\"rt.leaf_ready\",\"args\":{\"name\":\"A\",\"value\":\"x\",\"wake\":\"by_reference\"}}\n",
            "{\"id\":9,\"op\":\"rt.leaf_ready\",\"args\":{\"name\":\"A\",\"value\":\"x\",\"wake\":\"loudly\"}}\n",
            "{\"id\":10,\"op\":\"rt.cpu_time\"}\n",
            "{\"id\":11,\"op\":\"hello\",\"args\":{\"protocol\":1}}\n",
        ),
    );
    assert_eq!(replies[0], r#"{"id":1,"ok":true,"result":{}}"#);
    assert_eq!(replies[1], r#"{"id":2,"ok":true,"result":{"run":1}}"#);
    assert_eq!(
        replies[2],
        r#"{"id":3,"ok":true,"result":{"finished":true,"trace":[{"event":"log","task":0,"text":"2 instructions"}]}}"#
    );
    assert!(replies[4].contains("NotInitialised"), "a failed run replies with its error: {}", replies[4]);
    assert!(replies[5].contains("BadRequest") && replies[5].contains("keep_waker"), "{}", replies[5]);
    assert!(replies[6].contains("UnknownHandle"), "{}", replies[6]);
    assert_eq!(replies[7], r#"{"id":8,"ok":true,"result":{}}"#);
    assert!(replies[8].contains("BadRequest") && replies[8].contains("by_value"), "{}", replies[8]);
    assert_eq!(replies[9], r#"{"id":10,"ok":true,"result":{"cpu_ms":1.500}}"#);
    assert!(replies[10].contains(r#""areas":["runtime"]"#), "{}", replies[10]);
    assert_eq!(*wakes.lock().unwrap(), [("A".to_owned(), WakeBy::Reference)], "the bad wake word never got through");
}
