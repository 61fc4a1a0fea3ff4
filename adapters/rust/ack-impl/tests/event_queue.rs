//! The event queue against real sockets on loopback: each test is its own peer.

use std::fs;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream as PeerStream};
use std::thread;
use std::time::{Duration, Instant};

use ack_impl::event_queue::{Events, Interest, Mode, Poll, TcpStream, Token, Waker};

/// A connected pair: our non-blocking source and the peer's end.
fn pair() -> (TcpStream, PeerStream) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let source = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (peer, _) = listener.accept().unwrap();
    (source, peer)
}

/// Polls with a timeout and returns (token, readable, writable) of each event.
fn poll(poll: &mut Poll, events: &mut Events, timeout_ms: u64) -> Vec<(usize, bool, bool)> {
    poll.poll(events, Some(Duration::from_millis(timeout_ms))).unwrap();
    events.iter().map(|event| (event.token().0, event.is_readable(), event.is_writable())).collect()
}

fn setup() -> (Poll, Events) {
    (Poll::new().unwrap(), Events::with_capacity(8).unwrap())
}

/// How long a poll waits before it concludes that nothing (more) is coming.
const QUIET_MS: u64 = 50;
/// How long a poll waits for something that must come.
const SIGNAL_MS: u64 = 5_000;

#[test]
fn tokens_come_back_exactly_and_data_is_readable() {
    let (mut p, mut events) = setup();
    let (mut source, mut peer) = pair();
    let token = (1usize << 53) - 1;
    p.registry().register(&source, Token(token), Interest::READABLE, Mode::LEVEL).unwrap();
    assert_eq!(poll(&mut p, &mut events, 0), [], "nothing before the peer sends");
    peer.write_all(b"hello").unwrap();
    assert_eq!(poll(&mut p, &mut events, SIGNAL_MS), [(token, true, false)]);
    let mut buffer = [0; 16];
    assert_eq!(source.read(&mut buffer).unwrap(), 5);
    assert_eq!(source.read(&mut buffer).unwrap_err().kind(), io::ErrorKind::WouldBlock);
    assert_eq!(poll(&mut p, &mut events, 0), [], "drained, level-triggered: no event");
}

#[test]
fn only_the_registered_interests_are_reported() {
    let (mut p, mut events) = setup();
    let (source, mut peer) = pair();
    p.registry().register(&source, Token(1), Interest::WRITABLE, Mode::LEVEL).unwrap();
    peer.write_all(b"x").unwrap();
    assert_eq!(poll(&mut p, &mut events, SIGNAL_MS), [(1, false, true)]);
    p.registry().reregister(&source, Token(2), Interest::READABLE | Interest::WRITABLE, Mode::LEVEL).unwrap();
    assert_eq!(poll(&mut p, &mut events, SIGNAL_MS), [(2, true, true)], "reregister changes token and interests");
}

