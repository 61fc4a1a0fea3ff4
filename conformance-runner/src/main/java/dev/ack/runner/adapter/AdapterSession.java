package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Message;
import dev.ack.protocol.Protocol;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.ProtocolSchema;
import dev.ack.protocol.SessionOps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One running adapter process and the request/reply channel to it. Requests go one at a time, each
 * with a deadline; replies are matched by id; unsolicited events are kept in arrival order. Anything
 * that is not the protocol ends the session with an {@link AdapterFault} that says what happened.
 * The session owns the adapter's whole {@link ProcessTree}: when it ends, nothing the adapter started
 * is left.
 */
public final class AdapterSession implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** How often a wait looks whether the adapter exited or the session was interrupted. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A wait longer than this is watched (CPU, state, output), so that a timeout can say what the adapter did. */
    private static final long WATCH_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** After the adapter exited, how long lines still in its stdout pipe may take to arrive. */
    private static final long PIPE_DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final int MAX_EVENTS = 100_000;
    private static final int EXCERPT_CHARS = 600;

    private final AdapterCommand command;
    private final Deadlines deadlines;
    private final SchemaCheck schemaCheck;
    private final ProcessTree tree;
    /** Each adapter thread's time waited for a CPU when the scenario began. */
    private volatile Map<Long, Long> scenarioCpuWaits = Map.of();
    private final Process process;
    private final OutputStream stdin;
    private final Transcript transcript = new Transcript();
    private final List<Message.Event> events = new ArrayList<>();
    private final StdoutReader stdout = new StdoutReader(transcript, this::keep);
    private final StderrCapture stderr;
    private final Thread stderrDrain;
    /** The op of every request answered so far, by id: a second reply to one of them is a duplicate. */
    private final Map<Long, String> answered = new HashMap<>();
    private Handshake handshake;
    private volatile AdapterFault fault;
    private long nextId = 1;
    private long eventsDropped;
    private final Object cpuTimeLock = new Object();
    private Duration highestCpuTime = Duration.ZERO;

    /**
     * The result of one request: the reply's result or error, and when the runner sent the request and
     * read the reply ({@link System#nanoTime()}), so that a timing check measures the exchange itself and
     * not the runner's work around it.
     */
    public record Exchange(ObjectNode result, ProtocolError error, long sentNanos, long receivedNanos) {
        public boolean ok() { return error == null; }

        /** The time from sending the request to reading its reply. */
        public Duration elapsed() { return Duration.ofNanos(receivedNanos - sentNanos); }

        /** The result; throws the adapter's error reply when there was one. */
        public ObjectNode orThrow() {
            if (error != null) throw error;
            return result;
        }
    }

    private AdapterSession(RunSettings settings, ProcessTree tree) {
        this.command = settings.adapter();
        this.deadlines = settings.deadlines();
        this.schemaCheck = SchemaCheck.of(settings.strict());
        this.tree = tree;
        this.process = tree.process();
        this.stdin = process.getOutputStream();
        this.stderr = new StderrCapture(settings.stderrLog());
        String header = "adapter process " + process.pid() + " started at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                + ": " + command;
        daemon("adapter-stdout", () -> stdout.drain(process.getInputStream()));
        this.stderrDrain = daemon("adapter-stderr", () -> stderr.drain(process.getErrorStream(), process.pid(), header));
    }

    /**
     * Starts the adapter the settings name and performs the handshake; a failure of either is an
     * {@link AdapterFault}. Every line of the adapter's stderr goes to the settings' stderr log, if any.
     */
    public static AdapterSession start(RunSettings settings) {
        if (LiveSessions.stopping()) throw new AdapterFault(AdapterFault.Kind.INTERRUPTED, "the run is stopping; no adapter is started");
        ProcessTree tree;
        try {
            tree = ProcessTree.start(settings.adapter().argv(), settings.workingDirectory());
        } catch (IOException e) {
            throw new AdapterFault(AdapterFault.Kind.CRASHED, "could not start `" + settings.adapter() + "`: " + e.getMessage());
        }
        AdapterSession session = new AdapterSession(settings, tree);
        LiveSessions.add(session);
        // a signal that came between the check above and the add would have missed this session
        if (LiveSessions.stopping()) session.interrupt();
        session.hello();
        return session;
    }

    private void hello() {
        ObjectNode args = Codec.toJson(new SessionOps.HelloArgs(Protocol.VERSION, SuiteVersion.VALUE));
        Exchange reply = exchange(SessionOps.HELLO.name(), args, deadlines.handshake());
        if (!reply.ok()) {
            throw fail(new AdapterFault(AdapterFault.Kind.HANDSHAKE_FAILED, "`hello` was answered with " + reply.error()));
        }
        JsonNode protocol = reply.result().path("protocol");
        if (protocol.isIntegralNumber() && !(protocol.canConvertToInt() && protocol.intValue() == Protocol.VERSION)) {
            throw fail(new AdapterFault(AdapterFault.Kind.HANDSHAKE_FAILED, "the adapter speaks protocol version "
                    + protocol + "; this runner speaks version " + Protocol.VERSION));
        }
        if (!protocol.isMissingNode() && !protocol.isIntegralNumber()) {
            throw fail(new AdapterFault(AdapterFault.Kind.HANDSHAKE_FAILED, "\"protocol\" is " + excerpt(protocol.toString())
                    + ", not the integer " + Protocol.VERSION + "\nhint: write the number " + Protocol.VERSION
                    + " itself: not a string, not a fraction (spec/protocol.md §3.1)"));
        }
        List<String> problems = ProtocolSchema.bundled().resultProblems(SessionOps.HELLO.name(), reply.result());
        if (!problems.isEmpty()) {
            throw fail(new AdapterFault(AdapterFault.Kind.HANDSHAKE_FAILED, "the reply to `hello` does not match the protocol's schema: "
                    + excerpt(String.join("; ", problems)) + "\nhint: the result needs name, version and language (strings), "
                    + "protocol 1, and areas and capabilities as arrays of strings, [] when empty (spec/protocol.md §3.1)"));
        }
        handshake = Handshake.from(reply.result());
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
        return exchange(op, args, deadline, false);
    }

    /**
     * Sends a request whose args break the schema on purpose (a scenario that expects {@code BadRequest}):
     * strict mode checks the reply, not the args.
     */
    public synchronized Exchange exchangeOffSchema(String op, ObjectNode args) {
        long id = nextId++;
        return exchangeLine(Codec.encode(new Message.Request(id, op, args)), id, op, deadlines.reply(), false);
    }

    /**
     * Sends a request after which the adapter may end its own process (it declared
     * {@code run-ends-process}, spec/protocol.md §6.1): the reply if one comes, or empty when the
     * adapter closed its stdout and exited with status 0, which finishes the request; any other exit
     * is a crash. {@code expected}: how long the request may take, null for the ordinary deadline.
     */
    public Optional<Exchange> exchangeOrExit(String op, ObjectNode args, Duration expected) {
        return Optional.ofNullable(exchange(op, args, expected == null ? deadlines.reply() : deadlines.replyAfter(expected), true));
    }

    private synchronized Exchange exchange(String op, ObjectNode args, Duration deadline, boolean mayExit) {
        long id = nextId++;
        String line = Codec.encode(new Message.Request(id, op, args));
        schemaCheck.sent(op, args, line);
        return exchangeLine(line, id, op, deadline, mayExit);
    }

    /** What the runner does while the adapter is stopped: it may wait. */
    @FunctionalInterface
    public interface WhileStopped<T> {
        /**
         * {@return what the runner saw meanwhile}
         *
         * @throws InterruptedException if the wait was interrupted
         */
        T run() throws InterruptedException;
    }

    /**
     * Runs {@code body} with every process of the adapter stopped (SIGSTOP), then lets them go on
     * (SIGCONT): what happens meanwhile was set in motion before, never done by the adapter meanwhile.
     */
    public synchronized <T> T whileStopped(WhileStopped<T> body) throws InterruptedException {
        tree.signal(Libc.SIGSTOP);
        try {
            return body.run();
        } finally {
            tree.signal(Libc.SIGCONT);
        }
    }

    /**
     * Sends one line exactly as given, which need not be a valid request, and waits for the reply
     * with {@code expectedId} (null: a reply with {@code "id": null}). The doctor uses it to check
     * how an adapter answers malformed input; strict mode checks the reply, never the line.
     */
    public Exchange exchangeRaw(String line, Long expectedId) {
        if (expectedId != null) nextId = Math.max(nextId, expectedId + 1);
        return exchangeLine(line, expectedId, "a raw line", deadlines.reply(), false);
    }

    /** {@code mayExit}: an exit with status 0 instead of the reply finishes the request (null is returned). */
    private synchronized Exchange exchangeLine(String line, Long id, String op, Duration deadline, boolean mayExit) {
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
        WaitActivity activity = null;
        long exitSeenAt = 0;
        while (true) {
            if (fault != null) throw fault; // interrupted from another thread
            long now = System.nanoTime();
            if (activity == null && now - sentAt >= Math.min(WATCH_AFTER_NANOS, deadline.toNanos() / 4)) {
                activity = WaitActivity.start(tree, stdout);
            }
            if (now >= deadlineAt) {
                throw fail(new AdapterFault(AdapterFault.Kind.TIMED_OUT, "no reply to request " + id + " (" + op
                        + ") within " + deadline.toMillis() + " ms; meanwhile the adapter was "
                        + (activity == null ? "not watched (the deadline is too short)" : activity.describe(tree, stdout))
                        + stderrTail()));
            }
            StdoutReader.Arrival arrival;
            try {
                arrival = stdout.next(Math.min(deadlineAt - now, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(new AdapterFault(AdapterFault.Kind.INTERRUPTED, "the runner was interrupted while waiting for `" + op + "`"));
            }
            if (arrival == null) {
                // an adapter that exited while a process it started holds its stdout open never closes it
                if (exitSeenAt == 0 && !process.isAlive()) exitSeenAt = System.nanoTime();
                if (exitSeenAt != 0 && System.nanoTime() - exitSeenAt > PIPE_DRAIN_NANOS) {
                    throw fail(crashed("while the runner waited for the reply to `" + op + "`; a process it started still held "
                            + "its stdout open (it is killed now)"));
                }
                continue;
            }
            switch (arrival) {
                case StdoutReader.Arrival.Closed closed -> {
                    if (mayExit && exitedWithZero()) {
                        transcript.add(Transcript.Direction.NOTE, "the adapter ended its process with status 0 after `" + op
                                + "`, as it declared (run-ends-process); a fresh one serves the next scenario");
                        killTree();
                        return null;
                    }
                    throw fail(crashed("while the runner waited for the reply to `" + op + "`"));
                }
                case StdoutReader.Arrival.NotProtocol bad -> throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR,
                        bad.reason() + "; the line was:\n  " + bad.excerpt() + "\nhint: " + bad.hint()));
                case StdoutReader.Arrival.Received received -> {
                    Message.Reply reply = received.reply();
                    if (!Objects.equals(reply.id(), id)) throw fail(unexpected(reply, id, op));
                    if (id != null) answered.put(id, op);
                    schemaCheck.received(received.line(), reply, op).ifPresent(complaint -> {
                        throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, complaint));
                    });
                    return reply.ok()
                            ? new Exchange(reply.result(), null, sentAt, received.atNanos())
                            : new Exchange(null, toError(reply.error()), sentAt, received.atNanos());
                }
            }
        }
    }

    /** Whether the process, whose stdout just closed, exits with status 0 within the grace period. */
    private boolean exitedWithZero() {
        try {
            return process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A reply that does not answer the request the runner waits for: a duplicate, or the wrong id. */
    private AdapterFault unexpected(Message.Reply reply, Long id, String op) {
        String waiting = "while the runner waited for the reply to request " + id + " (`" + op + "`)";
        String error = reply.ok() ? "" : ": " + excerpt(reply.error().rawKind() + " " + reply.error().message());
        if (reply.id() != null && answered.containsKey(reply.id())) {
            return new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, "a duplicate reply: request " + reply.id() + " (`"
                    + answered.get(reply.id()) + "`) was answered already, and another reply with id " + reply.id() + " arrived "
                    + waiting + error + "\nhint: write exactly one reply per request");
        }
        return new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, "a reply with id " + reply.id() + " arrived " + waiting
                + error + "\nhint: a reply carries the id of the request it answers, copied as it was sent");
    }

    private ProtocolError toError(Message.Failure failure) {
        if (failure.kind() == null) {
            throw fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, "error kind \"" + excerpt(failure.rawKind())
                    + "\" is not in the protocol's vocabulary (spec/protocol.md §2.1)"));
        }
        return new ProtocolError(failure.kind(), excerpt(failure.message()));
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

    private static String describeExit(int code) {
        if (code > 128 && code < 160) return "was killed by signal " + (code - 128) + " (exit status " + code + ")";
        return "exited with status " + code;
    }

    /** The stderr written during this scenario only: an older, unrelated panic would mislead. */
    private String stderrTail() {
        List<String> tail = stderr.tail();
        long earlier = stderr.linesBeforeScenario();
        String rest = earlier == 0 ? "" : "\n  (" + earlier + " earlier lines of its stderr, from before this scenario, are not shown"
                + stderr.log().map(log -> "; all of it is in " + log).orElse("") + ")";
        if (tail.isEmpty()) return "; it wrote nothing to stderr during this scenario" + rest;
        return "; the last lines of its stderr during this scenario:\n  | " + String.join("\n  | ", tail) + rest;
    }

    private static String excerpt(String text) {
        return Printable.of(Excerpt.of(text, EXCERPT_CHARS));
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
        fail(new AdapterFault(AdapterFault.Kind.INTERRUPTED, "the run was stopped (SIGINT or SIGTERM)"));
    }

    /** Whether the session can still serve requests. */
    public boolean alive() { return fault == null && process.isAlive(); }

    /** The deadlines this session keeps, scaled as the settings say. */
    public Deadlines deadlines() { return deadlines; }

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
     * a wait, it tells an executor that sleeps from one that spins. Never less than it said before,
     * though a descendant that exits takes its CPU time with it.
     */
    public Duration cpuTime() {
        ProcessHandle root = process.toHandle();
        Duration now = Stream.concat(Stream.of(root), root.descendants())
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        synchronized (cpuTimeLock) {
            if (now.compareTo(highestCpuTime) > 0) highestCpuTime = now;
            return highestCpuTime;
        }
    }

    private static long fdCount(ProcessHandle handle) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(handle.pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    public Transcript transcript() { return transcript; }

    /** Unsolicited events received so far in this scenario (at most {@value #MAX_EVENTS}; the transcript says when more came). */
    public List<Message.Event> events() {
        synchronized (events) { return List.copyOf(events); }
    }

    /** Called on the stdout reader's thread for every event; strict mode checks it there. */
    private void keep(Message.Event event, String line) {
        schemaCheck.received(line, event, "").ifPresent(complaint -> fail(new AdapterFault(AdapterFault.Kind.PROTOCOL_ERROR, complaint)));
        synchronized (events) {
            if (events.size() < MAX_EVENTS) {
                events.add(event);
            } else if (eventsDropped++ == 0) {
                transcript.add(Transcript.Direction.NOTE, "more than " + MAX_EVENTS + " events in this scenario: later ones are not kept");
            }
        }
    }

    /**
     * Starts a new scenario: clears transcript and events, and starts the stderr shown with a crash
     * over. The stderr attachment keeps what the adapter wrote since the previous scenario (for the
     * first one, since it started, e.g. why it does not claim an area).
     */
    /**
     * How long the adapter's threads, added up, were runnable but waited for a CPU since the scenario
     * began (the kernel's schedstat): time a loaded machine took from the implementation, which no
     * timing bound of the scenario can blame on it.
     */
    public Duration cpuWaitedThisScenario() {
        Map<Long, Long> before = scenarioCpuWaits;
        long waited = 0;
        for (Map.Entry<Long, Long> now : WaitActivity.waitedByThread(tree).entrySet()) {
            waited += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return Duration.ofNanos(waited);
    }

    public void beginScenario() {
        scenarioCpuWaits = WaitActivity.waitedByThread(tree);
        transcript.restart();
        synchronized (events) {
            events.clear();
            eventsDropped = 0;
        }
        stderr.beginScenario();
    }

    /** The adapter's stderr since the previous scenario's, or since it started. */
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

    /** Asks the adapter to shut down, then makes sure it and everything it started are gone. */
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

    /** Kills the adapter and everything it started, daemons that left its group included. */
    private void killTree() {
        tree.destroy();
        LiveSessions.remove(this);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
