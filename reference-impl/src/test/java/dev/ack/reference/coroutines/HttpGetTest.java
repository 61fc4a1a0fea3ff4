package dev.ack.reference.coroutines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.runtime.Waker;
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
        HttpGet leaf = HttpGet.polledByCaller(server.port(), "/300/HelloWorld");
        Thread.sleep(50);
        assertThat(server.requests()).isEmpty();

        long start = System.nanoTime();
        assertThat(leaf.poll(Waker.noop())).isEqualTo(PollState.pending());
        assertThat(leaf.poll(Waker.noop())).isEqualTo(PollState.pending());
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms the two polls took").isLessThan(150);

        PollState<String> state;
        do {
            Thread.sleep(20);
            state = leaf.poll(Waker.noop());
        } while (state instanceof PollState.Pending);

        assertThat(state).isEqualTo(PollState.ready("HelloWorld"));
        assertThat(server.requests()).containsExactly("/300/HelloWorld");
    }
}
