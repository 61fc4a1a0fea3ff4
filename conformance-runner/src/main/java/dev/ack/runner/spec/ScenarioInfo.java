package dev.ack.runner.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A scenario as written in a feature file: where it is, its name and its tags (with the {@code @}).
 * An outline gives one per example row, all with the outline's tags ({@code outlineRow} true).
 */
public record ScenarioInfo(String uri, long line, String name, List<String> tags, boolean outlineRow) {
    private static final Pattern RULE_TAG = Pattern.compile("@[A-Z]{2}-\\d{2,3}");

    /** The rule IDs this scenario checks, from tags such as {@code @EQ-03}. */
    public List<String> rules() {
        return tags.stream().filter(t -> RULE_TAG.matcher(t).matches()).map(t -> t.substring(1)).toList();
    }
}
