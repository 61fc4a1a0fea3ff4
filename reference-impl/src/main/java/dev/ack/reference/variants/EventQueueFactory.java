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

    /**
     * A new event queue ({@code eq.poll_new}).
     *
     * @return the poll
     * @throws EventQueueException as {@link Poll#Poll()}
     */
    default Poll poll() throws EventQueueException {
        return new Poll();
    }

    /**
     * A new events collection ({@code eq.events_new}).
     *
     * @param capacity as asked for, unchecked
     * @return the collection
     * @throws EventQueueException as {@link Events#withCapacity}
     */
    default Events events(int capacity) throws EventQueueException {
        return Events.withCapacity(capacity);
    }

    /**
     * A new waker of a poll ({@code eq.waker_new}).
     *
     * @param registry the poll's registry
     * @param token the token its wakes are reported with
     * @return the waker
     * @throws EventQueueException as {@link Waker#Waker}
     */
    default Waker waker(Registry registry, Token token) throws EventQueueException {
        return new Waker(registry, token);
    }
}
