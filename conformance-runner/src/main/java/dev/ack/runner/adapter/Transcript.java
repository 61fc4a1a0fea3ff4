package dev.ack.runner.adapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Every protocol line of a scenario in order, with milliseconds since the scenario began: the
 * record a student reads to see what the runner asked and what their adapter answered. Lines are
 * kept as bounded, printable excerpts.
 */
public final class Transcript {
    private static final int MAX_ENTRIES = 5_000;
    private static final int MAX_LINE_CHARS = 2_000;

    public enum Direction { SENT, RECEIVED, NOTE }

    public record Entry(long atMillis, Direction direction, String line) {}

    private final List<Entry> entries = new ArrayList<>();
    private long startNanos = System.nanoTime();
    private long dropped;

    synchronized void add(Direction direction, String line) {
        if (entries.size() >= MAX_ENTRIES) {
            dropped++;
            return;
        }
        String kept = Printable.of(Excerpt.of(line, MAX_LINE_CHARS));
        entries.add(new Entry((System.nanoTime() - startNanos) / 1_000_000, direction, kept));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The transcript as text, one line per message: {@code +12ms -> {...}}. */
    public synchronized String render() {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            String arrow = switch (e.direction()) {
                case SENT -> "->";
                case RECEIVED -> "<-";
                case NOTE -> "##";
            };
            text.append(String.format("%+6dms %s %s%n", e.atMillis(), arrow, e.line()));
        }
        if (dropped > 0) text.append("…[").append(dropped).append(" more lines not kept]\n");
        return text.toString();
    }

    synchronized void restart() {
        entries.clear();
        dropped = 0;
        startNanos = System.nanoTime();
    }
}
