package dev.ack.reference.eventqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers: polls that return plain values, failure reasons, a clock, and a descriptor count. */
public final class Checks {
    /** One event, copied out of the reused buffer so it can be compared after the next poll. */
    record Seen(long token, boolean readable, boolean writable, boolean readClosed) {}

    private Checks() {}

    static List<Seen> poll(Poll poll, Events events, Duration timeout) throws EventQueueException {
        poll.poll(events, timeout);
        return seen(events);
    }

    static List<Seen> seen(Events events) {
        List<Seen> seen = new ArrayList<>();
        for (Event event : events) {
            seen.add(new Seen(event.token().value(), event.isReadable(), event.isWritable(), event.isReadClosed()));
        }
        return seen;
    }

    public static List<Long> tokens(Poll poll, Events events, Duration timeout) throws EventQueueException {
        return poll(poll, events, timeout).stream().map(Seen::token).toList();
    }

    /** The reason {@code call} failed with; fails the test when it does not fail. */
    static Reason reasonOf(ThrowingCallable call) {
        EventQueueException failure = catchThrowableOfType(EventQueueException.class, call);
        assertThat(failure).as("an EventQueueException").isNotNull();
        return failure.reason();
    }

    interface Action {
        void run() throws Exception;
    }

    static long millisTaken(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The process's open file descriptors, counted the way the runner counts an adapter's. */
    public static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }
}
