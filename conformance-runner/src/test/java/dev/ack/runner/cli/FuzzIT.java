package dev.ack.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kit fuzz} in the build, with a fixed seed and budget: it finds a student's bug that the
 * hand-written scenarios also catch (the Python mutant {@value #MUTANT}, CO-05) and prints a shrunk
 * scenario that, pasted into a feature file, fails the mutant on that rule and passes the reference; it
 * finds the reference's fibers variant fibers-lifo (FB-05) too; and it finds nothing on the plain Python
 * implementation, on the reference against itself, or on a change the spec allows (join_all polling its
 * children last first, CO-09), which a comparison in strict trace order flags at the seed's 49th case.
 */
@Execution(ExecutionMode.CONCURRENT)
class FuzzIT {
    private static final String SEED = "42";
    /** Cases per area: the mutant's bug shows in the first few; the free order of join_all first shows in the 49th. */
    private static final String CASES = "60";
    private static final String CASES_FOR_THE_FREE_ORDER = "100";
    private static final String MUTANT = "polled-after-ready-answers-ready-again";

    @Test
    void findsTheMutantAndPrintsAShrunkScenarioThatRunsAsAFeature() throws Exception {
        String mutant = python(PythonMutantsIT.changedCopy(PythonMutantsIT.mutant(MUTANT)));
        KitRun fuzz = KitRun.fuzz("fuzz-" + MUTANT, "--seed", SEED, "--cases", CASES, "--area", "coroutines", "--adapter", mutant);
        assertThat(fuzz.exitStatus()).as("kit fuzz on the mutant; console:%n%s", fuzz).isEqualTo(1);
        assertThat(fuzz.console()).as("the shrunk scenario").contains("diverged from the reference; shrunk in",
                "Then polling the coroutine fails with PolledAfterReady");

        Path features = Files.createDirectories(fuzz.reports().resolve("features/coroutines"));
        Files.writeString(features.resolve("pasted.feature"), "@area:coroutines @ch7\nFeature: A scenario kit fuzz printed\n\n"
                + scenario(fuzz.console()).replace("@id:", "@CO-05 @id:"));
        KitRun onTheMutant = KitRun.of("fuzz-pasted-on-the-mutant", "--no-doctor", "--features", features.getParent().toString(), "--adapter", mutant);
        assertThat(onTheMutant.exitStatus()).as("the pasted scenario on the mutant; console:%n%s", onTheMutant).isEqualTo(1);
        assertThat(onTheMutant.rules("failed")).containsExactly("CO-05");
        KitRun onTheReference = KitRun.of("fuzz-pasted-on-the-reference", "--no-doctor", "--features", features.getParent().toString());
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
