package dev.ack.runner.steps.runtime;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.runner.steps.coroutines.CoroutineTrace;
import dev.ack.runner.steps.coroutines.Timing;
import io.cucumber.java.en.Then;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run's trace shows: the program's log, its leaves, the executor's polls and sleeps, and how long it took. */
public class BlockOnTraceSteps {
    private final RuntimeWorld world;

    public BlockOnTraceSteps(RuntimeWorld world) {
        this.world = world;
    }

    @Then("{blockOn} logged, in order:")
    public void logged(String executor, String expected) {
        RuntimeRun run = world.run(executor);
        CoroutineTrace.assertLogged("block_on on " + executor, CoroutineTrace.oneByOne(run.trace()), expected);
    }

    @Then("every block_on logged, in order:")
    public void everyLogged(String expected) {
        world.runs().forEach(run -> logged(run.executor, expected));
    }

    @Then("{int} tasks of {blockOn} finished, each once")
    public void tasksFinishedEachOnce(int count, String executor) {
        RuntimeRun run = world.run(executor);
        List<Long> finished = run.trace().stream()
                .<Long>mapMulti((e, tasks) -> { if (e instanceof CoroutineTraceEntry.TaskFinished done) tasks.accept(done.task()); })
                .toList();
        assertThat(finished)
                .withFailMessage("expected %d different tasks to finish, each once; the tasks that finished were %s; %s",
                        count, finished, run.describe())
                .hasSize(count)
                .doesNotHaveDuplicates();
    }

    /**
     * Each leaf's entries begin with its start, and a leaf starts only once the leaf before it was
     * ready: a request goes out at its leaf's first poll, not when the program is read or the leaf made.
     */
    @Then("each request of {blockOn} started at its leaf's first poll, one after the other")
    public void eachRequestStartedAtItsFirstPoll(String executor) {
        RuntimeRun run = world.run(executor);
        Map<String, List<CoroutineTraceEntry>> byLeaf = entriesByLeaf(run);
        String previous = null;
        for (Map.Entry<String, List<CoroutineTraceEntry>> leaf : byLeaf.entrySet()) {
            List<CoroutineTraceEntry> entries = leaf.getValue();
            boolean startedFirstAndOnce = entries.getFirst() instanceof CoroutineTraceEntry.LeafStarted
                    && entries.stream().filter(CoroutineTraceEntry.LeafStarted.class::isInstance).count() == 1;
            assertThat(startedFirstAndOnce)
                    .withFailMessage("expected leaf %s to be started once, at its first poll (leaf-started before any "
                            + "leaf-polled of it); %s", leaf.getKey(), run.describe())
                    .isTrue();
            if (previous != null) {
                int start = run.trace().indexOf(entries.getFirst());
                int previousReady = indexOfReady(run, previous);
                assertThat(previousReady >= 0 && previousReady < start)
                        .withFailMessage("expected leaf %s to start only after leaf %s was ready; %s", leaf.getKey(), previous, run.describe())
                        .isTrue();
            }
            previous = leaf.getKey();
        }
    }

    /** Every leaf of the run was Ready exactly once: a response read in pieces completes once. */
    @Then("every leaf of {blockOn} was ready exactly once")
    public void everyLeafReadyOnce(String executor) {
        RuntimeRun run = world.run(executor);
        entriesByLeaf(run).forEach((leaf, entries) -> {
            long ready = entries.stream().filter(e -> e instanceof CoroutineTraceEntry.LeafPolled polled && polled.ready()).count();
            assertThat(ready)
                    .withFailMessage("expected leaf %s to be polled Ready exactly once, it was %d times; %s", leaf, ready, run.describe())
                    .isEqualTo(1);
        });
    }

    /** Sleeps of the one pending task while each request waits; a sleep with another count is a task too many or too few. */
    @Then("{blockOn} slept with {int} pending task(s) while each request waited")
    public void sleptWhileEachRequestWaited(String executor, int pending) {
        RuntimeRun run = world.run(executor);
        List<Long> counts = run.trace().stream()
                .<Long>mapMulti((e, all) -> { if (e instanceof CoroutineTraceEntry.Sleep sleep) all.accept(sleep.pending()); })
                .toList();
        assertThat(counts)
                .withFailMessage("expected block_on on %s to sleep only with %d pending task(s); its sleeps counted %s; %s",
                        executor, pending, counts, run.describe())
                .isNotEmpty()
                .allMatch(n -> n == pending);
        entriesByLeaf(run).forEach((leaf, entries) -> {
            int ready = indexOfReady(run, leaf);
            assertThat(ready >= 0 && run.trace().subList(run.trace().indexOf(entries.getFirst()), ready)
                            .stream().anyMatch(CoroutineTraceEntry.Sleep.class::isInstance))
                    .withFailMessage("expected block_on on %s to sleep while leaf %s waited for its response; %s", executor, leaf, run.describe())
                    .isTrue();
        });
    }

    @Then("{blockOn} took at least the sum of the delays")
    public void tookTheSum(String executor) {
        RuntimeRun run = world.run(executor);
        Timing.assertSequential("block_on on " + executor, run.sinceStart(), run.program.httpDelays());
    }

    @Then("every block_on's entries name its own executor")
    public void everyRunsEntriesNameItsOwnExecutor() {
        for (RuntimeRun run : world.runs()) {
            List<CoroutineTraceEntry.OfExecutor> naming = run.trace().stream()
                    .<CoroutineTraceEntry.OfExecutor>mapMulti((e, all) -> { if (e instanceof CoroutineTraceEntry.OfExecutor of) all.accept(of); })
                    .toList();
            // an entry without its executor field binds with null: it names no executor, so it fails here
            assertThat(naming)
                    .withFailMessage("expected every executor entry of block_on on %s to name it; %s", run.executor, run.describe())
                    .isNotEmpty()
                    .allMatch(e -> run.executor.equals(e.executor()));
        }
    }

    /** The entries of each leaf (started, polled), by leaf name in the order the leaves first appear. */
    private static Map<String, List<CoroutineTraceEntry>> entriesByLeaf(RuntimeRun run) {
        Map<String, List<CoroutineTraceEntry>> byLeaf = new LinkedHashMap<>();
        for (CoroutineTraceEntry entry : run.trace()) {
            String leaf = switch (entry) {
                case CoroutineTraceEntry.LeafStarted started -> started.leaf();
                case CoroutineTraceEntry.LeafPolled polled -> polled.leaf();
                default -> null;
            };
            if (leaf != null) byLeaf.computeIfAbsent(leaf, l -> new ArrayList<>()).add(entry);
        }
        if (byLeaf.isEmpty()) throw new AssertionError("expected leaf entries in the trace; " + run.describe());
        return byLeaf;
    }

    private static int indexOfReady(RuntimeRun run, String leaf) {
        List<CoroutineTraceEntry> trace = run.trace();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i) instanceof CoroutineTraceEntry.LeafPolled polled && polled.leaf().equals(leaf) && polled.ready()) return i;
        }
        return -1;
    }
}
