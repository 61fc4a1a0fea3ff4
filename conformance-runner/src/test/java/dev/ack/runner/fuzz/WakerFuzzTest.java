package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.CoroutineTraceEntry.Sleep;
import dev.ack.protocol.programs.CoroutineTraceEntry.Spawned;
import dev.ack.protocol.programs.CoroutineTraceEntry.TaskFinished;
import dev.ack.protocol.programs.CoroutineTraceEntry.TaskPolled;
import dev.ack.protocol.programs.CoroutineTraceEntry.Wake;
import dev.ack.runner.fuzz.WakerCase.Action;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What kit fuzz accepts of a wakers run whatever the timing, and which cases it may run. */
class WakerFuzzTest {
    private static final List<CoroutineTraceEntry> TWO_TASKS = List.of(new Spawned("main", 0), new TaskPolled("main", 0),
            new Spawned("main", 1), new Sleep("main", 2), new Wake(1), new Wake(1), new TaskPolled("main", 1), new TaskFinished("main", 1),
            new Wake(0), new TaskPolled("main", 0), new TaskFinished("main", 0));

    @Test
    void tasksInAnotherOrderAndWakesMergedIntoOnePollAreAlike() {
        List<CoroutineTraceEntry> lastFirstAndUnmerged = List.of(new Spawned("main", 0), new TaskPolled("main", 0),
                new Spawned("main", 1), new Sleep("main", 2), new Wake(0), new Wake(1), new Wake(1), new TaskPolled("main", 0),
                new TaskFinished("main", 0), new TaskPolled("main", 1), new TaskPolled("main", 1), new TaskFinished("main", 1));
        assertThat(WakerTraceChecks.of(lastFirstAndUnmerged, true)).isEqualTo(WakerTraceChecks.of(TWO_TASKS, true));
    }

    @Test
    void aPollAfterReadyAPollNobodyAskedForAndAMiscountedSleepAreNot() {
        List<CoroutineTraceEntry> broken = List.of(new Spawned("main", 0), new TaskPolled("main", 0), new Sleep("main", 2),
                new TaskPolled("main", 0), new TaskFinished("main", 0), new TaskPolled("main", 0));
        assertThat(WakerTraceChecks.of(broken, true)).containsExactly("WK-11: a sleep counted 2 pending tasks while 1 were unfinished",
                "WK-10: task 0 was polled after it finished", "WK-02: task 0 was polled 3 times, woken 0 times");
        assertThat(WakerTraceChecks.of(broken, false)).doesNotContain("WK-02: task 0 was polled 3 times, woken 0 times");
    }

    @Test
    void theRunnerCallsOnlyWakersKeptBeforeTheFirstWaitAndMakesEveryLeafReady() {
        WakerCase kept = wakersCase("keep the waker as w1\nwait for leaf A\nlog \"main says 1\"", new Action.Ready("A", "a"), new Action.Wake("w1"));
        WakerCase keptLate = wakersCase("wait for leaf A\nkeep the waker as w1", new Action.Ready("A", "a"), new Action.Wake("w1"));
        WakerCase leafNeverReady = wakersCase("keep the waker as w1\nwait for leaf A", new Action.Wake("w1"));
        assertThat(WakerFuzz.valid(kept)).isTrue();
        assertThat(WakerFuzz.valid(keptLate)).isFalse();
        assertThat(WakerFuzz.valid(leafNeverReady)).isFalse();
    }

    private static WakerCase wakersCase(String program, Action... batch) {
        return new WakerCase(CoroutineProgram.parse(program, () -> 0).instructions(), List.of(List.of(batch)), true);
    }
}
