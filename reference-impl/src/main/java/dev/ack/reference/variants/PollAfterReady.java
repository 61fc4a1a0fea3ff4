package dev.ack.reference.variants;

import dev.ack.reference.coroutines.Environment;
import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import java.util.List;
import java.util.Set;

/**
 * {@code poll-after-ready}: a coroutine that, polled again after it returned Ready, hands out its
 * value again where the book's panics ({@code Polled a resolved future}).
 */
final class PollAfterReady extends StateMachine {
    static final KnownBadVariant VARIANT = KnownBadVariant.coroutines("poll-after-ready",
            "a coroutine polled after Ready returns Ready again instead of failing with PolledAfterReady",
            Set.of("CO-05"), new CoroutinesFactory() {
                @Override
                public StateMachine coroutine(List<Instruction> program, Environment environment) {
                    return new PollAfterReady(program, environment);
                }
            });

    /** The value it returned Ready with; null before. */
    private String value;

    private PollAfterReady(List<Instruction> program, Environment environment) {
        super(program, environment);
    }

    @Override
    public PollState<String> poll(Waker waker) {
        if (value != null) return PollState.ready(value);
        PollState<String> state = super.poll(waker);
        if (state instanceof PollState.Ready<String>(String ready)) value = ready;
        return state;
    }
}
