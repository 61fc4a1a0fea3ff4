package dev.ack.runner.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the adapter's stderr: the most recent lines (for crash reports, where the last line is the
 * decisive one) and everything not yet taken for a scenario's attachment. Both are
 * bounded so a flooding adapter cannot exhaust the runner's memory; what is dropped is counted and said.
 */
final class StderrCapture {
    private static final int TAIL_LINES = 40;
    private static final int SCENARIO_MAX_LINES = 2_000;
    private static final int MAX_LINE_CHARS = 4_000;

    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> scenario = new ArrayList<>();
    private long droppedInScenario;

    void drain(InputStream stderr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) add(line);
        } catch (IOException ignored) {
            // the process is gone; what was read is kept
        }
    }

    private synchronized void add(String line) {
        String kept = line.length() > MAX_LINE_CHARS
                ? line.substring(0, MAX_LINE_CHARS) + " …[" + (line.length() - MAX_LINE_CHARS) + " more chars]"
                : line;
        tail.addLast(kept);
        if (tail.size() > TAIL_LINES) tail.removeFirst();
        if (scenario.size() < SCENARIO_MAX_LINES) scenario.add(kept); else droppedInScenario++;
    }

    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Everything since the last call, then starts over. */
    synchronized String takeScenarioText() {
        StringBuilder text = new StringBuilder();
        scenario.forEach(l -> text.append(l).append('\n'));
        if (droppedInScenario > 0) text.append("…[").append(droppedInScenario).append(" more lines not kept]\n");
        scenario.clear();
        droppedInScenario = 0;
        return text.toString();
    }
}
