package dev.ack.runner.fuzz;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.LeafReadyArgs;
import dev.ack.protocol.wakers.WakersOps;
import dev.ack.protocol.wakers.WakersOps.BlockOnArgs;
import dev.ack.protocol.wakers.WakersOps.WakeArgs;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.fuzz.WakerCase.Action;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Wakers in {@code kit fuzz} (chapter 8: the implementation's executor runs the program, protocol.md
 * §7.2): a case is a root program and the runner's batches of leaves made ready and kept wakers called;
 * the result is the run's trace and how it ended.
 * <p>
 * What is compared, and only that, since the timing of the runner's batches against the executor is free:
 * <ul>
 *   <li>how the run ended: finished with its value (WK-08, WK-20; "" where the root returns none), failed
 *       with an error's kind, or stuck with tasks unfinished after every leaf was made ready (a lost wake,
 *       WK-01, WK-06);</li>
 *   <li>each coroutine's own log, in order: a coroutine runs its program in order whoever polls it when,
 *       but the order between tasks is free (the ready queue's order, WK-12) and so is the order of a
 *       join_all's children (CO-09), so the logs of different coroutines are not ordered;</li>
 *   <li>how many tasks finished;</li>
 *   <li>what the trace must show whatever the timing ({@link WakerTraceChecks}: WK-10, WK-11, and
 *       polls no more than one per wake, WK-02, WK-06.1). How many times a task is polled is not compared:
 *       several wakes before a poll MAY merge into one (protocol.md §7), and a leaf made ready before its
 *       poll wakes nobody.</li>
 * </ul>
 */
final class WakerFuzz implements FuzzArea<WakerCase, WakerRun> {
    /** The pause between batches, as the scenario writes it: the deadlines' settle time, unscaled. */
    private static final long SETTLE_MILLIS = 20;

    @Override
    public Area area() { return Area.WAKERS; }

    @Override
    public Gen<WakerCase> cases(Handshake implementation, Handshake reference) {
        return WakerCases.cases(both(implementation, reference, Capability.BLOCK_ON_VALUE), both(implementation, reference, Capability.WAKE_REPORTS));
    }

    private static boolean both(Handshake implementation, Handshake reference, String capability) {
        return implementation.claimsCapability(capability) && reference.claimsCapability(capability);
    }

    @Override
    public WakerRun run(ProtocolClient client, WakerCase c) {
        WakerRun run = new WakerRun(client, client.call(WakersOps.BLOCK_ON, new BlockOnArgs(c.program(), null)).run());
        if (!c.batches().isEmpty()) run.untilFirstSleep();
        for (List<Action> batch : c.batches()) {
            for (Action action : batch) {
                switch (action) {
                    case Action.Ready ready -> client.call(WakersOps.LEAF_READY, new LeafReadyArgs(ready.leaf(), ready.value()));
                    case Action.Wake wake -> client.call(WakersOps.WAKE, new WakeArgs(wake.waker()));
                }
            }
            run.settle();
        }
        run.untilTheEnd();
        return run;
    }

    @Override
    public List<String> comparable(WakerCase c, WakerRun run) {
        List<String> lines = new ArrayList<>();
        lines.add(run.finished() ? "the run finished with \"" + run.value() + "\""
                : run.failure() != null ? "the run failed with " + run.failure()
                : "the run did not finish: the executor sleeps with tasks unfinished, and every leaf was made ready");
        logsByCoroutine(run.trace()).forEach((coroutine, logs) -> lines.add(coroutine + " logged: " + String.join(" | ", logs)));
        lines.add(finishedTasks(run.trace()) + " tasks finished");
        lines.addAll(WakerTraceChecks.of(run.trace(), c.wakesCounted()));
        return lines;
    }

    /** Each coroutine's logs in order, by its name: a log's text begins with it (CoroutineRules). */
    private static Map<String, List<String>> logsByCoroutine(List<CoroutineTraceEntry> trace) {
        Map<String, List<String>> logs = new TreeMap<>();
        for (CoroutineTraceEntry entry : trace) {
            if (entry instanceof CoroutineTraceEntry.Log log) logs.computeIfAbsent(log.text().split(" ", 2)[0], k -> new ArrayList<>()).add(log.text());
        }
        return logs;
    }

    private static long finishedTasks(List<CoroutineTraceEntry> trace) {
        return trace.stream().filter(CoroutineTraceEntry.TaskFinished.class::isInstance).count();
    }

    /** Fewer batches and actions first, then smaller programs; each still valid ({@link #valid}). */
    @Override
    public List<WakerCase> smaller(WakerCase c) {
        List<WakerCase> smaller = new ArrayList<>();
        for (int i = 0; i < c.batches().size(); i++) {
            List<List<Action>> batches = new ArrayList<>(c.batches());
            batches.remove(i);
            smaller.add(new WakerCase(c.program(), List.copyOf(batches), c.wakesCounted()));
        }
        for (int i = 0; i < c.batches().size(); i++) {
            List<Action> batch = c.batches().get(i);
            for (int j = 0; j < batch.size() && batch.size() > 1; j++) {
                List<Action> fewer = new ArrayList<>(batch);
                fewer.remove(j);
                List<List<Action>> batches = new ArrayList<>(c.batches());
                batches.set(i, List.copyOf(fewer));
                smaller.add(new WakerCase(c.program(), List.copyOf(batches), c.wakesCounted()));
            }
        }
        CoroutineFuzz.EDITS.of(c.program()).forEach(program -> smaller.add(new WakerCase(program, c.batches(), c.wakesCounted())));
        return smaller.stream().filter(WakerFuzz::valid).toList();
    }

    /**
     * A case the runner can take as it stands: a valid program, every leaf it waits on made ready (so a
     * run that does not finish shows a lost wake), and only wakers the root keeps before its first wait
     * called (they are kept when the executor first sleeps, after which the runner calls them).
     */
    static boolean valid(WakerCase c) {
        if (!CoroutineRules.valid(c.program())) return false;
        Set<String> readied = new HashSet<>();
        Set<String> woken = new HashSet<>();
        for (List<Action> batch : c.batches()) {
            for (Action action : batch) {
                switch (action) {
                    case Action.Ready ready -> readied.add(ready.leaf());
                    case Action.Wake wake -> woken.add(wake.waker());
                }
            }
        }
        return readied.containsAll(leaves(c.program(), new HashSet<>())) && keptEarly(c.program()).containsAll(woken);
    }

    private static Set<String> leaves(List<CoroutineInstruction> program, Set<String> leaves) {
        for (CoroutineInstruction instruction : program) {
            switch (instruction) {
                case CoroutineInstruction.Wait wait when wait.leaf() instanceof CoroutineLeaf.Manual manual -> leaves.add(manual.name());
                case CoroutineInstruction.Create create -> leaves(create.program(), leaves);
                default -> { }
            }
        }
        return leaves;
    }

    /** The wakers the root keeps in its first poll: before anything it may wait on. */
    private static Set<String> keptEarly(List<CoroutineInstruction> program) {
        Set<String> kept = new HashSet<>();
        for (CoroutineInstruction instruction : program) {
            switch (instruction) {
                case CoroutineInstruction.KeepWaker keep -> kept.add(keep.name());
                case CoroutineInstruction.Wait ignored -> { return kept; }
                case CoroutineInstruction.JoinAll ignored -> { return kept; }
                case CoroutineInstruction.YieldNow ignored -> { return kept; }
                case CoroutineInstruction.YieldUntilSleep ignored -> { return kept; }
                default -> { }
            }
        }
        return kept;
    }

    /**
     * The case in the steps of features/wakers. The first batch waits for the executor's first sleep, as
     * the fuzzer did (or for task 0 to finish, when the reference finished without sleeping); the logs are
     * checked in order only where a single coroutine logged, since the steps have no per-coroutine order.
     */
    @Override
    public String scenario(String id, String title, WakerCase c, WakerRun expected) {
        List<CoroutineTraceEntry> trace = expected.trace();
        boolean valued = expected.finished() && !expected.value().isEmpty();
        StringBuilder text = Gherkin.heading(id, valued ? List.of("@requires:block-on-value") : List.of(), title)
                .append("    When the executor runs this program:\n");
        Gherkin.docString(text, CoroutineProgram.write(c.program()));
        if (!c.batches().isEmpty()) {
            text.append(trace.stream().filter(CoroutineTraceEntry.Sleep.class::isInstance).map(CoroutineTraceEntry.Sleep.class::cast).findFirst()
                    .map(sleep -> "    And the executor has gone to sleep with " + sleep.pending() + " pending task" + (sleep.pending() == 1 ? "" : "s"))
                    .orElse("    And task 0 has finished")).append('\n');
        }
        for (int i = 0; i < c.batches().size(); i++) {
            if (i > 0) text.append("    And I wait ").append(SETTLE_MILLIS).append(" ms for the run\n");
            String verb = "    When ";
            for (Action action : c.batches().get(i)) {
                text.append(verb).append(switch (action) {
                    case Action.Ready ready -> "leaf " + ready.leaf() + " becomes ready with \"" + ready.value() + "\"";
                    case Action.Wake wake -> "I call waker " + wake.waker();
                }).append('\n');
                verb = "    And ";
            }
        }
        text.append(expected.finished() ? "    Then the run finishes with \"" + expected.value() + "\"\n"
                : expected.failure() != null ? "    Then the run fails with " + expected.failure() + "\n"
                : "    Then the run has not finished\n");
        text.append("    And no task was polled after it finished\n");
        text.append("    And ").append(finishedTasks(trace)).append(" tasks finished, each once\n");
        Map<String, List<String>> logs = logsByCoroutine(trace);
        if (logs.size() == 1) {
            text.append("    And the run logged, in order:\n");
            Gherkin.docString(text, String.join("\n", logs.values().iterator().next()));
        }
        return text.toString();
    }
}
