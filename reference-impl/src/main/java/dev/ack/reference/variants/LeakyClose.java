package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Poll;
import java.util.Set;

/** {@code leaky-close}: a poll whose close releases nothing, as one without a drop: the descriptors stay open. */
final class LeakyClose extends Poll {
    static final KnownBadVariant VARIANT = KnownBadVariant.eventQueue("leaky-close",
            "closing a poll closes neither its epoll fd nor its wakers' eventfds", Set.of("EQ-26", "EQ-33"),
            new EventQueueFactory() {
                @Override
                public Poll poll() throws EventQueueException {
                    return new LeakyClose();
                }
            });

    private LeakyClose() throws EventQueueException {}

    @Override
    public void close() {}
}
