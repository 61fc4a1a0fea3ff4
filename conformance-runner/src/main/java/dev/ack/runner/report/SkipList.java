package dev.ack.runner.report;

import dev.ack.runner.verdict.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known failures a user chose to accept for now, one per line: a rule ID ({@code EQ-10}) or a
 * scenario ID ({@code eq.edge-once-per-arrival}) and, after white space, the reason. Listed scenarios
 * still run: a failure is reported as skipped with the reason, and a pass as a stale skip, which is an
 * error, so the file cannot quietly go out of date. Blank lines and {@code #} comments are ignored.
 */
public final class SkipList {
    private final Map<String, String> reasons;

    private SkipList(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    public static SkipList empty() { return new SkipList(Map.of()); }

    public static SkipList read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": give a reason after the ID: " + line);
            }
            reasons.put(parts[0], parts[1].strip());
        }
        return new SkipList(reasons);
    }

    /** The reason a scenario is listed, by its own ID or by a rule it checks. */
    public Optional<String> reasonFor(String scenarioId, List<String> rules) {
        if (reasons.containsKey(scenarioId)) return Optional.of(reasons.get(scenarioId));
        return rules.stream().filter(reasons::containsKey).map(reasons::get).findFirst();
    }

    /** Writes today's failures as a skip file: the baseline a class or a CI job starts from. */
    public static void writeBaseline(Path file, List<ScenarioResult> results, String when) throws IOException {
        StringBuilder text = new StringBuilder("# Baseline of failing scenarios, written by `kit --write-baseline` on " + when + ".\n"
                + "# Pass it back with --skip-file; a listed scenario that passes is reported as a stale skip.\n");
        for (ScenarioResult r : results) {
            if (r.verdict() != Verdict.FAILED) continue;
            String firstLine = r.message().lines().findFirst().orElse("failed");
            text.append(r.id()).append("  baseline: ").append(firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine).append('\n');
        }
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
    }
}
