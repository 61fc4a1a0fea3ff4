package dev.ack.runner.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which scenarios a run takes: a Cucumber tag expression, one chapter, or every chapter up to one
 * (the teaching levels, where a chapter stays locked until the chapters below it pass).
 */
public record Selection(Optional<String> tags, Optional<Integer> onlyChapter, Optional<Integer> upToChapter) {

    public static Selection everything() {
        return new Selection(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Levels lock higher chapters only when the user asked for a range of chapters. */
    public boolean levels() { return upToChapter.isPresent(); }

    /** The tag expression for Cucumber, or empty for every scenario. */
    public Optional<String> tagExpression() {
        List<String> parts = new ArrayList<>();
        tags.ifPresent(t -> parts.add("(" + t + ")"));
        onlyChapter.ifPresent(c -> parts.add("@ch" + c));
        upToChapter.ifPresent(c -> parts.add(IntStream.rangeClosed(1, c).mapToObj(i -> "@ch" + i)
                .collect(Collectors.joining(" or ", "(", ")"))));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", parts));
    }
}
