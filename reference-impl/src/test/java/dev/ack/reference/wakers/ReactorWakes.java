package dev.ack.reference.wakers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.eventqueue.Connection;
import java.net.ServerSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Which waker a reactor calls, seen through wakers that only record their task. */
public final class ReactorWakes {
    private ReactorWakes() {}

    /**
     * Registers a stream between two wakers given for its token, one for task 1, then one for task 2,
     * makes it readable and returns the task the reactor woke.
     */
    public static int taskWokenOfTwoWakers(Reactor reactor) throws Exception {
        BlockingQueue<Integer> woken = new LinkedBlockingQueue<>();
        try (ServerSocket listener = Connection.listener(); Connection connection = Connection.open(listener)) {
            long token = reactor.nextToken();
            reactor.setWaker(() -> woken.add(1), token);
            reactor.register(connection.stream(), token);
            reactor.setWaker(() -> woken.add(2), token);

            connection.peerSends("x");

            Integer task = woken.poll(BlockOnThread.SOON.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(task).as("the task the reactor woke, within %s", BlockOnThread.SOON).isNotNull();
            return task;
        }
    }
}
