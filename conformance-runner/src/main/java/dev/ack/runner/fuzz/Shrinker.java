package dev.ack.runner.fuzz;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Makes a failing case minimal: it tries the cases one step smaller, keeps the first that still fails, and
 * starts again from it, until no smaller case fails (or the tries run out).
 * <p>
 * Not QuickTheories' own shrinker: it changes the random draws a case was made from, one at a time at
 * random, and a changed draw early on reshapes everything drawn after it. Each try here runs the case on
 * two adapters, so the tries must count: steps on the case itself (remove an instruction or a step,
 * unwrap a block) reach a case that no single removal keeps failing in tens of tries, not thousands.
 */
final class Shrinker {
    private Shrinker() {}

    /**
     * The smallest failing case found from {@code failing}, and how many cases were tried.
     *
     * @param <C> a case
     */
    record Shrunk<C>(C smallest, int tries) {}

    static <C> Shrunk<C> shrink(C failing, Function<C, List<C>> smaller, Predicate<C> fails, int maxTries) {
        C smallest = failing;
        int tries = 0;
        boolean shrank = true;
        while (shrank && tries < maxTries) {
            shrank = false;
            for (C candidate : smaller.apply(smallest)) {
                if (tries++ == maxTries) break;
                if (fails.test(candidate)) {
                    smallest = candidate;
                    shrank = true;
                    break;
                }
            }
        }
        return new Shrunk<>(smallest, tries);
    }
}
