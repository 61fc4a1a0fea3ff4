package dev.ack.reference.variants;

import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import java.util.Set;

/**
 * {@code root-ends-block-on}: a {@code block_on} that returns as soon as the root task has finished,
 * leaving the spawned tasks that still wait unfinished: the mistake of reading "block on the root" as
 * "wait for the root only".
 */
final class RootEndsBlockOn extends Executor {
    static final KnownBadVariant VARIANT = KnownBadVariant.runtime("root-ends-block-on",
            "block_on returns when the root task finishes, though spawned tasks still wait",
            Set.of("RT-03"), new RuntimeFactory() {
                @Override
                public Executor executor(ExecutorTrace trace) {
                    return new RootEndsBlockOn(trace);
                }
            });

    /** The root's id: block_on spawns it first. */
    private static final int ROOT = 0;

    private RootEndsBlockOn(ExecutorTrace trace) {
        super(trace);
    }

    @Override
    protected boolean finished() {
        return !isUnfinished(ROOT);
    }
}
