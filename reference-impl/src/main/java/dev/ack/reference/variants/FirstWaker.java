package dev.ack.reference.variants;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.wakers.Reactor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code first-waker}: leaves that keep the waker of their first poll instead of the most recent one,
 * though a future first polled outside its task (chapter 9's detached poll) or moved to another task
 * is then woken through a waker that reaches nobody. Both kinds of leaf make the mistake: the manual
 * ones, and the reactor that the http leaves give their wakers to.
 */
final class FirstWaker {
    static final KnownBadVariant VARIANT = KnownBadVariant.wakers("first-waker",
            "the reactor and the manual leaves keep the first waker they were given instead of the most recent",
            Set.of("WK-04"), new WakersFactory() {
                @Override
                public ManualLeaves leaves() {
                    return new FirstWakerLeaves();
                }

                @Override
                public Reactor reactor() throws EventQueueException {
                    return FirstWakerReactor.startOne();
                }
            });

    private FirstWaker() {}

    /** Manual leaves whose futures each keep the waker of their first poll. */
    private static final class FirstWakerLeaves extends ManualLeaves {
        @Override
        public Future<String> leaf(String name) {
            Future<String> leaf = super.leaf(name);
            AtomicReference<Waker> first = new AtomicReference<>();
            return waker -> leaf.poll(first.updateAndGet(kept -> kept == null ? waker : kept));
        }
    }

    /** A reactor that keeps the first waker given for a token. */
    private static final class FirstWakerReactor extends Reactor {
        private final Set<Long> tokensWithAWaker = ConcurrentHashMap.newKeySet();

        private FirstWakerReactor() throws EventQueueException {}

        /** Starts one as the reactor of this process. */
        static Reactor startOne() throws EventQueueException {
            return Reactor.start(new FirstWakerReactor());
        }

        @Override
        public void setWaker(Waker waker, long token) {
            if (tokensWithAWaker.add(token)) super.setWaker(waker, token);
        }
    }
}
