package dev.ack.runner.report;

import dev.ack.protocol.Area;
import dev.ack.runner.spec.Rule;
import dev.ack.runner.spec.SpecIndex;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One chapter's two lines: how many of the rules the book's code follows passed, and how many of the
 * rules beyond the book the adapter claimed (by its capabilities) and passed. Only rules the suite
 * checks count; a student who built what the chapter teaches reads "N of N passed" on the first line.
 *
 * @param bookRules     checked rules of the chapter that the book's code follows
 * @param beyondRules   checked rules of the chapter beyond the book (each needs a capability)
 * @param beyondClaimed those of them whose scenarios ran (the adapter claimed their capabilities)
 */
public record BookSummary(Area area, long bookRules, long bookPassed, long beyondRules, long beyondClaimed,
                          long beyondPassed) {
    private static final String PASSED = "passed";
    /** Rule verdicts of rules whose scenarios did not run because of the adapter's claims or the selection. */
    private static final Set<String> UNCLAIMED = Set.of("not claimed", "not run");

    /** One summary per area, in chapter order, from the rules' verdicts. */
    public static List<BookSummary> of(SpecIndex spec, Map<String, String> verdicts) {
        return List.of(Area.values()).stream().filter(area -> !spec.rulesOf(area).isEmpty()).map(area -> {
            List<Rule> checked = spec.rulesOf(area).stream().filter(rule -> !rule.untested()).toList();
            List<Rule> book = checked.stream().filter(rule -> !rule.beyondTheBook()).toList();
            List<Rule> beyond = checked.stream().filter(Rule::beyondTheBook).toList();
            return new BookSummary(area, book.size(), count(book, verdicts, PASSED::equals), beyond.size(),
                    count(beyond, verdicts, v -> !UNCLAIMED.contains(v)), count(beyond, verdicts, PASSED::equals));
        }).toList();
    }

    private static long count(List<Rule> rules, Map<String, String> verdicts, Predicate<String> which) {
        return rules.stream().filter(rule -> which.test(verdicts.getOrDefault(rule.id(), "not run"))).count();
    }

    /** "the book's chapter 4: 24 of 24 passed". */
    public String bookLine() {
        return "the book's chapter " + area.chapter() + ": " + bookPassed + " of " + bookRules + " passed";
    }

    /** "beyond the book: 9 of 11 claimed, passed 9", or that the chapter's rules are all the book's. */
    public String beyondLine() {
        if (beyondRules == 0) {
            return "beyond the book: nothing, every rule of this chapter is the book's";
        }
        return "beyond the book: " + beyondClaimed + " of " + beyondRules + " claimed, passed " + beyondPassed;
    }
}
