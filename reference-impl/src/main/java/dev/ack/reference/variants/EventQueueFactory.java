package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.Registry;
import dev.ack.reference.eventqueue.Token;
import dev.ack.reference.eventqueue.Waker;

/** How the adapter makes the event queue's objects (chapter 4). Each method makes the reference's; a variant overrides one. */
public interface EventQueueFactory {
    /** The reference's event queue. */
    EventQueueFactory REFERENCE = new EventQueueFactory() {};

    default Poll poll() throws EventQueueException {
        return new Poll();
    }

    default Events events(int capacity) throws EventQueueException {
        return Events.withCapacity(capacity);
    }

    default Waker waker(Registry registry, Token token) throws EventQueueException {
        return new Waker(registry, token);
    }
}
