package dev.ack.runner.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The comment above a Then step that says which clause the step checks, {@code # EQ-04.2} (or a rule,
 * {@code # EQ-04}, or several, {@code # EQ-04.2, EQ-05}): a failure of the step blames those alone. The
 * runner reads it to blame a failure; the gate reads it to require one in every scenario of several rules.
 */
public final class ClauseComment {
    private static final Pattern CLAUSE_ID = Pattern.compile("[A-Z]{2}-\\d{2,3}(\\.\\d+)?");

    private ClauseComment() {}

    /** The clause IDs a comment names; empty for a comment that names none (an ordinary remark). */
    public static List<String> clausesIn(String comment) {
        String text = comment.strip();
        if (!text.startsWith("#")) return List.of();
        List<String> ids = List.of(text.substring(1).strip().split("\\s*,\\s*"));
        return ids.stream().allMatch(id -> CLAUSE_ID.matcher(id).matches()) ? ids : List.of();
    }
}
