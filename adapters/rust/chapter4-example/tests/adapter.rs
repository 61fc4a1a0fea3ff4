//! The glue, tested in-process the way the runner talks to it: request lines in, reply lines out.
//! (The whole chapter is checked by `./kit --chapter 4 --adapter target/release/chapter4-example`.)

use std::io::{Read, Write};
use std::net::TcpListener;

use ack_adapter::Adapter;
use chapter4_example::Epoll;

fn serve(requests: &[String]) -> Vec<String> {
    let mut replies = Vec::new();
    let input = requests.iter().map(|request| format!("{request}\n")).collect::<String>();
    Adapter::new("chapter4-example", "test").event_queue(Epoll).serve_on(input.as_bytes(), &mut replies).unwrap();
    String::from_utf8(replies).unwrap().lines().map(str::to_owned).collect()
}

#[test]
fn a_peer_that_sends_makes_its_source_readable_under_its_token() {
    let peer = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = peer.local_addr().unwrap().port();
    let sender = std::thread::spawn(move || {
        let (mut stream, _) = peer.accept().unwrap();
        stream.write_all(b"hello").unwrap();
        let _ = stream.read(&mut [0; 1]); // until the adapter closes the connection
    });
    let replies = serve(&[
        r#"{"id":1,"op":"eq.poll_new"}"#.into(),
        r#"{"id":2,"op":"eq.events_new","args":{"capacity":4}}"#.into(),
        format!(r#"{{"id":3,"op":"eq.connect","args":{{"host":"127.0.0.1","port":{port}}}}}"#),
        r#"{"id":4,"op":"eq.register","args":{"poll":1,"source":3,"token":4294967301,"interests":["readable"],"trigger":"edge"}}"#.into(),
        r#"{"id":5,"op":"eq.poll","args":{"poll":1,"events":2,"timeout_ms":5000}}"#.into(),
        r#"{"id":6,"op":"eq.read","args":{"source":3,"max":100}}"#.into(),
        r#"{"id":7,"op":"eq.read","args":{"source":3,"max":100}}"#.into(),
    ]);
    sender.join().unwrap();
    assert_eq!(replies[3], r#"{"id":4,"ok":true,"result":{}}"#);
    assert!(replies[4].contains(r#"{"token":4294967301,"readable":true,"writable":false"#), "{}", replies[4]);
    assert_eq!(replies[5], r#"{"id":6,"ok":true,"result":{"data":"hello","eof":false}}"#);
    assert!(replies[6].contains(r#""kind":"WouldBlock""#), "{}", replies[6]);
}

#[test]
fn what_the_event_queue_rejects_gets_the_rules_error_kinds() {
    let replies = serve(&[
        r#"{"id":1,"op":"eq.events_new","args":{"capacity":0}}"#.into(),
        r#"{"id":2,"op":"eq.poll_new"}"#.into(),
        r#"{"id":3,"op":"eq.waker_new","args":{"poll":1,"token":7}}"#.into(),
        r#"{"id":4,"op":"eq.poll_close","args":{"poll":1}}"#.into(),
        r#"{"id":5,"op":"eq.wake","args":{"waker":2}}"#.into(),
    ]);
    assert!(replies[0].contains(r#""kind":"InvalidArgument""#), "{}", replies[0]);
    assert_eq!(replies[1], r#"{"id":2,"ok":true,"result":{"poll":1}}"#, "a failed request issues no handle");
    assert!(replies[4].contains(r#""kind":"InvalidArgument""#), "a closed instance closed its waker: {}", replies[4]);
}
