package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Message;
import dev.ack.protocol.Protocol;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.SessionOps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One running adapter process and the request/reply channel to it. Requests go one at a time, each
 * with a deadline; replies are matched by id; unsolicited events are kept in arrival order. Anything
 * that is not the protocol ends the session with an {@link AdapterFault} that says what happened.
 */
public final class AdapterSession implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AdapterCommand command;
    private final Deadlines deadlines;
    private final SchemaCheck schemaCheck;
    private final Process process;
    private final OutputStream stdin;
    private final StdoutReader stdout = new StdoutReader();
    private final StderrCapture stderr = new StderrCapture();
    private final Transcript transcript = new Transcript();
    private final List<Message.Event> events = new ArrayList<>();
    private final Thread stderrDrain;
    private Handshake handshake;
    private volatile AdapterFault fault;
    private long nextId = 1;

    /** The result of one request: the reply's result or error, and the time from sending to reply. */
    public record Exchange(ObjectNode result, ProtocolError error, Duration elapsed) {
        public boolean ok() { return error == null; }

        /** The result; throws the adapter's error reply when there was one. */
        public ObjectNode orThrow() {
            if (error != null) throw error;
            return result;
        }
    }

    private AdapterSession(RunSettings settings, Process process) {
        this.command = settings.adapter();
        this.deadlines = settings.deadlines();
        this.schemaCheck = SchemaCheck.of(settings.strict());
        this.process = process;
        this.stdin = process.getOutputStream();
        daemon("adapter-stdout", () -> stdout.drain(process.getInputStream()));
        this.stderrDrain = daemon("adapter-stderr", () -> stderr.drain(process.getErrorStream()));
    }

    /** Starts the adapter and performs the handshake; a failure of either is an {@link AdapterFault}. */
    public static AdapterSession start(RunSettings settings) {
        Process process;
        try {
            process = new ProcessBuilder(settings.adapter().argv()).directory(settings.workingDirectory().toFile()).start();
        } catch (IOException e) {
            throw new AdapterFault(AdapterFault.Kind.CRASHED, "could not start `" + settings.adapter() + "`: " + e.getMessage());
        }
        AdapterSession session = new AdapterSession(settings, process);
        session.hello();
        return session;
    }

    private void hello() {
        ObjectNode args = Codec.toJson(new SessionOps.HelloArgs(Protocol.VERSION, SuiteVersion.VALUE));
        Exchange reply = exchange(SessionOps.HELLO.name(), args, deadlines.handshake());
        if (!reply.ok()) {
            throw fail(new AdapterFault(AdapterFault.Kind.HANDSHAKE_FAILED, "`hello` was answered with " + reply.error()));
        }
        Handshake said = Handshake.from(reply.result());
        if (said.protocol() != Protocol.VERSION) {
            throw fail(new AdapterFault(AdapterFault.Kind.HANDSHAKE_FAILED, "the adapter speaks protocol version "
                    + reply.result().path("protocol") + "; this runner speaks version " + Protocol.VERSION));
        }
        handshake = said;
    }

    public Handshake handshake() { return handshake; }

    public AdapterCommand command() { return command; }

    /** Sends a request and waits for its reply with the ordinary deadline; error replies are thrown. */
    public ObjectNode call(String op, ObjectNode args) {
        return exchange(op, args, deadlines.reply()).orThrow();
    }

    /** Sends a request expected to take about {@code expected} (a blocking poll) and returns its exchange. */
    public Exchange exchangeExpecting(String op, ObjectNode args, Duration expected) {
        return exchange(op, args, deadlines.replyAfter(expected));
    }

    /** Sends a request and returns its reply, success or error, with the elapsed time. */
    public Exchange exchange(String op, ObjectNode args) {
        return exchange(op, args, deadlines.reply());
    }

    private synchronized Exchange exchange(String op, ObjectNode args, Duration deadline) {
        long id = nextId++;
        String line = Codec.encode(new Message.Request(id, op, args));
        schemaCheck.sent(op, args, line);
        return exchangeLine(line, id, op, deadline);
    }

    /**
     * Sends one line exactly as given, which need not be a valid request, and waits for the reply
     * with {@code expectedId} (null: a reply with {@code "id": null}). The doctor uses it to check
     * how an adapter answers malformed input; strict mode checks the reply, never the line.
     */
    public Exchange exchangeRaw(String line, Long expectedId) {
        if (expectedId != null) nextId = Math.max(nextId, expectedId + 1);
        return exchangeLine(line, expectedId, "a raw line", deadlines.reply());
    }

    private synchronized Exchange exchangeLine(String line, Long id, String op, Duration deadline) {
        if (fault != null) throw fault;
        transcript.add(Transcript.Direction.SENT, line);
        long sentAt = System.nanoTime();
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw fail(crashed("while the runner was sending `" + op + "`"));
        }
        long deadlineAt = sentAt + deadline.toNanos();
        Duration cpuAtSend = cpuTime();
        while (true) {
            long left = deadlineAt - System.nanoTime();
            StdoutReader.Arrival arrival;
            try {
                arrival = left > 0 ? stdout.next(left) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(new AdapterFault(AdapterFault.Kind.TIMED_OUT, "the runner was interrupted while waiting for `" + op + "`"));
            }
            if (arrival == null) {
                throw fail(new AdapterFault(AdapterFault.Kind.TIMED_OUT, "no reply to request " + id + " (" + op
                        + ") within " + millis(deadline) + "; meanwhile the adapter was "
                        + activity(cpuTime().minus(cpuAtSend), deadline) + stderrTail()));
            }
            switch (arrival) {
                case StdoutReader.Arrival.Closed closed -> throw fail(crashed("while the runner waited for the reply to `" + op + "`"));
                case StdoutReader.Arrival.NotProtocol bad -> {
                    transcript.add(Transcript.Direction.RECEIVED, bad.line());
                    throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, bad.reason() + "; the line was:\n  "
                            + bad.line() + "\nhint: " + hintFor(bad.line())));
                }
                case StdoutReader.Arrival.Received received -> {
                    long receivedAt = System.nanoTime();
                    transcript.add(Transcript.Direction.RECEIVED, received.line());
                    schemaCheck.received(received.line(), received.message(), op).ifPresent(complaint -> {
                        throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, complaint));
                    });
                    switch (received.message()) {
                        case Message.Event event -> {
                            synchronized (events) { events.add(event); }
                        }
                        case Message.Reply reply when Objects.equals(reply.id(), id) -> {
                            Duration elapsed = Duration.ofNanos(receivedAt - sentAt);
                            return reply.ok()
                                    ? new Exchange(reply.result(), null, elapsed)
                                    : new Exchange(null, toError(reply.error()), elapsed);
                        }
                        case Message.Reply reply -> throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR,
                                "a reply with id " + reply.id() + " arrived while the runner waited for the reply to request "
                                        + id + " (`" + op + "`)" + (reply.ok() ? "" : ": " + reply.error().rawKind()
                                        + " " + reply.error().message())));
                        case Message.Request request -> throw new IllegalStateException("adapters do not send requests");
                    }
                }
            }
        }
    }

    private ProtocolError toError(Message.Failure failure) {
        if (failure.kind() == null) {
            throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, "error kind \"" + failure.rawKind()
                    + "\" is not in the protocol's vocabulary (spec/protocol.md §2.1)"));
        }
        return new ProtocolError(failure.kind(), failure.message());
    }

    private static String hintFor(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) return "only protocol messages may go to stdout; debug output belongs on stderr";
        if (!trimmed.endsWith("}")) return "each message must be whole on one line; was it split, or written without its newline?";
        if (trimmed.contains("}{") || trimmed.contains("} {")) return "two messages on one line: end each with a newline and flush";
        return "see spec/protocol.md §2 for the shape of replies and events";
    }

    private AdapterFault crashed(String when) {
        String status;
        try {
            status = process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS) ? describeExit(process.exitValue()) : "closed its stdout but is still running";
            // the last line of stderr (a panic message) is usually the decisive one: read it all first
            stderrDrain.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "state unknown";
        }
        return new AdapterFault(AdapterFault.Kind.CRASHED, "the adapter " + status + " " + when + stderrTail());
    }

    /** Whether a silent adapter was spinning (an endless loop) or idle (waiting for something). */
    private static String activity(Duration cpu, Duration wall) {
        double share = (double) cpu.toNanos() / Math.max(1, wall.toNanos());
        return share > 0.5
                ? String.format("burning CPU (%.0f%% of a core): an endless loop?", share * 100)
                : String.format("idle (%.0f%% of a core): blocked on something, or a reply not flushed to stdout?", share * 100);
    }

    private static String describeExit(int code) {
        if (code > 128 && code < 160) return "was killed by signal " + (code - 128) + " (exit status " + code + ")";
        return "exited with status " + code;
    }

    private String stderrTail() {
        List<String> tail = stderr.tail();
        if (tail.isEmpty()) return "; its stderr was empty";
        return "; the last lines of its stderr:\n  | " + String.join("\n  | ", tail);
    }

    private AdapterFault fail(AdapterFault f) {
        synchronized (this.transcript) {
            if (fault == null) fault = f;
        }
        transcript.add(Transcript.Direction.NOTE, fault.getMessage().lines().findFirst().orElse(""));
        killTree();
        return fault;
    }

    /** Ends the session at once, from any thread: a request in flight fails with {@code INTERRUPTED}. */
    public void interrupt() {
        synchronized (transcript) {
            fail(new AdapterFault(AdapterFault.Kind.INTERRUPTED, "the user stopped the run"));
        }
    }

    /** Whether the session can still serve requests. */
    public boolean alive() { return fault == null && process.isAlive(); }

    public long pid() { return process.pid(); }

    /**
     * Open file descriptors of the adapter process and all its descendants (an adapter started
     * through a wrapper such as {@code cargo run} does its work in a child), read from /proc.
     */
    public long openFileDescriptors() {
        ProcessHandle root = process.toHandle();
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(AdapterSession::fdCount).sum();
    }

    /**
     * CPU time used so far by the adapter process and its descendants: compared with wall time over
     * a wait, it tells an executor that sleeps from one that spins.
     */
    public Duration cpuTime() {
        ProcessHandle root = process.toHandle();
        return Stream.concat(Stream.of(root), root.descendants())
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static long fdCount(ProcessHandle handle) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(handle.pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    public Transcript transcript() { return transcript; }

    /** Unsolicited events received so far in this scenario. */
    public List<Message.Event> events() {
        synchronized (events) { return List.copyOf(events); }
    }

    /** Starts a new scenario: clears transcript, events and the scenario's stderr. */
    public void beginScenario() {
        transcript.restart();
        synchronized (events) { events.clear(); }
        stderr.takeScenarioText();
    }

    /** The adapter's stderr since the scenario began. */
    public String scenarioStderr() { return stderr.takeScenarioText(); }

    /**
     * Closes the adapter's stdin without a word, as a runner that dies would, and waits for the
     * process to exit: its exit status, or empty when it did not exit within the grace period.
     */
    public OptionalInt closeInputAndWait() {
        closeStdin();
        return exitStatusThenKill();
    }

    /** Sends {@code shutdown} and waits for the process to exit: its exit status, or empty if it stayed. */
    public OptionalInt shutdownAndWait() {
        exchange("shutdown", Codec.JSON.createObjectNode(), GRACE);
        return exitStatusThenKill();
    }

    /** Asks the adapter to shut down, then makes sure it and its children are gone. */
    @Override
    public void close() {
        if (alive()) {
            try {
                exchange("shutdown", Codec.JSON.createObjectNode(), GRACE);
            } catch (AdapterFault ignored) {
                // it will be killed below
            }
        }
        closeStdin();
        exitStatusThenKill();
    }

    private void closeStdin() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone already
        }
    }

    /** Gives the process the grace period to exit on its own, then kills what is left of its tree. */
    private OptionalInt exitStatusThenKill() {
        try {
            return process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } finally {
            killTree();
        }
    }

    private void killTree() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String millis(Duration d) { return d.toMillis() + " ms"; }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
