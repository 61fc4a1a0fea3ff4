package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Interest;
import dev.ack.reference.eventqueue.Mode;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.Registry;
import dev.ack.reference.eventqueue.Trigger;
import java.util.Set;

/**
 * {@code level-for-edge}: a registry that accepts edge-triggered registrations but forgets EPOLLET, so
 * data left unread is reported again at every poll. A reregistration to edge-triggered stays level
 * too (EQ-12).
 */
final class LevelForEdge extends Registry {
    static final KnownBadVariant VARIANT = KnownBadVariant.eventQueue("level-for-edge",
            "accepts edge-triggered registrations but registers them level-triggered", Set.of("EQ-10", "EQ-12", "EQ-20"),
            new EventQueueFactory() {
                @Override
                public Poll poll() throws EventQueueException {
                    return new Poll(new LevelForEdge()) {}; // Poll's constructor for a subclass's registry is protected
                }
            });

    private LevelForEdge() throws EventQueueException {}

    @Override
    protected int epollEvents(Interest interests, Mode mode) throws EventQueueException {
        return super.epollEvents(interests, new Mode(Trigger.LEVEL, mode.oneshot()));
    }
}
