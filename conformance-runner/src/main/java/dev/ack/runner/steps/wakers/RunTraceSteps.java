package dev.ack.runner.steps.wakers;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.runner.steps.TimingCheck;
import dev.ack.runner.steps.coroutines.CoroutineTrace;
import dev.ack.runner.steps.coroutines.Timing;
import io.cucumber.java.en.Then;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run's trace shows about its executor: polls, wakes, sleeps, the program's log, and how long it took. */
public class RunTraceSteps {
    /** Spawned, TaskPolled, TaskFinished, Sleep and AllFinished: the entries that name their executor. */
    private static final long EXECUTOR_ENTRY_KINDS = CoroutineTraceEntry.OfExecutor.class.getPermittedSubclasses().length;

    private final WakersWorld world;

    public RunTraceSteps(WakersWorld world) {
        this.world = world;
    }

    @Then("{theExecutor} polled task {int} {howOften}")
    public void polledTask(String executor, int task, int times) {
        Run run = world.run(executor);
        long polled = run.count(CoroutineTraceEntry.TaskPolled.class, task);
        assertThat(polled)
                .withFailMessage("expected %s to have polled task %d %d time(s) so far, it polled it %d times; %s",
                        executor, task, times, polled, run.describe())
                .isEqualTo(times);
    }

    @Then("{theExecutor} polled task {int} at least {howOften} and at most {howOften}")
    public void polledTaskBetween(String executor, int task, int least, int most) {
        Run run = world.run(executor);
        long polled = run.count(CoroutineTraceEntry.TaskPolled.class, task);
        assertThat(polled)
                .withFailMessage("expected %s to have polled task %d between %d and %d times so far, it polled it %d times; %s",
                        executor, task, least, most, polled, run.describe())
                .isBetween((long) least, (long) most);
    }

    @Then("task {int} was woken")
    public void taskWasWoken(int task) {
        Run run = world.run(WakersWorld.MAIN);
        assertThat(run.count(CoroutineTraceEntry.Wake.class, task))
                .withFailMessage("expected a wake of task %d in the trace; %s", task, run.describe())
                .isPositive();
    }

    /**
     * Each sleep must count the tasks the executor's own entries show unfinished at that moment (WK-11
     * as it stands, whatever the timing); and the counts must be the listed ones in order, where a
     * wake-up that finished several tasks at once leaves out the counts between (consecutive sleeps
     * with the same count are one: an executor may wake up for nothing and sleep again).
     */
    @Then("{theExecutor} slept with {tokens} pending task(s), in that order")
    public void sleptWith(String executor, List<Long> expected) {
        Run run = world.run(executor);
        Set<Long> unfinished = new HashSet<>();
        List<Long> counts = new ArrayList<>();
        for (CoroutineTraceEntry entry : run.trace()) {
            switch (entry) {
                case CoroutineTraceEntry.Spawned spawned -> unfinished.add(spawned.task());
                case CoroutineTraceEntry.TaskFinished done -> unfinished.remove(done.task());
                case CoroutineTraceEntry.Sleep sleep -> {
                    assertThat(sleep.pending()).withFailMessage("expected each sleep to count the unfinished tasks; %s slept with %d pending "
                            + "while its entries show %d unfinished (%s); %s", executor, sleep.pending(), unfinished.size(), unfinished,
                            run.describe()).isEqualTo((long) unfinished.size());
                    if (counts.isEmpty() || !counts.getLast().equals(sleep.pending())) counts.add(sleep.pending());
                }
                default -> { }
            }
        }
        boolean mergedWakeUps = !counts.isEmpty() && counts.equals(expected.stream().filter(counts::contains).toList());
        assertThat(mergedWakeUps).withFailMessage("expected %s to sleep with %s pending tasks, in that order (a wake-up that finished "
                + "several tasks may leave counts out); its sleeps counted %s; %s", executor, expected, counts, run.describe()).isTrue();
    }

    @Then("{theRun} logged, in order:")
    public void theRunLogged(String executor, String expected) {
        CoroutineTrace.assertLogged("the run on " + executor, CoroutineTrace.oneByOne(world.run(executor).trace()), expected);
    }

    /** Tasks woken while the executor slept may be polled in any order once it wakes up (WK-12). */
    @Then("{theRun} logged, in order except within one wake-up:")
    public void theRunLoggedWakeUpByWakeUp(String executor, String expected) {
        inOrder(world.run(executor), expected);
    }

    @Then("every run logged, in order except within one wake-up:")
    public void everyRunLoggedWakeUpByWakeUp(String expected) {
        world.runs().forEach(run -> inOrder(run, expected));
    }

