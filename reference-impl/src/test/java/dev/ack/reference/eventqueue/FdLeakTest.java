package dev.ack.reference.eventqueue;

import static dev.ack.reference.eventqueue.Checks.openDescriptors;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Closing releases every OS handle: counted in /proc/self/fd, the way the runner counts an adapter's. */
class FdLeakTest {
    private static final int CYCLES = 200;

    @Test
    void closingEverythingGivesBackEveryDescriptor() throws Exception {
        try (ServerSocket listener = Connection.listener()) {
            cycle(listener, () -> {}); // loads classes and libraries, which may open files once
            long before = openDescriptors();
            long[] whileOpen = new long[1];

            cycle(listener, () -> whileOpen[0] = openDescriptors());
            for (int i = 1; i < CYCLES; i++) cycle(listener, () -> {});

            // epoll fd, eventfd, two streams and their two peers
            assertThat(whileOpen[0]).as("descriptors while open").isGreaterThanOrEqualTo(before + 6);
            assertThat(openDescriptors()).as("descriptors after %d cycles", CYCLES).isEqualTo(before);
        }
    }

    /** One life of a poll: a waker, two registered streams (one deregistered again), a poll, then close. */
    private static void cycle(ServerSocket listener, Checks.Action whileOpen) throws Exception {
        Poll poll = new Poll();
        Waker waker = new Waker(poll.registry(), new Token(0));
        try (Connection first = Connection.open(listener); Connection second = Connection.open(listener)) {
            poll.registry().register(first.stream(), new Token(1), Interest.READABLE, Mode.LEVEL);
            poll.registry().register(second.stream(), new Token(2), Interest.WRITABLE, Mode.EDGE);
            poll.registry().deregister(first.stream());
            waker.wake();
            poll.poll(Events.withCapacity(4), Duration.ZERO);
            whileOpen.run();
        } finally {
            poll.close();
        }
    }
}
