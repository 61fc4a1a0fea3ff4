package dev.ack.reference.wakers;

import static dev.ack.reference.coroutines.Programs.create;
import static dev.ack.reference.coroutines.Programs.keepWaker;
import static dev.ack.reference.coroutines.Programs.ret;
import static dev.ack.reference.coroutines.Programs.spawn;
import static dev.ack.reference.coroutines.Programs.waitLeaf;
import static dev.ack.reference.wakers.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import java.util.List;
import java.util.function.Function;

/**
 * Whether an executor polls a task nobody woke, counted rather than timed: task 0 waits on a leaf
 * nobody makes ready while task 1, the ticker, is woken three times, each time until the executor has
 * polled it. An executor that polls only what was woken polls task 0 once, however slow the machine;
 * one that polls every task in turn polls it at least once more per tick.
 */
public final class IdleTaskPolls {
    private static final int TICKS = 3;

    private IdleTaskPolls() {}

    /** How many times the executor made by {@code executors} polled task 0; the run is finished before this returns. */
    public static long whileAnotherTaskIsWokenThrice(Function<Recorder, Executor> executors) throws Exception {
        Recorder recorder = new Recorder();
        StateMachine root = new StateMachine(List.of(create("ticker", keepWaker("tick"), waitLeaf("T", null)),
                spawn("ticker"), waitLeaf("A", "x"), ret("got {x}")), recorder);
        try (BlockOnThread run = new BlockOnThread("main", executors.apply(recorder), root)) {
            eventually(() -> recorder.count("polled 0") >= 1 && recorder.keptWakers.containsKey("tick"));
            Waker tick = recorder.keptWakers.get("tick");
            for (int i = 0; i < TICKS; i++) {
                long before = recorder.count("polled 1");
                tick.wake();
                eventually(() -> recorder.count("polled 1") > before);
            }
            long polls = recorder.count("polled 0");
            recorder.leaves.makeReady("T", "t");
            recorder.leaves.makeReady("A", "a");
            assertThat(run.value()).isEqualTo("got a");
            return polls;
        }
    }
}
