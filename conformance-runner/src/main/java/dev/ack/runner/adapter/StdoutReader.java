package dev.ack.runner.adapter;

import dev.ack.protocol.Codec;
import dev.ack.protocol.MalformedMessageException;
import dev.ack.protocol.Message;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Reads the adapter's stdout on its own thread, all the time, so the adapter never blocks writing:
 * every line goes into the transcript as it arrives, events go straight to their consumer, and what
 * the request thread waits for (replies, lines that are not messages, the end of the stream) goes
 * into a queue. Lines are bounded, so a flood without newlines is caught as a protocol error.
 */
final class StdoutReader {
    /** Big enough for the trace of ten thousand fibers in one reply, small enough to stop a flood. */
    static final int MAX_LINE_BYTES = 32 << 20;
    private static final int EXCERPT_CHARS = 600;

    /** One thing the request thread is told about. */
    sealed interface Arrival {
        /** A reply, the line it came on, and when that line was read ({@link System#nanoTime()}). */
        record Received(Message.Reply reply, String line, long atNanos) implements Arrival {}

        /** A line that is not a message; {@code excerpt} is bounded and printable. */
        record NotProtocol(String excerpt, String reason, String hint) implements Arrival {}

        record Closed() implements Arrival {}
    }

    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final Transcript transcript;
    /** Gets every event with the line it came on. */
    private final BiConsumer<Message.Event, String> events;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private volatile long lastReadNanos = System.nanoTime();

    StdoutReader(Transcript transcript, BiConsumer<Message.Event, String> events) {
        this.transcript = transcript;
        this.events = events;
    }

    void drain(InputStream stdout) {
        Lines.split(stdout, MAX_LINE_BYTES, new Lines.Sink() {
            @Override
            public void bytesRead(int count) {
                bytes.addAndGet(count);
                lastReadNanos = System.nanoTime();
            }

            @Override
            public void line(byte[] line, int length) {
                lines.incrementAndGet();
                received(line, length);
            }

            @Override
            public void overlong(byte[] head, int length) {
                String start = new String(head, 0, length, StandardCharsets.UTF_8);
                transcript.add(Transcript.Direction.RECEIVED, start + " …[more than " + MAX_LINE_BYTES + " bytes, no newline]");
                arrivals.add(new Arrival.NotProtocol(Printable.of(start) + " …", "a line longer than " + (MAX_LINE_BYTES >> 20)
                        + " MiB with no newline", "is the adapter flooding stdout? end every message with \"\\n\" and flush"));
            }

            @Override
            public void unterminated(byte[] line, int length) {
                String text = new String(line, 0, length, StandardCharsets.UTF_8);
                transcript.add(Transcript.Direction.RECEIVED, text);
                arrivals.add(new Arrival.NotProtocol(excerpt(text), "the last line has no newline at its end",
                        "end every message with \"\\n\" and flush, the last one too"));
            }
        });
        arrivals.add(new Arrival.Closed());
    }

    private void received(byte[] line, int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        long at = System.nanoTime();
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        transcript.add(Transcript.Direction.RECEIVED, text);
        Optional<LineProblem> problem = LineProblem.inBytes(line, end);
        if (problem.isPresent()) {
            arrivals.add(new Arrival.NotProtocol(excerpt(text), problem.get().reason(), problem.get().hint()));
            return;
        }
        try {
            switch (Codec.parseFromAdapter(text)) {
                case Message.Event event -> events.accept(event, text);
                case Message.Reply reply -> arrivals.add(new Arrival.Received(reply, text, at));
                case Message.Request request -> throw new IllegalStateException("the codec reads no requests from adapters");
            }
        } catch (MalformedMessageException e) {
            arrivals.add(new Arrival.NotProtocol(excerpt(text), e.getMessage(), LineProblem.hintForShape(text)));
        }
    }

    private static String excerpt(String text) {
        return Printable.of(Excerpt.of(text, EXCERPT_CHARS));
    }

    /** The next arrival, or null when none came within the wait. */
    Arrival next(long waitNanos) throws InterruptedException {
        return arrivals.poll(waitNanos, TimeUnit.NANOSECONDS);
    }

    /** Bytes read from stdout so far, complete lines or not. */
    long bytesRead() { return bytes.get(); }

    /** When stdout last gave bytes ({@link System#nanoTime()}). */
    long lastReadNanos() { return lastReadNanos; }

    /** Complete lines read from stdout so far. */
    long linesRead() { return lines.get(); }
}
