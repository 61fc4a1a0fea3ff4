package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.programs.CoroutineTraceEntry;

import java.util.List;

/**
 * Trace entries (protocol.md §7) as the short lines the features and failure messages use, such as
 * {@code leaf A polled: pending} or {@code main sleeps with 2 pending}.
 */
public final class CoroutineTrace {
    /** How many entries a failure message shows. */
    private static final int SHOWN = 60;

    private CoroutineTrace() {}

    public static String render(CoroutineTraceEntry entry) {
        return switch (entry) {
            case CoroutineTraceEntry.Log log -> "log \"" + log.text() + "\"" + (log.task() != null ? " (task " + log.task() + ")" : "");
            case CoroutineTraceEntry.LeafStarted started -> "leaf " + started.leaf() + " started";
            case CoroutineTraceEntry.LeafPolled polled -> "leaf " + polled.leaf() + " polled: " + (polled.ready() ? "ready" : "pending");
            case CoroutineTraceEntry.Spawned spawned -> spawned.executor() + " spawned task " + spawned.task();
            case CoroutineTraceEntry.TaskPolled polled -> polled.executor() + " polled task " + polled.task();
            case CoroutineTraceEntry.TaskFinished finished -> "task " + finished.task() + " finished on " + finished.executor();
            case CoroutineTraceEntry.Wake wake -> "task " + wake.task() + " woken";
            case CoroutineTraceEntry.Sleep sleep -> sleep.executor() + " sleeps with " + sleep.pending() + " pending";
            case CoroutineTraceEntry.AllFinished done -> done.executor() + ": all tasks finished";
        };
    }

    public static List<String> render(List<CoroutineTraceEntry> entries) {
        return entries.stream().map(CoroutineTrace::render).toList();
    }

    /** The texts of the log entries, in order. */
    public static List<String> logs(List<CoroutineTraceEntry> entries) {
        return entries.stream().<String>mapMulti((e, texts) -> { if (e instanceof CoroutineTraceEntry.Log log) texts.accept(log.text()); })
                .toList();
    }

    /**
     * Checks that the log entries of {@code batches} are the lines of {@code expected}, in that order,
     * except that the lines of one batch (what one poll, or one wake-up of an executor, did) may come
     * in any order among themselves. Each entry a batch of its own asks for the exact order.
     */
    public static void assertLogged(String who, List<List<CoroutineTraceEntry>> batches, String expected) {
        List<String> want = expected.lines().toList();
        List<List<String>> got = batches.stream().map(CoroutineTrace::logs).filter(logs -> !logs.isEmpty()).toList();
        int next = 0;
        boolean same = true;
        for (List<String> batch : got) {
            int end = next + batch.size();
            same &= end <= want.size() && sorted(want.subList(next, end)).equals(sorted(batch));
            next = end;
        }
        if (!same || next != want.size()) {
            throw new AssertionError("expected " + who + " to log, in this order:\n  " + String.join("\n  ", want)
                    + "\nit logged (a blank line between batches whose lines may come in any order among themselves):\n  "
                    + String.join("\n\n  ", got.stream().map(batch -> String.join("\n  ", batch)).toList())
                    + "\nits trace:\n" + describe(batches.stream().flatMap(List::stream).toList()));
        }
    }

    /** Each entry as a batch of its own, for {@link #assertLogged} in exact order. */
    public static List<List<CoroutineTraceEntry>> oneByOne(List<CoroutineTraceEntry> entries) {
        return entries.stream().map(List::of).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    /** A trace for a failure message, one entry a line; a flood (a spinning executor) is cut short. */
    public static String describe(List<CoroutineTraceEntry> entries) {
        if (entries.isEmpty()) return "  (empty)";
        String shown = "  " + String.join("\n  ", render(entries.subList(0, Math.min(entries.size(), SHOWN))));
        return entries.size() <= SHOWN ? shown : shown + "\n  … and " + (entries.size() - SHOWN) + " more entries";
    }
}
