package dev.ack.reference.runtime;

import static dev.ack.reference.coroutines.Programs.create;
import static dev.ack.reference.coroutines.Programs.log;
import static dev.ack.reference.coroutines.Programs.pollDetached;
import static dev.ack.reference.coroutines.Programs.ret;
import static dev.ack.reference.coroutines.Programs.spawn;
import static dev.ack.reference.coroutines.Programs.waitLeaf;
import static dev.ack.reference.runtime.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each known-bad variant of the coroutines and wakers areas really has its defect, where the
 * reference does not (the other tests): otherwise a suite that passes them would prove nothing.
 */
class VariantTest {
    private BlockOnThread run;
    private Reactor reactor;

    @AfterEach
    void stop() throws Exception {
        if (run != null) run.close();
        if (reactor != null) reactor.close();
    }

    private Recorder blockOn(Variant variant, Instruction... program) {
        Recorder recorder = new Recorder(variant);
        run = new BlockOnThread("main", new Executor(recorder, variant),
                new StateMachine(List.of(program), recorder, variant));
        return recorder;
    }

    @Test
    void busyExecutorPollsAPendingTaskAgainAndAgainThoughNobodyWokeIt() throws Exception {
        Recorder recorder = blockOn(Variant.BUSY_EXECUTOR, waitLeaf("A", "x"), ret("got {x}"));
        Thread.sleep(200);

        assertThat(recorder.count("polled 0")).isGreaterThan(10);
        assertThat(recorder.lines()).noneMatch(line -> line.startsWith("sleep") || line.startsWith("woken"));
        recorder.leaves.makeReady("A", "a");
        assertThat(run.value()).isEqualTo("got a");
    }

    @Test
    void firstWakerLeafNeverWakesATaskFirstPolledOutsideTheExecutor() throws Exception {
        Recorder recorder = blockOn(Variant.FIRST_WAKER,
                create("c", waitLeaf("A", "x"), log("c got {x}")), pollDetached("c"), spawn("c"));
        eventually(() -> recorder.count("sleep 1") == 1);

        recorder.leaves.makeReady("A", "a");
        Thread.sleep(200);

        assertThat(run.isFinished()).isFalse();
        assertThat(recorder.count("polled 1")).isEqualTo(1);
    }

    @Test
    void firstWakerReactorWakesTheFirstWakerItWasGiven() throws Exception {
        reactor = Reactor.start(Variant.FIRST_WAKER);

        assertThat(ReactorTest.taskWokenOfTwoWakers(reactor)).isEqualTo(1);
    }

    @Test
    void pollAfterReadyHandsOutTheValueAgain() {
        StateMachine coroutine = new StateMachine(List.of(log("runs once"), ret("done")), new Recorder(),
                Variant.POLL_AFTER_READY);

        assertThat(coroutine.poll(Waker.noop())).isEqualTo(PollState.ready("done"));
        assertThat(coroutine.poll(Waker.noop())).isEqualTo(PollState.ready("done"));
    }
}
