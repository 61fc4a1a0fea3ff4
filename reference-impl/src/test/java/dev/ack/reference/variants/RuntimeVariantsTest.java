package dev.ack.reference.variants;

import static dev.ack.reference.coroutines.Programs.log;
import static dev.ack.reference.coroutines.Programs.ret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.wakers.IdleTaskPolls;
import dev.ack.reference.wakers.Reactor;
import dev.ack.reference.wakers.ReactorWakes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each known-bad variant of the coroutines and wakers areas really has its defect, where the
 * reference does not (the coroutines and runtime packages' tests, with the same checks).
 */
class RuntimeVariantsTest {
    private static final WakersFactory BUSY_EXECUTOR = BusyExecutor.VARIANT.implementation().wakers();
    private static final WakersFactory FIRST_WAKER = FirstWaker.VARIANT.implementation().wakers();

    @Test
    void busyExecutorPollsATaskNobodyWokeWhileAnotherIsWoken() throws Exception {
        assertThat(IdleTaskPolls.whileAnotherTaskIsWokenThrice(BUSY_EXECUTOR::executor)).isGreaterThan(1);
    }

    @Test
    void firstWakerLeavesWakeTheWakerOfTheFirstPoll() {
        ManualLeaves leaves = FIRST_WAKER.leaves();
        List<String> woken = new ArrayList<>();
        Future<String> leaf = leaves.leaf("A");

        assertThat(leaf.poll(() -> woken.add("first"))).isEqualTo(PollState.pending());
        assertThat(leaf.poll(() -> woken.add("most recent"))).isEqualTo(PollState.pending());
        leaves.makeReady("A", "a");

        assertThat(woken).containsExactly("first");
    }

    @Test
    void firstWakerReactorWakesTheFirstWakerItWasGiven() throws Exception {
        try (Reactor reactor = FIRST_WAKER.reactor()) {
            assertThat(ReactorWakes.taskWokenOfTwoWakers(reactor)).isEqualTo(1);
        }
    }

    @Test
    void pollAfterReadyHandsOutTheValueAgain() {
        StateMachine coroutine = PollAfterReady.VARIANT.implementation().coroutines()
                .coroutine(List.of(log("runs once"), ret("done")), new Recorder());

        assertThat(coroutine.poll(Waker.noop())).isEqualTo(PollState.ready("done"));
        assertThat(coroutine.poll(Waker.noop())).isEqualTo(PollState.ready("done"));
    }
}