    /** Responses that became ready apart by more than a stall are logged in order. */
    private static void inOrder(Run run, String expected) {
        try {
            CoroutineTrace.assertLogged("the run on " + run.executor, run.wakeUps(), expected);
        } catch (AssertionError wrongOrder) {
            TimingCheck.holds(false, TimingCheck.closest(run.program.httpDelays()), wrongOrder::getMessage);
        }
    }

    @Then("no task was polled after it finished")
    public void noTaskWasPolledAfterItFinished() {
        for (Run run : world.runs()) {
            Set<Long> finished = new HashSet<>();
            for (CoroutineTraceEntry entry : run.trace()) {
                if (entry instanceof CoroutineTraceEntry.TaskPolled polled && finished.contains(polled.task())) {
                    throw new AssertionError("expected no poll of a task after it finished; task " + polled.task() + " was; " + run.describe());
                }
                if (entry instanceof CoroutineTraceEntry.TaskFinished done) finished.add(done.task());
            }
        }
    }

    @Then("{int} tasks finished, each once")
    public void tasksFinishedEachOnce(int count) {
        Run run = world.run(WakersWorld.MAIN);
        List<Long> finished = run.trace().stream()
                .<Long>mapMulti((e, tasks) -> { if (e instanceof CoroutineTraceEntry.TaskFinished done) tasks.accept(done.task()); })
                .toList();
        assertThat(finished)
                .withFailMessage("expected %d different tasks to finish, each once; the tasks that finished were %s", count, finished)
                .hasSize(count)
                .doesNotHaveDuplicates();
    }

    @Then("every entry of {theRun} that names an executor names {string}")
    public void everyEntryNames(String executor, String name) {
        assertEntriesName(world.run(executor), name);
    }

    @Then("every run's entries name its own executor")
    public void everyRunsEntriesNameItsOwnExecutor() {
        world.runs().forEach(run -> assertEntriesName(run, run.executor));
    }

    private static void assertEntriesName(Run run, String name) {
        List<CoroutineTraceEntry.OfExecutor> naming = run.trace().stream()
                .<CoroutineTraceEntry.OfExecutor>mapMulti((e, entries) -> { if (e instanceof CoroutineTraceEntry.OfExecutor of) entries.accept(of); })
                .toList();
        assertThat(naming.stream().map(Object::getClass).distinct().count())
                .withFailMessage("expected entries of every kind that names the executor (spawned, task-polled, "
                        + "task-finished, sleep, all-finished) in %s", run.describe())
                .isEqualTo(EXECUTOR_ENTRY_KINDS);
        // an entry without its executor field binds with null: it names no executor, so it fails here
        assertThat(naming)
                .withFailMessage("expected every executor entry of the run started on %s to name \"%s\" in its "
                        + "`executor` field; %s", run.executor, name, run.describe())
                .allMatch(e -> name.equals(e.executor()));
    }

    @Then("the adapter used less than {int}% of that wait on the CPU")
    public void theAdapterUsedLittleCpu(int percent) {
        WakersWorld.Wait wait = world.lastWait();
        assertThat(wait.cpu().toMillis() * 100)
                .withFailMessage("expected an executor with nothing ready to sleep: the adapter's processes used %d ms of CPU "
                        + "during a wait of %d ms, %d%% or more", wait.cpu().toMillis(), wait.wall().toMillis(), percent)
                .isLessThan(wait.wall().toMillis() * percent);
    }

    @Then("{theRun} took at least the sum of the delays")
    public void theRunTookTheSum(String executor) {
        Run run = world.run(executor);
        Timing.assertSequential("the run on " + executor, run.took(), run.program.httpDelays());
    }

    @Then("{theRun} took at least the longest delay but less than {int}% of the sum of the delays")
    public void theRunTookTheLongest(String executor, int percent) {
        Run run = world.run(executor);
        Timing.assertConcurrent("the run on " + executor, run.took(), run.program.httpDelays(), percent);
    }

    /**
     * The slowest run, each timed from its own {@code wk.block_on}: the runner starts the runs one after
     * the other, and that is not the implementation's time. Runs that did not overlap would still be
     * caught: a run that waited for the others to finish would take the sum of their delays.
     */
    @Then("every run took at least the longest delay but less than {int}% of the sum of its delays")
    public void everyRunTookTheLongest(int percent) {
        Run slowest = world.runs().stream().max(Comparator.comparing(Run::took)).orElseThrow();
        Timing.assertConcurrent("the slowest of " + world.runs().size() + " runs (" + slowest.executor + ")",
                slowest.took(), slowest.program.httpDelays(), percent);
    }
}
