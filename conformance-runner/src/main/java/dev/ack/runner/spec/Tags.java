package dev.ack.runner.spec;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's tag vocabulary, read in one place: rule IDs ({@code @EQ-03}), the chapter
 * ({@code @ch4}), the area ({@code @area:event-queue}), a needed capability
 * ({@code @requires:oneshot}), a capability the scenario needs the adapter NOT to claim
 * ({@code @unclaimed:oneshot}), the stable scenario ID ({@code @id:eq.token-round-trip}) and the IDs it
 * had before, still accepted ({@code @alias:eq.token-round}), and {@code @timing} on a scenario whose
 * checks a loaded machine can upset (an upper bound on time, an order a stall can swap), which runs
 * with nothing beside it. Tags come with their {@code @} from
 * Gherkin and without it from the JUnit Platform; both are accepted.
 */
public final class Tags {
    private static final Pattern RULE = Pattern.compile("[A-Z]{2}-\\d{2,3}");
    private static final Pattern CHAPTER = Pattern.compile("ch(\\d+)");
    private static final Pattern ID = Pattern.compile("[a-z]{2}\\.[a-z0-9][a-z0-9.-]*");
    private static final String AREA = "area:";
    private static final String REQUIRES = "requires:";
    private static final String UNCLAIMED = "unclaimed:";
    private static final String ID_PREFIX = "id:";
    private static final String ALIAS_PREFIX = "alias:";
    /** The tag of a timing scenario, as Cucumber's tag expressions spell it. */
    public static final String TIMING = "@timing";

    private Tags() {}

    /** Whether {@code text} is a rule ID such as {@code EQ-03}. */
    public static boolean isRuleId(String text) {
        return RULE.matcher(text).matches();
    }

    /** Whether {@code id} has the form of a stable scenario ID. */
    public static boolean isScenarioId(String id) {
        return ID.matcher(id).matches();
    }

    public static List<String> rules(Collection<String> tags) {
        return tags.stream().map(Tags::bare).filter(Tags::isRuleId).toList();
    }

    public static Optional<Integer> chapter(Collection<String> tags) {
        return tags.stream().map(t -> CHAPTER.matcher(bare(t))).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).findFirst();
    }

    public static Optional<String> area(Collection<String> tags) {
        return valuesOf(tags, AREA).stream().findFirst();
    }

    /** The capabilities the scenario needs the adapter to claim. */
    public static List<String> requirements(Collection<String> tags) {
        return valuesOf(tags, REQUIRES);
    }

    /**
     * The capabilities the scenario needs the adapter not to claim: it checks what an adapter without
     * them answers (PR-10's Unsupported), so an adapter that claims one of them cannot run it.
     */
    public static List<String> unclaimed(Collection<String> tags) {
        return valuesOf(tags, UNCLAIMED);
    }

    /** The {@code @id:} values; a well-formed scenario has exactly one. */
    public static List<String> ids(Collection<String> tags) {
        return valuesOf(tags, ID_PREFIX);
    }

    /** The {@code @alias:} values: IDs the scenario had before, which skip files and selections still use. */
    public static List<String> aliases(Collection<String> tags) {
        return valuesOf(tags, ALIAS_PREFIX);
    }

    /** Whether the scenario is a timing scenario: one that runs with no other scenario beside it. */
    public static boolean timing(Collection<String> tags) {
        return tags.stream().map(Tags::bare).anyMatch(TIMING.substring(1)::equals);
    }

    private static List<String> valuesOf(Collection<String> tags, String prefix) {
        return tags.stream().map(Tags::bare).filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).toList();
    }

    private static String bare(String tag) {
        return tag.startsWith("@") ? tag.substring(1) : tag;
    }
}
