package dev.ack.runner.adapter;

import dev.ack.protocol.Codec;
import dev.ack.protocol.MalformedMessageException;
import dev.ack.protocol.Message;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the adapter's stdout on its own thread and turns it into a queue of what arrived: messages,
 * lines that are not messages, or the end of the stream. Lines are bounded, so an adapter that floods
 * stdout without newlines is caught as a protocol error instead of eating the runner's memory.
 */
final class StdoutReader {
    /** Big enough for the trace of ten thousand fibers in one reply, small enough to stop a flood. */
    static final int MAX_LINE_CHARS = 32 << 20;
    private static final int QUEUE_CAPACITY = 10_000;

    /** One thing that came out of stdout. */
    sealed interface Arrival {
        record Received(String line, Message message) implements Arrival {}
        record NotProtocol(String line, String reason) implements Arrival {}
        record Closed() implements Arrival {}
    }

    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>(QUEUE_CAPACITY);

    void drain(InputStream stdout) {
        try (Reader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            boolean overlong = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n') {
                    if (!overlong) put(parse(line.toString()));
                    line.setLength(0);
                    overlong = false;
                } else if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else if (!overlong) {
                    // said at once, not at the newline that a flooding adapter may never write
                    overlong = true;
                    put(new Arrival.NotProtocol(line.substring(0, 200) + "…", "a line longer than "
                            + MAX_LINE_CHARS + " characters (is the adapter flooding stdout?)"));
                }
            }
            if (!overlong && !line.isEmpty()) put(new Arrival.NotProtocol(line.toString(), "the last line has no newline at its end"));
        } catch (IOException ignored) {
            // the stream broke: same as its end
        }
        put(new Arrival.Closed());
    }

    private static Arrival parse(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        try {
            return new Arrival.Received(text, Codec.parseFromAdapter(text));
        } catch (MalformedMessageException e) {
            return new Arrival.NotProtocol(text, e.getMessage());
        }
    }

    private void put(Arrival arrival) {
        try {
            arrivals.put(arrival);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next arrival, or null when none came within the wait. */
    Arrival next(long waitNanos) throws InterruptedException {
        return arrivals.poll(waitNanos, TimeUnit.NANOSECONDS);
    }
}
