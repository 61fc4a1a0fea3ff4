//! `Adapter::serve` keeps stdout for the protocol: what the implementation prints goes to stderr.
//! This test runs itself as the adapter, in a child process, and reads both of its streams.

use std::io::Write;
use std::process::{Command, ExitCode, Stdio};

use ack_adapter::{Adapter, EventQueue, Result};

const CHILD: &str = "ACK_ADAPTER_STDOUT_TEST_CHILD";

struct Noisy;

impl EventQueue for Noisy {
    type Poll = ();
    type Registry = ();
    type Events = ();
    type Source = ();
    type Waker = ();

    fn poll_new(&self) -> Result<()> {
        println!("a println! deep in the implementation");
        std::thread::spawn(|| println!("and one from another thread")).join().expect("printing thread");
        Ok(())
    }
}

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_some() {
        return Adapter::new("noisy", "0").event_queue(Noisy).serve();
    }
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .env(CHILD, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the child adapter starts");
    let requests = "{\"id\":1,\"op\":\"eq.poll_new\"}\n{\"id\":2,\"op\":\"shutdown\"}\n";
    child.stdin.take().expect("stdin").write_all(requests.as_bytes()).expect("requests written");
    let output = child.wait_with_output().expect("the child adapter ends");
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "exit status {}; stderr: {stderr}", output.status);
    assert_eq!(stdout, "{\"id\":1,\"ok\":true,\"result\":{\"poll\":1}}\n{\"id\":2,\"ok\":true,\"result\":{}}\n");
    assert!(stderr.contains("a println! deep in the implementation\n"), "stderr: {stderr}");
    assert!(stderr.contains("and one from another thread\n"), "stderr: {stderr}");
    println!("test stdout_is_kept_for_the_protocol ... ok");
    ExitCode::SUCCESS
}