#[test]
fn level_repeats_edge_reports_once_and_oneshot_waits_to_be_rearmed() {
    let (mut p, mut events) = setup();
    let (level, mut level_peer) = pair();
    let (edge, mut edge_peer) = pair();
    let (oneshot, mut oneshot_peer) = pair();
    let registry = p.registry();
    registry.register(&level, Token(1), Interest::READABLE, Mode::LEVEL).unwrap();
    registry.register(&edge, Token(2), Interest::READABLE, Mode::EDGE).unwrap();
    registry.register(&oneshot, Token(3), Interest::READABLE, Mode::LEVEL.oneshot()).unwrap();
    for peer in [&mut level_peer, &mut edge_peer, &mut oneshot_peer] {
        peer.write_all(b"data").unwrap();
    }
    let mut seen = poll(&mut p, &mut events, SIGNAL_MS);
    let deadline = Instant::now() + Duration::from_millis(SIGNAL_MS);
    while seen.len() < 3 && Instant::now() < deadline {
        for event in poll(&mut p, &mut events, SIGNAL_MS) {
            if !seen.contains(&event) {
                seen.push(event);
            }
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, [(1, true, false), (2, true, false), (3, true, false)]);
    assert_eq!(poll(&mut p, &mut events, QUIET_MS), [(1, true, false)], "only level-triggered comes again");
    edge_peer.write_all(b"more").unwrap();
    oneshot_peer.write_all(b"more").unwrap();
    let mut again = poll(&mut p, &mut events, SIGNAL_MS);
    again.sort_unstable();
    assert_eq!(again, [(1, true, false), (2, true, false)], "new data is a new edge; oneshot stays disarmed");
    p.registry().reregister(&oneshot, Token(3), Interest::READABLE, Mode::LEVEL.oneshot()).unwrap();
    assert!(poll(&mut p, &mut events, SIGNAL_MS).contains(&(3, true, false)), "re-armed");
}

#[test]
fn registry_errors_carry_the_kernels_errno() {
    let (p, _) = setup();
    let other = Poll::new().unwrap();
    let (mut source, _peer) = pair();
    let registry = p.registry();
    registry.register(&source, Token(1), Interest::READABLE, Mode::LEVEL).unwrap();
    let errno = |result: io::Result<()>| result.unwrap_err().raw_os_error();
    assert_eq!(errno(registry.register(&source, Token(2), Interest::READABLE, Mode::LEVEL)), Some(17), "EEXIST");
    assert_eq!(errno(other.registry().deregister(&source)), Some(2), "ENOENT: registered elsewhere");
    registry.deregister(&source).unwrap();
    assert_eq!(errno(registry.deregister(&source)), Some(2), "ENOENT: deregistered already");
    assert_eq!(errno(registry.reregister(&source, Token(1), Interest::READABLE, Mode::LEVEL)), Some(2));
    source.close();
    assert_eq!(errno(registry.register(&source, Token(1), Interest::READABLE, Mode::LEVEL)), Some(9), "EBADF");
    assert_eq!(source.read(&mut [0; 4]).unwrap_err().raw_os_error(), Some(9));
}

#[test]
fn a_capacity_bounds_each_poll_and_the_rest_comes_next() {
    assert_eq!(Events::with_capacity(0).err().map(|error| error.kind()), Some(io::ErrorKind::InvalidInput));
    let mut p = Poll::new().unwrap();
    let mut events = Events::with_capacity(2).unwrap();
    let pairs: Vec<_> = (0..3).map(|_| pair()).collect();
    for (token, (source, peer)) in pairs.iter().enumerate() {
        p.registry().register(source, Token(token), Interest::READABLE, Mode::EDGE).unwrap();
        (&*peer).write_all(b"x").unwrap();
    }
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_millis(SIGNAL_MS);
    while seen.len() < 3 && Instant::now() < deadline {
        let polled = poll(&mut p, &mut events, SIGNAL_MS);
        assert!(polled.len() <= 2, "{polled:?}");
        seen.extend(polled.into_iter().map(|(token, ..)| token));
    }
    seen.sort_unstable();
    assert_eq!(seen, [0, 1, 2]);
}

#[test]
fn a_waker_ends_a_blocking_poll_from_another_thread_and_is_reported_once() {
    let (mut p, mut events) = setup();
    let waker = Waker::new(p.registry(), Token(99)).unwrap();
    let remote = waker.clone();
    let waking = thread::spawn(move || remote.wake().unwrap());
    p.poll(&mut events, None).unwrap();
    waking.join().unwrap();
    assert_eq!(events.iter().map(|event| event.token()).collect::<Vec<_>>(), [Token(99)]);
    assert_eq!(poll(&mut p, &mut events, QUIET_MS), [], "a wake is consumed once reported");
    waker.wake().unwrap();
    waker.wake().unwrap();
    assert_eq!(poll(&mut p, &mut events, SIGNAL_MS), [(99, true, false)], "kept until a poll, reported as one");
}

#[test]
fn a_registration_from_another_thread_reaches_a_blocked_poll() {
    let (mut p, mut events) = setup();
    let (source, mut peer) = pair();
    peer.write_all(b"ready before it is registered").unwrap();
    let registry = p.registry().clone();
    let registering = thread::spawn(move || {
        registry.register(&source, Token(5), Interest::READABLE, Mode::LEVEL).unwrap();
        source
    });
    p.poll(&mut events, Some(Duration::from_millis(SIGNAL_MS))).unwrap();
    let _source = registering.join().unwrap();
    assert_eq!(events.iter().map(|event| event.token()).collect::<Vec<_>>(), [Token(5)]);
}

#[test]
fn closing_a_poll_instance_releases_its_wakers_descriptors() {
    let open = || fs::read_dir("/proc/self/fd").unwrap().count();
    let poll = Poll::new().unwrap();
    let waker = Waker::new(poll.registry(), Token(1)).unwrap();
    drop(poll);
    assert_eq!(waker.wake().unwrap_err().raw_os_error(), Some(9), "the instance closed its waker's eventfd");
    // Other tests open descriptors concurrently: count around a batch big enough to tell.
    let before = open();
    let instances: Vec<_> = (0..50)
        .map(|token| {
            let poll = Poll::new().unwrap();
            let waker = Waker::new(poll.registry(), Token(token)).unwrap();
            (poll, waker)
        })
        .collect();
    assert!(open() >= before + 100 - 20, "each instance holds an epoll fd and an eventfd");
    let wakers: Vec<Waker> = instances.into_iter().map(|(_, waker)| waker).collect();
    assert!(open() < before + 20, "closed with their instances, although the wakers live on");
    drop(wakers);
}
