package dev.ack.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ack.protocol.Area;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Protocol;
import dev.ack.runner.adapter.Excerpt;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.doctor.Check;
import dev.ack.runner.doctor.Diagnosis;
import dev.ack.runner.spec.Rule;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.verdict.Verdict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The end of a run: per-area counts and the closing line on the console, and {@code ack-results.json}
 * with the run's facts, every scenario's verdict and every rule's verdict (the rule matrix).
 */
public final class RunReport {
    /** The file the kit writes beside Cucumber's and Allure's reports. */
    public static final String RESULTS_FILE = "ack-results.json";
    private static final int MAX_ADAPTER_STRING = 2_000;

    private final List<ScenarioResult> results;
    private final SpecIndex spec;
    private final Optional<Diagnosis> diagnosis;
    private final List<String> featureProblems;

    public RunReport(List<ScenarioResult> results, SpecIndex spec, Optional<Diagnosis> diagnosis,
                     List<String> featureProblems) {
        this.results = results;
        this.spec = spec;
        this.diagnosis = diagnosis;
        this.featureProblems = featureProblems;
    }

    /** Problems reading the feature files (syntax errors and the like), or none. */
    public List<String> featureProblems() { return featureProblems; }

    /** False when the doctor found harness problems: reported apart from conformance failures. */
    public boolean harnessHealthy() { return diagnosis.map(Diagnosis::healthy).orElse(true); }

    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** True when a scenario fell short of a rule: it failed, or a step before its subject did (blocked). */
    public boolean implementationFellShort() { return count(Verdict.FAILED) + count(Verdict.BLOCKED) > 0; }

    /**
     * True when no scenario of an area was checked against the adapter: none ran, or none was claimed, or
     * all were skipped. The protocol's own scenarios check the adapter, not the implementation: they
     * alone are nothing checked.
     */
    public boolean nothingChecked() {
        return results.stream().filter(r -> Tags.area(r.tags()).isPresent()).noneMatch(r -> r.verdict().checked());
    }

