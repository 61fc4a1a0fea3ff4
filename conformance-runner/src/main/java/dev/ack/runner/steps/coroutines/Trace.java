package dev.ack.runner.steps.coroutines;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Trace entries (protocol.md §7) as the short lines the features and failure messages use, such as
 * {@code leaf A polled: pending} or {@code main sleeps with 2 pending}.
 */
public final class Trace {
    /** How many entries a failure message shows. */
    private static final int SHOWN = 60;

    private Trace() {}

    public static String render(JsonNode entry) {
        String executor = entry.path("executor").asText();
        String task = entry.path("task").asText();
        String leaf = entry.path("leaf").asText();
        return switch (entry.path("event").asText()) {
            case "log" -> "log \"" + entry.path("text").asText() + "\"" + (entry.has("task") ? " (task " + task + ")" : "");
            case "leaf-started" -> "leaf " + leaf + " started";
            case "leaf-polled" -> "leaf " + leaf + " polled: " + (entry.path("ready").asBoolean() ? "ready" : "pending");
            case "spawned" -> executor + " spawned task " + task;
            case "task-polled" -> executor + " polled task " + task;
            case "task-finished" -> "task " + task + " finished on " + executor;
            case "wake" -> "task " + task + " woken";
            case "sleep" -> executor + " sleeps with " + entry.path("pending").asText() + " pending";
            case "all-finished" -> executor + ": all tasks finished";
            default -> entry.toString();
        };
    }

    public static List<String> render(List<JsonNode> entries) {
        return entries.stream().map(Trace::render).toList();
    }

    /** The texts of the log entries, in order. */
    public static List<String> logs(List<JsonNode> entries) {
        return entries.stream().filter(e -> is(e, "log")).map(e -> e.path("text").asText()).toList();
    }

    /**
     * Checks that the log entries of {@code batches} are the lines of {@code expected}, in that order,
     * except that the lines of one batch (what one poll, or one wake-up of an executor, did) may come
     * in any order among themselves. Each entry a batch of its own asks for the exact order.
     */
    public static void assertLogged(String who, List<List<JsonNode>> batches, String expected) {
        List<String> want = expected.lines().toList();
        List<List<String>> got = batches.stream().map(Trace::logs).filter(logs -> !logs.isEmpty()).toList();
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
    public static List<List<JsonNode>> oneByOne(List<JsonNode> entries) {
        return entries.stream().map(List::of).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    public static boolean is(JsonNode entry, String event) {
        return entry.path("event").asText().equals(event);
    }

    /** A trace for a failure message, one entry a line; a flood (a spinning executor) is cut short. */
    public static String describe(List<JsonNode> entries) {
        if (entries.isEmpty()) return "  (empty)";
        String shown = "  " + String.join("\n  ", render(entries.subList(0, Math.min(entries.size(), SHOWN))));
        return entries.size() <= SHOWN ? shown : shown + "\n  … and " + (entries.size() - SHOWN) + " more entries";
    }
}
