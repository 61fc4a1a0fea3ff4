package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.Registry;
import dev.ack.reference.eventqueue.Token;
import java.util.Set;

/**
 * {@code token-truncated}: a registry that hands epoll only the low 32 bits of a token, as a token
 * squeezed through a 32-bit integer on its way into {@code epoll_event.u64}.
 */
final class TokenTruncated extends Registry {
    static final KnownBadVariant VARIANT = KnownBadVariant.eventQueue("token-truncated",
            "keeps only the low 32 bits of every token", Set.of("EQ-04"),
            new EventQueueFactory() {
                @Override
                public Poll poll() throws EventQueueException {
                    return new Poll(new TokenTruncated()) {}; // Poll's constructor for a subclass's registry is protected
                }
            });

    private TokenTruncated() throws EventQueueException {}

    @Override
    protected long epollData(Token token) {
        return token.value() & 0xFFFF_FFFFL;
    }
}
