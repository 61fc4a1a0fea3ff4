package dev.ack.reference.coroutines;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The locals of one coroutine. They live in the coroutine object, not in {@code poll}'s frame, so
 * they survive every wait: the book's chapter 9 {@code stack} struct.
 */
final class Locals {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Map<String, String> values = new HashMap<>();

    /** Sets {@code var}; a null {@code var} (a wait without {@code into}) drops the value. */
    void set(String var, String value) {
        if (var != null) values.put(var, value);
    }

    /** {@code template} with each {@code {x}} replaced by local {@code x}; a placeholder of no local stays as written. */
    String fill(String template) {
        return PLACEHOLDER.matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
}