    /** Prints the per-area summary; {@code interrupted}: the run was stopped, so scenarios missing is no surprise. */
    public void printSummary(PrintStream out, boolean interrupted) {
        if (!featureProblems.isEmpty()) {
            out.println();
            out.println("Problems in the feature files (their scenarios did not run):");
            featureProblems.forEach(p -> out.println("  " + p.replace("\n", "\n  ")));
        }
        if (results.isEmpty() && !interrupted) out.println("\nNo scenario ran: check --tags and --features.");
        // areas in teaching order (their chapters), unknown ones last
        Map<String, Map<Verdict, Long>> byArea = new TreeMap<>(Comparator.comparingInt((String a) ->
                Area.byWireName(a).map(Enum::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(a -> a));
        for (ScenarioResult r : results) {
            byArea.computeIfAbsent(r.area(), a -> new EnumMap<>(Verdict.class)).merge(r.verdict(), 1L, Long::sum);
        }
        out.println();
        byArea.forEach((area, counts) -> out.printf("  %-12s %d passed, %d failed, %d skipped, %d not claimed%s%n", area,
                counts.getOrDefault(Verdict.PASSED, 0L), counts.getOrDefault(Verdict.FAILED, 0L),
                counts.getOrDefault(Verdict.SKIPPED, 0L), counts.getOrDefault(Verdict.NOT_CLAIMED, 0L),
                counts.containsKey(Verdict.LOCKED) ? ", " + counts.get(Verdict.LOCKED) + " locked" : ""));
        Map<String, String> verdicts = ruleVerdicts();
        Set<String> ran = results.stream().filter(r -> r.verdict() == Verdict.PASSED || r.verdict() == Verdict.FAILED)
                .map(ScenarioResult::area).collect(Collectors.toSet());
        printProtocol(out, verdicts);
        BookSummary.of(spec, verdicts).stream().filter(s -> ran.contains(s.area().wireName()))
                .forEach(s -> out.printf("  %s%n    %s%n", s.bookLine(), s.beyondLine()));
        List<String> failedRules = verdicts.entrySet().stream().filter(e -> e.getValue().equals("failed")).map(Map.Entry::getKey).toList();
        if (!failedRules.isEmpty()) out.println("  failed rules: " + String.join(", ", failedRules));
        if (!harnessHealthy()) out.println("  harness problems: the adapter failed the adapter check (see above); these are not rule failures");
        if (count(Verdict.ERROR) > 0) out.println("  harness faults: " + count(Verdict.ERROR) + " scenarios ended in an adapter crash, timeout or protocol error; these are not rule failures");
        if (count(Verdict.BLOCKED) > 0) out.println("  blocked: " + count(Verdict.BLOCKED) + " scenarios failed before what they check (a Given or When step, or the reset); fix those first");
        if (count(Verdict.INCONCLUSIVE) > 0) out.println("  inconclusive: " + count(Verdict.INCONCLUSIVE) + " timing scenarios, twice measured on a stalled machine; run them again on a quieter one");
        // the closing line CI systems read: "N passed, N failed, N skipped" (not claimed and locked count as skipped)
        String others = List.of(Verdict.BLOCKED, Verdict.ERROR, Verdict.INCONCLUSIVE).stream().filter(v -> count(v) > 0)
                .map(v -> ", " + count(v) + " " + v.wireName()).reduce("", String::concat);
        out.printf("%d passed, %d failed, %d skipped%s%n", count(Verdict.PASSED), count(Verdict.FAILED),
                count(Verdict.SKIPPED) + count(Verdict.NOT_CLAIMED) + count(Verdict.LOCKED), others);
    }

    /** The protocol's own rules in one line: how many the doctor and the protocol scenarios passed, and which failed. */
    private void printProtocol(PrintStream out, Map<String, String> verdicts) {
        List<Rule> protocol = spec.protocolRules();
        if (protocol.isEmpty() || (diagnosis.isEmpty() && results.stream().noneMatch(r -> r.area().equals("protocol")))) return;
        long checked = protocol.stream().filter(r -> !r.untested()).count();
        long passed = protocol.stream().filter(r -> "passed".equals(verdicts.get(r.id()))).count();
        List<String> failed = idsWith(protocol, verdicts, "failed");
        List<String> unclaimed = idsWith(protocol, verdicts, "not claimed");
        out.printf("  protocol: %d of %d checked rules passed%s%s (kit explain PR-nn)%n", passed, checked,
                failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed),
                unclaimed.isEmpty() ? "" : "; not claimed: " + String.join(", ", unclaimed));
    }

    private static List<String> idsWith(List<Rule> rules, Map<String, String> verdicts, String verdict) {
        return rules.stream().map(Rule::id).filter(id -> verdict.equals(verdicts.get(id))).toList();
    }

    /**
     * Each rule's verdict: failed if a scenario's failure blames it (the clause its failed Then step
     * names, or every rule of the scenario when the step names none); then error, blocked (a scenario of
     * it was blocked, or failed on another rule's clause) and inconclusive; passed if all that ran
     * passed; not claimed if none ran because of claims; untested when the spec says so; no scenario ran
     * otherwise.
     */
    public Map<String, String> ruleVerdicts() {
        Map<String, String> verdicts = new TreeMap<>();
        for (Rule rule : spec.rules()) {
            List<ScenarioResult> checks = results.stream().filter(r -> r.rules().contains(rule.id())).toList();
            List<Check> doctor = diagnosis.map(d -> d.checks().stream().filter(c -> c.rule().equals(rule.id())).toList()).orElse(List.of());
            String verdict;
            if (rule.untested()) verdict = "untested";
            else if (checks.stream().anyMatch(r -> r.blamedRules().contains(rule.id())) || doctor.stream().anyMatch(c -> !c.ok())) verdict = "failed";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) verdict = "error";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.BLOCKED || r.verdict() == Verdict.FAILED)) verdict = "blocked";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.INCONCLUSIVE)) verdict = "inconclusive";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.PASSED) || !doctor.isEmpty()) verdict = "passed";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.NOT_CLAIMED)) verdict = "not claimed";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.LOCKED)) verdict = "locked";
            else if (checks.stream().anyMatch(r -> r.verdict() == Verdict.SKIPPED)) verdict = "skipped";
            else verdict = "not run";
            verdicts.put(rule.id(), verdict);
        }
        return verdicts;
    }

    /**
     * @param state how far the run got: {@code "running"} (written before the scenarios, so a run that
     *              dies leaves a valid file), {@code "finished"} or {@code "interrupted"}
     */
    public void writeResults(Path file, String adapterCommand, Optional<Handshake> handshake, Instant startedAt,
                             Instant finishedAt, Feedback feedback, String state) throws IOException {
        ObjectNode root = Codec.JSON.createObjectNode();
        root.put("state", state);
        root.put("suite", SuiteVersion.VALUE);
        root.put("protocol", Protocol.VERSION);
        root.put("started", startedAt.toString());
        root.put("finished", finishedAt.toString());
        root.put("feedback", feedback.name().toLowerCase());
        ObjectNode adapter = root.putObject("adapter");
        adapter.put("command", adapterCommand);
        handshake.ifPresentOrElse(h -> adapter.set("handshake", excerpts(h.raw())), () -> adapter.putNull("handshake"));
        root.set("featureProblems", Codec.JSON.valueToTree(featureProblems));
        ArrayNode harness = root.putArray("harness");
        diagnosis.ifPresent(d -> d.checks().forEach(c -> harness.addObject().put("check", c.name()).put("rule", c.rule()).put("ok", c.ok())
                .put("detail", c.detail()).put("hint", c.hint())));
        ObjectNode totals = root.putObject("totals");
        for (Verdict v : Verdict.values()) totals.put(v.wireName(), count(v));
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult r : results) {
            ObjectNode s = scenarios.addObject();
            s.put("id", r.id());
            s.put("name", r.name());
            s.put("location", r.location());
            s.put("area", r.area());
            s.set("rules", Codec.JSON.valueToTree(r.rules()));
            s.set("tags", Codec.JSON.valueToTree(r.tags()));
            s.put("verdict", r.verdict().wireName());
            s.set("blamed", Codec.JSON.valueToTree(r.blamedClauses()));
            r.step().ifPresent(step -> s.put("step", step.describe()));
            s.put("message", feedback.showsDetails() ? r.message() : feedback.showsHint() ? r.cause() : "");
            r.retryNote(feedback).ifPresent(note -> s.put("retry", note));
            s.put("startedMillis", r.startedMillis());
            s.put("durationMillis", r.durationMillis());
        }
        ArrayNode chapters = root.putArray("chapters");
        for (BookSummary s : BookSummary.of(spec, ruleVerdicts())) {
            ObjectNode chapter = chapters.addObject().put("chapter", s.area().chapter()).put("area", s.area().wireName());
            chapter.putObject("book").put("rules", s.bookRules()).put("passed", s.bookPassed());
            chapter.putObject("beyondTheBook").put("rules", s.beyondRules()).put("claimed", s.beyondClaimed())
                    .put("passed", s.beyondPassed());
        }
        Map<String, String> verdicts = ruleVerdicts();
        ArrayNode protocol = root.putArray("protocolRules");
        for (Rule rule : spec.protocolRules()) {
            ObjectNode node = protocol.addObject();
            node.put("id", rule.id());
            rule.formerly().ifPresent(former -> node.put("formerly", former));
            node.put("title", rule.title());
            node.put("level", rule.level());
            node.put("verdict", verdicts.get(rule.id()));
            node.set("doctorChecks", Codec.JSON.valueToTree(rule.doctorChecks()));
            rule.untestedReason().ifPresent(reason -> node.put("untested", reason));
        }
        ArrayNode rules = root.putArray("rules");
        for (Rule rule : spec.rules()) {
            if (rule.protocol()) continue;
            ObjectNode node = rules.addObject();
            node.put("id", rule.id());
            node.put("title", rule.title());
            node.put("level", rule.level());
            node.put("chapter", rule.chapter());
            node.put("verdict", verdicts.get(rule.id()));
            node.put("book", !rule.beyondTheBook());
            if (rule.beyondTheBook()) node.set("capabilities", Codec.JSON.valueToTree(rule.capabilities()));
            rule.untestedReason().ifPresent(reason -> node.put("untested", reason));
        }
        AtomicFile.write(file, Codec.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    }

    /** The adapter's own JSON with every long string cut to an excerpt: a 25 MB name stays out of the file. */
    private static JsonNode excerpts(JsonNode node) {
        if (node.isTextual()) return TextNode.valueOf(Excerpt.of(node.asText(), MAX_ADAPTER_STRING));
        if (!node.isContainerNode()) return node;
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) object.properties().forEach(e -> e.setValue(excerpts(e.getValue())));
        if (copy instanceof ArrayNode array) for (int i = 0; i < array.size(); i++) array.set(i, excerpts(array.get(i)));
        return copy;
    }
}
