package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineTraceEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run's trace must show whatever the timing, as lines: the same lines on every correct
 * implementation, another line where a rule is broken. The executor's own entries come from its one
 * thread, in the order it made them, so they can be followed entry by entry; a wake may come from any
 * thread, so wakes are only counted.
 */
final class WakerTraceChecks {
    private WakerTraceChecks() {}

    /**
     * WK-10 (a task that returned Ready is dropped: never polled again, finished once) and WK-11 (each
     * sleep counts the unfinished tasks, as the executor's own spawned and finished entries show them);
     * with {@code wakesCounted}, WK-02 with WK-06.1: a task is polled once when spawned and at most once
     * per wake after that (fewer is allowed: several wakes before a poll MAY merge, protocol.md §7).
     */
    static List<String> of(List<CoroutineTraceEntry> trace, boolean wakesCounted) {
        List<String> broken = new ArrayList<>();
        Set<Long> unfinished = new HashSet<>();
        Set<Long> finished = new HashSet<>();
        Map<Long, Integer> polls = new TreeMap<>();
        Map<Long, Integer> wakes = new HashMap<>();
        for (CoroutineTraceEntry entry : trace) {
            switch (entry) {
                case CoroutineTraceEntry.Spawned spawned -> unfinished.add(spawned.task());
                case CoroutineTraceEntry.TaskPolled polled -> {
                    if (finished.contains(polled.task())) broken.add("WK-10: task " + polled.task() + " was polled after it finished");
                    polls.merge(polled.task(), 1, Integer::sum);
                }
                case CoroutineTraceEntry.TaskFinished done -> {
                    if (!finished.add(done.task())) broken.add("WK-10: task " + done.task() + " finished twice");
                    unfinished.remove(done.task());
                }
                case CoroutineTraceEntry.Sleep sleep when sleep.pending() != unfinished.size() ->
                        broken.add("WK-11: a sleep counted " + sleep.pending() + " pending tasks while " + unfinished.size() + " were unfinished");
                case CoroutineTraceEntry.Wake wake -> wakes.merge(wake.task(), 1, Integer::sum);
                default -> { }
            }
        }
        if (wakesCounted) {
            polls.forEach((task, count) -> {
                int woken = wakes.getOrDefault(task, 0);
                if (count > 1 + woken) broken.add("WK-02: task " + task + " was polled " + count + " times, woken " + woken + " times");
            });
        }
        return broken.isEmpty() ? List.of("WK-02, WK-10, WK-11: polls, finishes and sleeps as the rules ask") : broken;
    }
}
