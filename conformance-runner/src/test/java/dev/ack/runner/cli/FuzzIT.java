package dev.ack.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kit fuzz} in the build, with a fixed seed and budget: it finds students' bugs that the
 * hand-written scenarios also catch (the Python mutants {@value #MUTANT}, CO-05,
 * {@value #WAKERS_MUTANT}, WK-06.2, and {@value #EVENT_QUEUE_MUTANT}, EQ-08) and prints shrunk scenarios that, pasted into a feature file, fail
 * the mutant on that rule and pass the reference; it finds the reference's fibers variant fibers-lifo
 * (FB-05) too; and it finds nothing on the plain Python implementation, on the reference against itself,
 * or on changes the spec allows: join_all polling its children last first (CO-09), which a comparison in
 * strict trace order flags at the seed's 49th case, and the executor's ready queue taken last first
 * (WK-12) or a queued task's wakes merged (protocol.md §7), which change the order of a run's entries
 * and how often a task is polled.
 */
@Execution(ExecutionMode.CONCURRENT)
class FuzzIT {
    private static final String SEED = "42";
    /** Cases per area: the mutant's bug shows in the first few; the free order of join_all first shows in the 49th. */
    private static final String CASES = "60";
    private static final String CASES_FOR_THE_FREE_ORDER = "100";
    private static final String MUTANT = "polled-after-ready-answers-ready-again";
    private static final String WAKERS_MUTANT = "wake-of-the-running-task-dropped";
    private static final String EVENT_QUEUE_MUTANT = "eq-writable-interest-also-asks-for-readable";

    @Test
    void findsTheMutantAndPrintsAShrunkScenarioThatRunsAsAFeature() throws Exception {
        assertFindsTheMutant(MUTANT, "coroutines", 7, "CO-05", "Then polling the coroutine fails with PolledAfterReady");
    }

    /** The wakers' half: a task that wakes itself while it is polled (yield_now) is never polled again, so the run hangs. */
    @Test
    void findsAWakersMutantAndPrintsAShrunkScenarioThatRunsAsAFeature() throws Exception {
        assertFindsTheMutant(WAKERS_MUTANT, "wakers", 8, "WK-06", "yield now", "Then the run finishes with");
    }

    /** The event queue's half: a source registered for writable only is reported readable once data waits (case 11 of the seed). */
    @Test
    void findsAnEventQueueMutantAndPrintsAShrunkScenarioThatRunsAsAFeature() throws Exception {
        assertFindsTheMutant(EVENT_QUEUE_MUTANT, "event-queue", 4, "EQ-08", "for writable\n", "Then the poll reports token 1 writable",
                "And the poll does not report token 1 readable");
    }

    /**
     * kit fuzz finds the Python mutant {@code name} in {@code area} with the fixed seed and budget, and prints
     * a shrunk scenario that shows {@code shown} and fails the mutant on {@code rule} only.
     */
    private static void assertFindsTheMutant(String name, String area, int chapter, String rule, String... shown) throws Exception {
        String mutant = python(PythonMutantsIT.changedCopy(PythonMutantsIT.mutant(name)));
        KitRun fuzz = KitRun.fuzz("fuzz-" + name, "--seed", SEED, "--cases", CASES, "--area", area, "--adapter", mutant);
        assertThat(fuzz.exitStatus()).as("kit fuzz on the mutant; console:%n%s", fuzz).isEqualTo(1);
        assertThat(fuzz.console()).as("the shrunk scenario").contains("diverged from the reference; shrunk in").contains(shown);
        assertPastedScenarioFailsOnlyTheMutant(fuzz, area, chapter, rule, mutant);
    }

    /** The scenario kit fuzz printed, tagged with {@code rule} in a feature file of its own: it fails the mutant on that rule, and passes the reference. */
    private static void assertPastedScenarioFailsOnlyTheMutant(KitRun fuzz, String area, int chapter, String rule, String mutant) throws Exception {
        Path features = Files.createDirectories(fuzz.reports().resolve("features/" + area));
        Files.writeString(features.resolve("pasted.feature"), "@area:" + area + " @ch" + chapter + "\nFeature: A scenario kit fuzz printed\n\n"
                + scenario(fuzz.console()).replace("@id:", "@" + rule + " @id:"));
        KitRun onTheMutant = KitRun.of(fuzz.reports().getFileName() + "-pasted-on-the-mutant", "--no-doctor", "--features", features.getParent().toString(),
                "--adapter", mutant);
        assertThat(onTheMutant.exitStatus()).as("the pasted scenario on the mutant; console:%n%s", onTheMutant).isEqualTo(1);
        assertThat(onTheMutant.rules("failed")).containsExactly(rule);
        KitRun onTheReference = KitRun.of(fuzz.reports().getFileName() + "-pasted-on-the-reference", "--no-doctor", "--features",
                features.getParent().toString());
        assertThat(onTheReference.exitStatus()).as("the pasted scenario on the reference; console:%n%s", onTheReference).isZero();
    }

    /** The fibers' half: the reference's variant that rotates last in, first out (FB-05) shows in a two-fiber trace. */
    @Test
    void findsAFibersVariantAndPrintsItsTrace() throws Exception {
        KitRun fuzz = KitRun.fuzz("fuzz-fibers-lifo", "--seed", SEED, "--cases", CASES, "--area", "fibers", "--reference-variant", "fibers-lifo");
        assertThat(fuzz.exitStatus()).as("kit fuzz on fibers-lifo; console:%n%s", fuzz).isEqualTo(1);
        assertThat(fuzz.console()).as("the shrunk scenario").contains("diverged from the reference; shrunk in", "Then the trace is:");
    }

    @Test
    void findsNothingOnThePythonImplementation() throws Exception {
        assertFindsNothing(KitRun.fuzz("fuzz-python", "--seed", SEED, "--cases", CASES,
                "--adapter", python(KitRun.REPO.resolve("adapters/python"))));
    }

    @Test
    void findsNothingOnTheReferenceAgainstItself() throws Exception {
        assertFindsNothing(KitRun.fuzz("fuzz-reference", "--seed", SEED, "--cases", CASES));
    }

    @Test
    void findsNothingOnAnOrderTheSpecLeavesFree() throws Exception {
        String allowed = python(PythonMutantsIT.changedCopy(PythonMutantsIT.allowedChange("join-all-polls-its-children-last-first")));
        assertFindsNothing(KitRun.fuzz("fuzz-join-all-last-first", "--seed", SEED, "--cases", CASES_FOR_THE_FREE_ORDER, "--area", "coroutines",
                "--adapter", allowed));
    }

    /** Changes of the executor that WK-12 and protocol.md §7 allow: the wakers' comparison must take them as alike. */
    @ParameterizedTest
    @ValueSource(strings = {"executor-polls-the-last-ready-task-first", "wakes-of-a-queued-task-merged"})
    void findsNothingOnAnExecutorChangeTheSpecAllows(String change) throws Exception {
        String allowed = python(PythonMutantsIT.changedCopy(PythonMutantsIT.allowedChange(change)));
        assertFindsNothing(KitRun.fuzz("fuzz-" + change, "--seed", SEED, "--cases", CASES, "--area", "wakers", "--adapter", allowed));
    }

    private static void assertFindsNothing(KitRun fuzz) {
        assertThat(fuzz.exitStatus()).as("kit fuzz; console:%n%s", fuzz).isZero();
        assertThat(fuzz.console()).as("kit fuzz's console").contains("all alike").doesNotContain("diverged");
    }

    private static String python(Path implementation) throws Exception {
        return KitRun.pythonWithGreenlet() + " " + implementation.resolve("adapter.py");
    }

    /** The scenario in kit fuzz's console: from its tags to the first blank line. */
    private static String scenario(String console) {
        List<String> lines = console.lines().toList();
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith("  @id:")).findFirst().orElseThrow());
        int end = start;
        while (end < lines.size() && !lines.get(end).isBlank()) end++;
        return String.join("\n", lines.subList(start, end)) + "\n";
    }
}
