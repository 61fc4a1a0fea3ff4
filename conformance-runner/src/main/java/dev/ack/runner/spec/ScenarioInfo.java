package dev.ack.runner.spec;

import java.util.List;

/**
 * A scenario as written in a feature file: where it is, its name and its tags (with the {@code @}).
 * An outline gives one per example row, all with the outline's tags ({@code outlineRow} true).
 *
 * @param thenSteps its Then steps (and the And and But steps after them), with the clauses their comments name
 */
public record ScenarioInfo(String uri, long line, String name, List<String> tags, boolean outlineRow,
                           List<ThenStep> thenSteps) {

    /**
     * A Then step of the scenario: its line, and the clauses named by the comment directly above it
     * ({@link ClauseComment}), empty when it has none.
     */
    public record ThenStep(long line, List<String> clauses) {}

    /** The rule IDs this scenario checks, from tags such as {@code @EQ-03}. */
    public List<String> rules() {
        return Tags.rules(tags);
    }

    /** "features/event-queue/waker.feature:12 "A wake …"": where a problem with the scenario is. */
    String where() {
        return uri + ":" + line + " \"" + name + "\"";
    }
}
