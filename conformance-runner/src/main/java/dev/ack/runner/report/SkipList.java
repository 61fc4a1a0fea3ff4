package dev.ack.runner.report;

import dev.ack.runner.verdict.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known failures a user chose to accept for now, one per line: a rule ID ({@code EQ-10}) or a
 * scenario ID ({@code eq.edge-once-per-arrival}) and, after white space, the reason. A scenario's
 * former ID (its {@code @alias:}) still finds it. Listed scenarios still run: a failure is reported as
 * skipped with the reason, and a pass as a stale skip, which is an error, so the file cannot quietly go
 * out of date. Blank lines and {@code #} comments are ignored.
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

    /** An entry of the file that lists a scenario: the ID or rule it is listed under, and why. */
    public record Listing(String listedAs, String reason) {}

    /** How a scenario is listed: by its own ID, by an ID it had before (an alias), or by a rule it checks. */
    public Optional<Listing> listingOf(String scenarioId, List<String> aliases, List<String> rules) {
        List<String> names = new ArrayList<>(List.of(scenarioId));
        names.addAll(aliases);
        names.addAll(rules);
        return names.stream().filter(reasons::containsKey).map(name -> new Listing(name, reasons.get(name))).findFirst();
    }

    /** Writes today's failures as a skip file: the baseline a class or a CI job starts from. */
    public static void writeBaseline(Path file, List<ScenarioResult> results, String when) throws IOException {
        StringBuilder text = new StringBuilder("# Baseline of failing scenarios, written by `kit --write-baseline` on " + when + ".\n"
                + "# Pass it back with --skip-file; a listed scenario that passes is reported as a stale skip.\n");
        for (ScenarioResult r : results) {
            if (r.verdict() != Verdict.FAILED && r.verdict() != Verdict.BLOCKED) continue;
            // the step, not the message: a baseline must not carry an expected value the feedback level hides
            String firstLine = r.verdict().wireName() + " at " + r.step().map(FailedStep::describe).orElse("(no step)");
            text.append(r.id()).append("  baseline: ").append(firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine).append('\n');
        }
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
    }
}
