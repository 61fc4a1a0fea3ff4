package dev.ack.runner.spec;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStepType;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every scenario of a folder of feature files, parsed with Cucumber's own Gherkin parser (so the
 * index sees exactly what the engine will run). A file that does not parse is reported with its
 * parser message, not skipped.
 */
public final class FeatureIndex {
    private final List<ScenarioInfo> scenarios;
    private final List<String> parseErrors;

    private FeatureIndex(List<ScenarioInfo> scenarios, List<String> parseErrors) {
        this.scenarios = scenarios;
        this.parseErrors = parseErrors;
    }

    public static FeatureIndex fromDirectory(Path featuresDirectory) {
        List<ScenarioInfo> scenarios = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        GherkinParser parser = GherkinParser.builder().includeSource(false).build();
        try (Stream<Path> files = Files.walk(featuresDirectory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                String uri = featuresDirectory.getParent() == null ? file.toString()
                        : featuresDirectory.getParent().relativize(file).toString();
                List<Envelope> envelopes = parser.parse(file).toList();
                Map<String, Long> lines = new HashMap<>();
                Map<Long, String> comments = new HashMap<>();
                envelopes.stream().flatMap(e -> e.getGherkinDocument().stream()).forEach(doc -> {
                    collectLines(doc, lines);
                    doc.getComments().forEach(c -> comments.put(c.getLocation().getLine(), c.getText()));
                });
                for (Envelope e : envelopes) {
                    e.getParseError().ifPresent(p -> errors.add(uri + ": " + p.getMessage()));
                    e.getPickle().ifPresent(p -> scenarios.add(toInfo(uri, p, lines, comments)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FeatureIndex(List.copyOf(scenarios), List.copyOf(errors));
    }

    /** The line of every scenario and of every step (backgrounds' too), by its AST node id. */
    private static void collectLines(GherkinDocument doc, Map<String, Long> lines) {
        doc.getFeature().ifPresent(f -> f.getChildren().forEach(child -> {
            child.getScenario().ifPresent(s -> put(s, lines));
            child.getBackground().ifPresent(b -> putSteps(b.getSteps(), lines));
            child.getRule().ifPresent(r -> r.getChildren().forEach(rc -> {
                rc.getScenario().ifPresent(s -> put(s, lines));
                rc.getBackground().ifPresent(b -> putSteps(b.getSteps(), lines));
            }));
        }));
    }

    private static void put(Scenario s, Map<String, Long> lines) {
        lines.put(s.getId(), s.getLocation().getLine());
        putSteps(s.getSteps(), lines);
    }

    private static void putSteps(List<Step> steps, Map<String, Long> lines) {
        steps.forEach(step -> lines.put(step.getId(), step.getLocation().getLine()));
    }

    private static ScenarioInfo toInfo(String uri, Pickle pickle, Map<String, Long> lines, Map<Long, String> comments) {
        long line = pickle.getAstNodeIds().stream().map(lines::get).filter(l -> l != null).findFirst().orElse(0L);
        // a pickle of an outline's row points at the outline and at the row
        boolean row = pickle.getAstNodeIds().size() > 1;
        List<ScenarioInfo.ThenStep> thenSteps = pickle.getSteps().stream()
                .filter(step -> step.getType().filter(t -> t == PickleStepType.OUTCOME).isPresent())
                .map(step -> lines.getOrDefault(step.getAstNodeIds().getFirst(), 0L))
                .map(stepLine -> new ScenarioInfo.ThenStep(stepLine,
                        ClauseComment.clausesIn(comments.getOrDefault(stepLine - 1, ""))))
                .toList();
        return new ScenarioInfo(uri, line, pickle.getName(), pickle.getTags().stream().map(PickleTag::getName).toList(),
                row, thenSteps);
    }

    public List<ScenarioInfo> scenarios() { return scenarios; }

    public List<String> parseErrors() { return parseErrors; }

    /** Whether a file (by its uri, as in {@link ScenarioInfo#uri()}) failed to parse. */
    public boolean broken(String uri) {
        return parseErrors.stream().anyMatch(e -> e.startsWith(uri + ": "));
    }
}
