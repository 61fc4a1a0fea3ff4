package dev.ack.runner.report;

import dev.ack.runner.spec.ClauseComment;
import io.cucumber.messages.types.Comment;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleStepType;
import io.cucumber.messages.types.TestCase;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.HookType;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that notes, for every scenario, the first step that failed: its phase (the pickle
 * step's type, from Cucumber's messages), its words, and the clause comment above it. The JUnit
 * listener that gives verdicts ({@link ResultCollector}) reads it by the scenario's location: Cucumber
 * makes the plugin itself from its class name, so the two meet here, in one static ledger per run.
 */
public final class StepLedger implements ConcurrentEventListener {
    private static final Map<String, FailedStep> FIRST_FAILURE = new ConcurrentHashMap<>();

    private final Map<String, PickleStepType> typeOfPickleStep = new ConcurrentHashMap<>();
    private final Map<String, String> pickleStepOfTestStep = new ConcurrentHashMap<>();
    /** Per feature uri, its comments by line. */
    private final Map<String, Map<Long, String>> comments = new ConcurrentHashMap<>();

    /** Made by Cucumber, from the plugin list. */
    public StepLedger() {}

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(Envelope.class, this::envelope);
        publisher.registerHandlerFor(TestCaseStarted.class, e -> FIRST_FAILURE.remove(key(e.getTestCase().getUri(), e.getTestCase().getLine())));
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
    }

    /** The first failed step of the scenario at {@code uri} and {@code line}, if one failed; forgets it. */
    public static Optional<FailedStep> take(URI uri, long line) {
        return Optional.ofNullable(FIRST_FAILURE.remove(key(uri, line)));
    }

    private void envelope(Envelope envelope) {
        envelope.getGherkinDocument().ifPresent(this::document);
        envelope.getPickle().ifPresent(this::pickle);
        envelope.getTestCase().ifPresent(this::testCase);
    }

    private void document(GherkinDocument doc) {
        Map<Long, String> byLine = new ConcurrentHashMap<>();
        for (Comment c : doc.getComments()) byLine.put(c.getLocation().getLine(), c.getText());
        doc.getUri().ifPresent(uri -> comments.put(normalise(URI.create(uri)), byLine));
    }

    private void pickle(Pickle pickle) {
        for (PickleStep step : pickle.getSteps()) step.getType().ifPresent(t -> typeOfPickleStep.put(step.getId(), t));
    }

    private void testCase(TestCase testCase) {
        testCase.getTestSteps().forEach(s -> s.getPickleStepId().ifPresent(p -> pickleStepOfTestStep.put(s.getId(), p)));
    }

    private void stepFinished(TestStepFinished event) {
        if (event.getResult().getStatus() != Status.FAILED) return;
        String key = key(event.getTestCase().getUri(), event.getTestCase().getLine());
        FailedStep step = switch (event.getTestStep()) {
            case PickleStepTestStep p -> new FailedStep(phase(p), p.getStep().getKeyword(), p.getStep().getText(),
                    p.getStep().getLine(), clausesAbove(p.getUri(), p.getStep().getLine()));
            case HookTestStep h -> FailedStep.hook(h.getHookType() == HookType.AFTER || h.getHookType() == HookType.AFTER_STEP
                    ? FailedStep.Phase.TEARDOWN : FailedStep.Phase.SETUP);
            default -> null;
        };
        if (step != null) FIRST_FAILURE.putIfAbsent(key, step);
    }

    private FailedStep.Phase phase(PickleStepTestStep step) {
        String pickleStep = pickleStepOfTestStep.get(step.getId().toString());
        PickleStepType type = pickleStep == null ? null : typeOfPickleStep.get(pickleStep);
        if (type == null) return FailedStep.Phase.OUTCOME;
        return switch (type) {
            case CONTEXT -> FailedStep.Phase.CONTEXT;
            case ACTION -> FailedStep.Phase.ACTION;
            // "*" steps have no type: counted as outcomes, so that a failure is never hidden as blocked
            case OUTCOME, UNKNOWN -> FailedStep.Phase.OUTCOME;
        };
    }

    /** The clauses named by the comment on the line directly above a step. */
    private List<String> clausesAbove(URI uri, long line) {
        String comment = comments.getOrDefault(normalise(uri), Map.of()).get(line - 1);
        return comment == null ? List.of() : ClauseComment.clausesIn(comment);
    }

    private static String key(URI uri, long line) {
        return normalise(uri) + ":" + line;
    }

    /** A feature's uri as Cucumber and the JUnit Platform both name it: classpath resources without a leading slash, files absolute. */
    static String normalise(URI uri) {
        if ("classpath".equals(uri.getScheme())) {
            String path = uri.getSchemeSpecificPart();
            return "classpath:" + (path.startsWith("/") ? path.substring(1) : path);
        }
        if ("file".equals(uri.getScheme())) return Path.of(uri).toAbsolutePath().normalize().toUri().toString();
        return uri.toString();
    }
}
