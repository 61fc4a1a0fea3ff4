package dev.ack.runner.report;

import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.Excerpt;
import dev.ack.runner.adapter.Printable;
import dev.ack.runner.adapter.Transcript;
import dev.ack.runner.spec.Clause;
import dev.ack.runner.spec.ScenarioIds;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.verdict.Inconclusive;
import dev.ack.runner.verdict.Levels;
import dev.ack.runner.verdict.MachineShare;
import dev.ack.runner.verdict.Verdict;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listens to the JUnit Platform while Cucumber runs: prints a line per scenario as it finishes (with
 * the failed step, the clause it checks and that clause's hint under a failure) and keeps every verdict
 * for the summary and the results file. A verdict comes from the outcome's type and the phase of the
 * step that failed ({@link Classification}); no message is parsed. Scenarios that run side by side
 * ({@code --jobs}) are printed and kept in the order they were discovered ({@link PlanOrder}), each
 * scenario's lines whole, as a serial run prints them.
 */
public final class ResultCollector implements TestExecutionListener {
    private static final int TRANSCRIPT_TAIL = 8;
    /** A failure message may quote what an adapter said; the console and the kit's reports get an excerpt. */
    private static final int MAX_MESSAGE_CHARS = 20_000;
    private static final Pattern EXAMPLE_ROW = Pattern.compile("^Example #(\\d+\\.\\d+)");

    private final PrintStream out;
    private final SpecIndex spec;
    private final SkipList skips;
    private final Feedback feedback;
    private final Levels levels;
    private final Supplier<Optional<Transcript>> transcript;
    private final Supplier<Duration> waited;
    /** The deliberate waits of every scenario so far, retried attempts included: the run's floor. */
    private Duration floor = Duration.ZERO;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    /** What {@link ScenarioResult#startedMillis()} counts from. */
    private final long origin = System.nanoTime();
    /** Where each inconclusive scenario is, by its ID: what a retry selects. */
    private final Map<String, TestSource> inconclusive = new LinkedHashMap<>();
    private final PlanOrder order = new PlanOrder();
    private TestPlan plan;
    private boolean retrying;

    /**
     * @param levels     told of every failure, so that higher chapters lock
     * @param transcript the current scenario's protocol transcript, if an adapter runs
     * @param waited     how long the current scenario waited on purpose (the delays it asked for), for the floor
     */
    public ResultCollector(PrintStream out, SpecIndex spec, SkipList skips, Feedback feedback, Levels levels,
                           Supplier<Optional<Transcript>> transcript, Supplier<Duration> waited) {
        this.out = out;
        this.spec = spec;
        this.skips = skips;
        this.feedback = feedback;
        this.levels = levels;
        this.transcript = transcript;
        this.waited = waited;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        order.plan(testPlan);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        order.flush();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) startedAt.put(id.getUniqueId(), System.nanoTime());
    }

    /**
     * A test the engine skips without starting it is one the selection (--tags, --chapter) left out: not
     * part of the run, so not reported. Scenarios the kit does not run start and end with {@link dev.ack.runner.verdict.NotRun}.
     */
    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (plan != null) order.skipped(plan, id);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        // the scenario's time on the machine, from taking it to giving it back (not its wait for a timing scenario to end);
        // one that never took it (skipped before its hooks), from its start to now
        long now = System.nanoTime();
        MachineShare.Hold hold = MachineShare.lastHold()
                .map(h -> h.givenNanos() == 0 ? new MachineShare.Hold(h.takenNanos(), now) : h)
                .orElseGet(() -> new MachineShare.Hold(startedAt.getOrDefault(id.getUniqueId(), now), now));
        long startedMillis = (hold.takenNanos() - origin) / 1_000_000;
        long millis = (hold.givenNanos() - origin) / 1_000_000 - startedMillis;
        Optional<FailedStep> step = id.getSource().flatMap(ResultCollector::ledgerKey)
                .flatMap(key -> StepLedger.take(key.uri(), key.line()));
        String message = result.getThrowable().map(ResultCollector::describe).orElse("");
        String cause = result.getThrowable().map(ResultCollector::revealingNoExpectation).orElse("");
        Duration scenarioWaited = waited.get();
        synchronized (this) { floor = floor.plus(scenarioWaited); }
        record(id, Classification.of(result, step), message, cause, step, startedMillis, millis);
    }

    private synchronized void record(TestIdentifier id, Verdict verdict, String message, String cause,
                                     Optional<FailedStep> step, long startedMillis, long millis) {
        List<String> tags = id.getTags().stream().map(TestTag::getName).toList();
        List<String> rules = Tags.rules(tags);
        String location = location(id.getSource());
        String scenarioId = scenarioId(tags, id.getDisplayName(), location);
        String row = scenarioId.contains("#") ? scenarioId.substring(scenarioId.indexOf('#')) : "";
        List<String> aliases = Tags.aliases(tags).stream().map(alias -> alias + row).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream block = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Optional<SkipList.Listing> listing = skips.listingOf(scenarioId, aliases, rules);
        listing.filter(l -> aliases.contains(l.listedAs()))
                .ifPresent(l -> block.println("  skip file: " + ScenarioIds.note(l.listedAs(), scenarioId)));
        if (listing.isPresent() && (verdict == Verdict.FAILED || verdict == Verdict.BLOCKED)) {
            verdict = Verdict.SKIPPED;
            message = "skipped (a known failure): " + listing.get().reason() + "\n" + message;
            cause = "skipped (a known failure): " + listing.get().reason();
        } else if (listing.isPresent() && verdict == Verdict.PASSED) {
            verdict = Verdict.FAILED;
            message = "stale skip: this scenario passes now; remove " + listing.get().listedAs()
                    + " from the skip file (it says: " + listing.get().reason() + ")";
            cause = message;
        }
        // a retry takes its first attempt's place, so that the results keep the order of a run without retries
        int firstAttemptAt = -1;
        for (int i = 0; retrying && i < results.size() && firstAttemptAt < 0; i++) {
            if (results.get(i).id().equals(scenarioId)) firstAttemptAt = i;
        }
        Optional<ScenarioResult> firstAttempt = firstAttemptAt < 0 ? Optional.empty() : Optional.of(results.get(firstAttemptAt));
        int place = firstAttemptAt;
        ScenarioResult result = new ScenarioResult(scenarioId, id.getDisplayName(), location, tags, rules,
                verdict, Excerpt.of(message, MAX_MESSAGE_CHARS), Excerpt.of(cause, MAX_MESSAGE_CHARS), step, startedMillis, millis, firstAttempt);
        // the protocol's own scenarios have no chapter: they lock none (the doctor speaks for a broken harness)
        if (result.verdict().fallsShort() && Tags.chapter(tags).isPresent()) levels.failed(result.chapter());
        // now, on the scenario's own thread: the transcript is this scenario's until the thread's next one begins
        print(result, block);
        order.finished(id.getUniqueId(), () -> {
            if (result.verdict() == Verdict.INCONCLUSIVE) id.getSource().ifPresent(source -> inconclusive.put(scenarioId, source));
            if (place < 0) results.add(result); else results.set(place, result);
            out.print(bytes.toString(StandardCharsets.UTF_8));
        });
    }

    private void print(ScenarioResult r, PrintStream out) {
        List<String> shown = r.verdict() == Verdict.FAILED ? r.blamedClauses() : r.rules();
        out.printf("  %s  %-14s %s  (%d ms)%n", r.verdict().label(), String.join(",", shown), r.name(), r.durationMillis());
        r.retryNote(feedback).ifPresent(note -> out.println(indent(Printable.of(note), "        ")));
        if (r.verdict() == Verdict.PASSED) return;
        out.println("        id " + r.id());
        switch (r.verdict()) {
            case FAILED -> {
                out.println("        at " + r.location());
                r.step().ifPresent(step -> out.println("        failed step: " + step.describe()));
                r.blamedClauses().forEach(clause -> printClause(clause, out));
                printMessage(r, out);
            }
            case BLOCKED -> {
                out.println("        at " + r.location());
                r.step().ifPresent(step -> out.println("        blocked at: " + step.describe()
                        + "; the scenario did not reach what it checks, so no rule is failed by it"));
                printMessage(r, out);
            }
            default -> {
                r.step().ifPresent(step -> out.println("        at step: " + step.describe()));
                String said = feedback.showsDetails() ? r.message() : r.cause();
                if (!said.isBlank()) out.println(indent(Printable.of(said), "        "));
            }
        }
    }

    /** A blamed clause: its rule's heading, and with hints on, the clause's own text and hint. */
    private void printClause(String clauseId, PrintStream out) {
        spec.rule(Clause.ruleOf(clauseId)).ifPresent(rule -> {
            out.println("        " + (clauseId.equals(rule.id()) ? "" : clauseId + " of ") + rule.id() + " " + rule.title() + " (" + rule.level() + ")");
            if (!feedback.showsHint()) return;
            Clause clause = spec.clause(clauseId).orElseGet(() -> Clause.whole(rule));
            out.println(indent(clause.text(), "          "));
            out.println(indent("If this fails, check: " + clause.hint(), "        "));
        });
    }

    /** Under full feedback everything the failure said and the transcript's tail; under hint only what reveals no expected value. */
    private void printMessage(ScenarioResult r, PrintStream out) {
        if (feedback.showsDetails()) {
            out.println(indent(Printable.of(r.message()), "        | "));
            printTranscriptTail(out);
        } else if (feedback.showsHint() && !r.cause().isBlank()) {
            out.println(indent(Printable.of(r.cause()), "        | "));
        }
    }

    /** The end of the failed scenario's protocol transcript: what was said just before it went wrong. */
    private void printTranscriptTail(PrintStream out) {
        transcript.get().ifPresent(scenario -> {
            List<String> lines = scenario.render().lines().toList();
            if (lines.isEmpty()) return;
            int from = Math.max(0, lines.size() - TRANSCRIPT_TAIL);
            out.println("        transcript" + (from > 0 ? " (last " + TRANSCRIPT_TAIL + " lines; all of it in the reports)" : "") + ":");
            lines.subList(from, lines.size()).forEach(l -> out.println("          " + (l.length() > 200 ? l.substring(0, 200) + "…" : l)));
        });
    }

    /** The {@code @id:} tag, plus the row for an outline's example; the location when there is no tag. */
    private static String scenarioId(List<String> tags, String displayName, String location) {
        Optional<String> tagged = Tags.ids(tags).stream().findFirst();
        if (tagged.isEmpty()) return location;
        Matcher row = EXAMPLE_ROW.matcher(displayName);
        return row.find() ? tagged.get() + "#" + row.group(1) : tagged.get();
    }

    /**
     * The part of a failure that can be shown at every feedback level: all of it when it compares with
     * no expected value ({@link Classification#revealsNoExpectation}), the machine's stall of an
     * inconclusive timing check, nothing of another assertion.
     */
    private static String revealingNoExpectation(Throwable thrown) {
        if (thrown instanceof Inconclusive inconclusive) return inconclusive.stall();
        return Classification.revealsNoExpectation(thrown) ? describe(thrown) : "";
    }

    private static String indent(String text, String prefix) {
        return prefix + String.join("\n" + prefix, text.strip().lines().toList());
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) return t.getClass().getName();
        if (t instanceof AssertionError || t.getClass().getName().startsWith("org.opentest4j")
                || t.getClass().getName().startsWith("dev.ack")) {
            return message;
        }
        return t.getClass().getSimpleName() + ": " + message;
    }

    /** Where the scenario is, as the step ledger knows it. */
    private record LedgerKey(URI uri, long line) {}

    private static Optional<LedgerKey> ledgerKey(TestSource source) {
        return switch (source) {
            case FileSource f -> f.getPosition().map(p -> new LedgerKey(f.getFile().toURI(), p.getLine()));
            case ClasspathResourceSource c -> c.getPosition().map(p -> new LedgerKey(
                    URI.create("classpath:" + c.getClasspathResourceName()), p.getLine()));
            default -> Optional.empty();
        };
    }

    private static String location(Optional<TestSource> source) {
        return source.map(s -> switch (s) {
            case FileSource f -> f.getFile().getPath() + f.getPosition().map(p -> ":" + p.getLine()).orElse("");
            case ClasspathResourceSource c -> "classpath:" + c.getClasspathResourceName()
                    + c.getPosition().map(FilePosition::getLine).map(l -> ":" + l).orElse("");
            case UriSource u -> u.getUri().toString();
            default -> s.toString();
        }).orElse("(unknown)");
    }

    public synchronized List<ScenarioResult> results() { return List.copyOf(results); }

    /**
     * The run's floor: every scenario's deliberate waits (the time covered by the delays it asked for),
     * added up over the scenarios, retried attempts included. A serial run cannot take less.
     */
    public synchronized Duration floor() { return floor; }

    /**
     * The inconclusive scenarios' sources, for a retry; from now on a scenario's new result replaces its
     * first one. Each scenario is retried once: the list is emptied.
     */
    public synchronized List<TestSource> retryInconclusive() {
        retrying = true;
        List<TestSource> sources = List.copyOf(inconclusive.values());
        inconclusive.clear();
        return sources;
    }
}
