package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Events;
import java.util.Set;

/**
 * {@code append-events}: an events collection that a poll does not empty, so each poll's events come
 * after the previous poll's, until the collection is full. Every scenario that polls twice and checks
 * the second poll's events finds the first poll's too: besides EQ-21 those of level (EQ-09) and edge
 * (EQ-10) triggering, oneshot (EQ-11), reregistration (EQ-12) and a wake reported once (EQ-25).
 */
final class AppendEvents extends Events {
    static final KnownBadVariant VARIANT = KnownBadVariant.eventQueue("append-events",
            "appends each poll's events after the previous ones (until full) instead of replacing them",
            Set.of("EQ-09", "EQ-10", "EQ-11", "EQ-12", "EQ-21", "EQ-25"), new EventQueueFactory() {
                @Override
                public Events events(int capacity) throws EventQueueException {
                    return new AppendEvents(capacity);
                }
            });

    private AppendEvents(int capacity) throws EventQueueException {
        super(capacity);
    }

    /** Keeps the events while there is room for more; only a full collection is emptied. */
    @Override
    public void clear() {
        if (size() == capacity()) super.clear();
    }
}
