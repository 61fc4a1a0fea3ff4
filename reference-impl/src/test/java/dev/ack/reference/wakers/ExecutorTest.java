package dev.ack.reference.wakers;

import static dev.ack.reference.coroutines.Programs.create;
import static dev.ack.reference.coroutines.Programs.keepWaker;
import static dev.ack.reference.coroutines.Programs.log;
import static dev.ack.reference.coroutines.Programs.ret;
import static dev.ack.reference.coroutines.Programs.spawn;
import static dev.ack.reference.coroutines.Programs.waitLeaf;
import static dev.ack.reference.coroutines.Programs.yieldNow;
import static dev.ack.reference.coroutines.Programs.yieldUntilSleep;
import static dev.ack.reference.wakers.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.coroutines.StateMachine;
import dev.ack.reference.coroutines.Waker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chapter 8 executor running coroutine programs on its own thread, woken by manual leaves and kept
 * wakers. What an executor must not do (poll a task nobody woke, return early, let a wake reach
 * another executor) is checked by counting what it did by a point it must have reached, never by
 * waiting for a while and seeing nothing happen.
 */
class ExecutorTest {
    private final Recorder recorder = new Recorder();
    private BlockOnThread run;

    private BlockOnThread blockOn(String thread, Instruction... program) {
        run = new BlockOnThread(thread, new Executor(recorder), new StateMachine(List.of(program), recorder));
        return run;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (run != null) run.close();
    }

    @Test
    void aPendingTaskIsPolledAgainOnlyOnceItIsWoken() throws Exception {
        blockOn("main", waitLeaf("A", "x"), ret("got {x}"));
        eventually(() -> recorder.count("sleep 1") == 1);

        recorder.leaves.makeReady("A", "a");

        assertThat(run.value()).isEqualTo("got a");
        assertThat(recorder.lines()).containsExactly("spawned 0", "polled 0", "leaf A started",
                "leaf A polled: pending", "sleep 1", "woken 0", "polled 0", "leaf A polled: ready", "finished 0",
                "all finished");
    }

    @Test
    void aTaskNobodyWokeIsNotPolledWhileAnotherIsWokenAndPolled() throws Exception {
        assertThat(IdleTaskPolls.whileAnotherTaskIsWokenThrice(Executor::new)).isEqualTo(1);
    }

    @Test
    void aTaskSpawnsTasksThatArePolledAfterItsPollReturns() throws Exception {
        blockOn("main", create("outer", create("inner", log("inner runs")), spawn("inner"), log("outer runs")),
                spawn("outer"), log("root runs"));

        assertThat(run.value()).isEmpty();
        assertThat(recorder.lines()).filteredOn(line -> line.startsWith("log")).containsExactly(
                "log root runs", "log outer runs", "log inner runs");
        assertThat(recorder.lines()).containsSubsequence("spawned 1", "finished 0", "polled 1", "spawned 2",
                "finished 1", "polled 2", "finished 2", "all finished");
    }

    /** Having finished the root, the executor goes to sleep with the child pending: it did not return. */
    @Test
    void blockOnReturnsWhenTheLastTaskFinishesNotTheRoot() throws Exception {
        blockOn("main", create("a", waitLeaf("A", "x"), log("a got {x}")), spawn("a"), ret("root done"));
        eventually(() -> recorder.count("sleep 1") == 1);
        assertThat(recorder.lines()).containsSubsequence("finished 0", "sleep 1").doesNotContain("all finished");

        recorder.leaves.makeReady("A", "1");

        assertThat(run.value()).isEqualTo("root done");
        assertThat(recorder.lines()).endsWith("log a got 1", "finished 1", "all finished");
    }

    /** The wake arrives while the executor runs: it wakes up, finds nothing of its own and sleeps again. */
    @Test
    void aFinishedTaskIsNeverPolledAgainAndItsWakesAreIgnored() throws Exception {
        blockOn("main", create("quick", keepWaker("w"), ret("quick done")), spawn("quick"),
                waitLeaf("A", "x"), ret("root got {x}"));
        eventually(() -> recorder.count("finished 1") == 1 && recorder.count("sleep 1") == 1);

        recorder.keptWakers.get("w").wake();
        eventually(() -> recorder.count("sleep 1") == 2);
        assertThat(recorder.count("polled 1")).isEqualTo(1);

        recorder.leaves.makeReady("A", "a");
        assertThat(run.value()).isEqualTo("root got a");
        assertThat(recorder.count("polled 1")).isEqualTo(1);
    }

    @Test
    void aWakeAfterBlockOnReturnedNeitherThrowsNorBlocks() throws Exception {
        blockOn("main", keepWaker("w"), ret("done"));
        assertThat(run.value()).isEqualTo("done");

        assertThatCode(() -> recorder.keptWakers.get("w").wake()).doesNotThrowAnyException();
    }

    /**
     * Counted once the run is over, so every poll the wakes caused is in: the first poll, at least one
     * for the three wakes (a sleep came after it), at most one per wake, and one for the leaf.
     */
    @Test
    void severalWakesBeforeAPollCauseAtLeastOnePollAndAtMostOnePerWake() throws Exception {
        blockOn("main", keepWaker("w"), waitLeaf("A", "x"), ret("got {x}"));
        eventually(() -> recorder.count("sleep 1") == 1);

        Waker waker = recorder.keptWakers.get("w");
        waker.wake();
        waker.wake();
        waker.wake();
        eventually(() -> recorder.count("sleep 1") >= 2);
        recorder.leaves.makeReady("A", "a");

        assertThat(run.value()).isEqualTo("got a");
        assertThat(recorder.count("polled 0")).isBetween(3L, 5L);
    }

    /** The wake came during the poll: the executor polls the task again at once, without sleeping. */
    @Test
    void aTaskThatWakesItselfDuringItsPollIsPolledAgain() throws Exception {
        blockOn("main", log("before"), yieldNow(), ret("after"));

        assertThat(run.value()).isEqualTo("after");
        assertThat(recorder.lines()).containsExactly("spawned 0", "polled 0", "log before", "woken 0", "polled 0",
                "finished 0", "all finished");
    }

    /** The wake came from another thread after the executor found its queue empty: the park returns at once. */
    @Test
    void aWakeWhileTheExecutorReportsSleepIsNotLost() throws Exception {
        blockOn("main", yieldUntilSleep(), yieldUntilSleep(), ret("done"));

        assertThat(run.value()).isEqualTo("done");
        assertThat(recorder.lines()).containsExactly("spawned 0", "polled 0", "sleep 1", "woken 0", "polled 0",
                "sleep 1", "woken 0", "polled 0", "finished 0", "all finished");
    }

    /** Counted once both runs are over: B's wake would have polled exec-1's task a third time. */
    @Test
    void eachWakeReachesTheExecutorThatOwnsTheTask() throws Exception {
        Recorder other = new Recorder(recorder.leaves);
        try (BlockOnThread first = new BlockOnThread("exec-1", new Executor(other),
                new StateMachine(List.of(waitLeaf("A", "x"), ret("exec-1 got {x}")), other))) {
            blockOn("exec-2", waitLeaf("B", "x"), ret("exec-2 got {x}"));
            eventually(() -> other.count("sleep 1") == 1 && recorder.count("sleep 1") == 1);

            recorder.leaves.makeReady("B", "b");
            assertThat(run.value()).isEqualTo("exec-2 got b");
            other.leaves.makeReady("A", "a");
            assertThat(first.value()).isEqualTo("exec-1 got a");

            assertThat(other.count("polled 0")).isEqualTo(2);
        }
    }
}
