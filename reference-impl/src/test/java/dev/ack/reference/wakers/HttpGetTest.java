package dev.ack.reference.wakers;

import static dev.ack.reference.eventqueue.Checks.openDescriptors;
import static dev.ack.reference.wakers.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chapter 7's http leaf against a delay server: nothing wakes it, the test polls. */
class HttpGetTest {
    private final DelayServer server = new DelayServer();

    HttpGetTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void sendsNothingUntilPolledThenOnceAndIsReadyWithTheBodyWhenTheServerClosed() throws Exception {
        long before = openDescriptors();
        HttpGet leaf = HttpGet.polledByCaller(server.port(), "/300/HelloWorld");
        assertThat(openDescriptors()).as("descriptors after creating the leaf: no socket yet").isEqualTo(before);

        assertThat(leaf.poll(Waker.noop())).isEqualTo(PollState.pending());
        long start = System.nanoTime();
        assertThat(leaf.poll(Waker.noop())).isEqualTo(PollState.pending());
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms the second poll took: it did not wait for the"
                + " answer, which comes after 300 ms").isLessThan(300);

        AtomicReference<PollState<String>> state = new AtomicReference<>();
        eventually(() -> state.updateAndGet(last -> leaf.poll(Waker.noop())) instanceof PollState.Ready);

        assertThat(state.get()).isEqualTo(PollState.ready("HelloWorld"));
        assertThat(server.requests()).containsExactly("/300/HelloWorld");
    }
}
