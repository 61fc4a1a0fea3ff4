package dev.ack.runner.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario IDs of a suite and their aliases: a scenario that was renamed keeps its old ID as an
 * {@code @alias:} tag, so that skip files, baselines, selections and {@code explain} written with the
 * old ID still find it (the promise of stable IDs), and the kit says which ID is an alias of which.
 */
public final class ScenarioIds {
    private static final Pattern ID_TAG = Pattern.compile("@id:([a-z0-9.-]+)");

    private final Map<String, String> idByAlias;

    private ScenarioIds(Map<String, String> idByAlias) {
        this.idByAlias = idByAlias;
    }

    public static ScenarioIds of(FeatureIndex features) {
        Map<String, String> idByAlias = new LinkedHashMap<>();
        for (ScenarioInfo scenario : features.scenarios()) {
            Tags.ids(scenario.tags()).stream().findFirst()
                    .ifPresent(id -> Tags.aliases(scenario.tags()).forEach(alias -> idByAlias.putIfAbsent(alias, id)));
        }
        return new ScenarioIds(idByAlias);
    }

    /** The ID {@code alias} stands for, when it is an alias. */
    public Optional<String> idFor(String alias) {
        return Optional.ofNullable(idByAlias.get(alias));
    }

    /** "eq.old is an alias of eq.new": what the kit says when it meets an alias. */
    public static String note(String alias, String id) {
        return alias + " is an alias of " + id;
    }

    /** A tag expression with every {@code @id:} of an alias turned into the ID it stands for, each said to {@code notes}. */
    public String resolve(String tagExpression, Consumer<String> notes) {
        Matcher tag = ID_TAG.matcher(tagExpression);
        StringBuilder resolved = new StringBuilder();
        while (tag.find()) {
            String id = idFor(tag.group(1)).orElse(tag.group(1));
            if (!id.equals(tag.group(1))) notes.accept(note(tag.group(1), id));
            tag.appendReplacement(resolved, Matcher.quoteReplacement("@id:" + id));
        }
        return tag.appendTail(resolved).toString();
    }
}
