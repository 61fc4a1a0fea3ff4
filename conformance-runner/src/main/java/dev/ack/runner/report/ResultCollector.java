package dev.ack.runner.report;

import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.Excerpt;
import dev.ack.runner.adapter.Printable;
import dev.ack.runner.adapter.Transcript;
import dev.ack.runner.spec.Rule;
import dev.ack.runner.spec.ScenarioIds;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.verdict.Levels;
import dev.ack.runner.verdict.NotRun;
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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listens to the JUnit Platform while Cucumber runs: prints a line per scenario as it finishes (with
 * the rule's text and hint under a failure) and keeps every verdict for the summary and the results
 * file. A verdict comes from the outcome's type: a {@link NotRun} carries its own, an interrupted
 * adapter is a skip; no message is parsed.
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
    private final List<ScenarioResult> results = new ArrayList<>();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

    /**
     * @param levels     told of every failure, so that higher chapters lock
     * @param transcript the current scenario's protocol transcript, if an adapter runs
     */
    public ResultCollector(PrintStream out, SpecIndex spec, SkipList skips, Feedback feedback, Levels levels,
                           Supplier<Optional<Transcript>> transcript) {
        this.out = out;
        this.spec = spec;
        this.skips = skips;
        this.feedback = feedback;
        this.levels = levels;
        this.transcript = transcript;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) startedAt.put(id.getUniqueId(), System.nanoTime());
    }

    /**
     * A test the engine skips without starting it is one the selection (--tags, --chapter) left out: not
     * part of the run, so not reported. Scenarios the kit does not run start and end with {@link NotRun}.
     */
    @Override
    public void executionSkipped(TestIdentifier id, String reason) {}

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        long started = startedAt.getOrDefault(id.getUniqueId(), System.nanoTime());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String message = result.getThrowable().map(ResultCollector::describe).orElse("");
        record(id, verdict(result), message, millis);
    }

    private static Verdict verdict(TestExecutionResult result) {
        Throwable thrown = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> Verdict.PASSED;
            // the scenario that was running when the user pressed Ctrl-C did not fail: it was stopped
            case FAILED -> thrown instanceof AdapterFault fault && fault.kind() == AdapterFault.Kind.INTERRUPTED
                    ? Verdict.SKIPPED : Verdict.FAILED;
            case ABORTED -> thrown instanceof NotRun notRun ? notRun.verdict() : Verdict.SKIPPED;
        };
    }

    private synchronized void record(TestIdentifier id, Verdict verdict, String message, long millis) {
        List<String> tags = id.getTags().stream().map(TestTag::getName).toList();
        List<String> rules = Tags.rules(tags);
        String location = location(id.getSource());
        String scenarioId = scenarioId(tags, id.getDisplayName(), location);
        String row = scenarioId.contains("#") ? scenarioId.substring(scenarioId.indexOf('#')) : "";
        List<String> aliases = Tags.aliases(tags).stream().map(alias -> alias + row).toList();
        Optional<SkipList.Listing> listing = skips.listingOf(scenarioId, aliases, rules);
        listing.filter(l -> aliases.contains(l.listedAs()))
                .ifPresent(l -> out.println("  skip file: " + ScenarioIds.note(l.listedAs(), scenarioId)));
        if (listing.isPresent() && verdict == Verdict.FAILED) {
            verdict = Verdict.SKIPPED;
            message = "skipped (a known failure): " + listing.get().reason() + "\n" + message;
        } else if (listing.isPresent() && verdict == Verdict.PASSED) {
            verdict = Verdict.FAILED;
            message = "stale skip: this scenario passes now; remove " + listing.get().listedAs()
                    + " from the skip file (it says: " + listing.get().reason() + ")";
        }
        ScenarioResult result = new ScenarioResult(scenarioId, id.getDisplayName(), location, tags, rules,
                verdict, Excerpt.of(message, MAX_MESSAGE_CHARS), millis);
        results.add(result);
        if (result.verdict() == Verdict.FAILED) levels.failed(result.chapter());
        print(result);
    }

    private void print(ScenarioResult r) {
        out.printf("  %s  %-14s %s  (%d ms)%n", r.verdict().label(), String.join(",", r.rules()), r.name(), r.durationMillis());
        if (r.verdict() != Verdict.PASSED) out.println("        id " + r.id());
        if (r.verdict() == Verdict.FAILED) {
            out.println("        at " + r.location());
            for (String ruleId : r.rules()) {
                Optional<Rule> rule = spec.rule(ruleId);
                rule.ifPresent(rl -> {
                    out.println("        " + rl.id() + " " + rl.title() + " (" + rl.level() + ")");
                    if (!feedback.showsHint()) return;
                    out.println(indent(rl.text(), "          "));
                    out.println(indent("If this fails, check: " + rl.hint(), "        "));
                });
            }
            if (feedback.showsDetails()) {
                out.println(indent(Printable.of(r.message()), "        | "));
                printTranscriptTail();
            }
        } else if (r.verdict() != Verdict.PASSED) {
            if (!r.message().isBlank()) out.println("        " + Printable.of(r.message()));
        }
    }

    /** The end of the failed scenario's protocol transcript: what was said just before it went wrong. */
    private void printTranscriptTail() {
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
}
