package dev.ack.reference.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.protocol.Codec;
import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.protocol.fibers.FiberTraceEntry;
import dev.ack.reference.fibers.BookPrograms;
import dev.ack.reference.fibers.FiberRuntime;
import dev.ack.reference.variants.FibersFactory;
import dev.ack.reference.variants.KnownBadVariants;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Programs as data (spec/protocol.md §6) run on the reference runtime. A trace entry reads as its
 * fields' values, e.g. {@code 1 log thread: 1 counter: 0}, {@code 0 spawned 2}, {@code 1 check x 5 0};
 * an error's message is left out.
 */
class InterpreterTest {
    private static final String COUNTING_FIBER = """
            {"do": "spawn", "body": [
              {"do": "log", "text": "THREAD {id} STARTING"},
              {"do": "repeat", "times": %d, "var": "counter", "body": [
                {"do": "log", "text": "thread: {id} counter: {counter}"},
                {"do": "yield"}]},
              {"do": "log", "text": "THREAD {id} FINISHED"}]}""";

    /** Sets x, yields 3 times 50 frames deep, adding 1 after each, and checks it is x + 3 at the bottom and back on top. */
    private static final String KEEPS_LOCALS = """
            [{"do": "set", "var": "x", "value": %1$d},
             {"do": "nested", "depth": 50, "body": [
               {"do": "repeat", "times": 3, "var": "turn", "body": [{"do": "yield"}, {"do": "add", "var": "x", "value": 1}]},
               {"do": "check", "var": "x", "equals": %2$d}]},
             {"do": "check", "var": "x", "equals": %2$d}]""";

    @Test
    void twoCountingFibersLogTheBooksTranscript() throws Exception {
        List<String> trace = run(new FiberRuntime(), "[" + COUNTING_FIBER.formatted(10) + "," + COUNTING_FIBER.formatted(15) + "]");

        assertThat(trace).startsWith("0 spawned 1", "0 spawned 2").endsWith("2 finished");
        assertThat(logs(trace)).containsExactlyElementsOf(BookPrograms.COUNTING_TRANSCRIPT);
    }

    @Test
    void aNestedSpawnTakesSlot3AndRunsBeforeFiber1Resumes() throws Exception {
        List<String> trace = run(new FiberRuntime(), """
                [{"do": "spawn", "body": [
                   {"do": "log", "text": "I haven't implemented a timer in this example."},
                   {"do": "yield"},
                   {"do": "log", "text": "Finally, notice how the tasks are executed concurrently."}]},
                 {"do": "spawn", "body": [
                   {"do": "log", "text": "But we can still nest tasks..."},
                   {"do": "spawn", "body": [{"do": "log", "text": "...like this!"}]}]}]""");

        assertThat(trace).containsExactly("0 spawned 1", "0 spawned 2",
                "1 log I haven't implemented a timer in this example.",
                "2 log But we can still nest tasks...", "2 spawned 3", "2 finished",
                "3 log ...like this!", "3 finished",
                "1 log Finally, notice how the tasks are executed concurrently.", "1 finished");
    }

    @Test
    void localsSetAndAddedAreIntactAfterYieldingFrom50FramesDeep() throws Exception {
        List<String> trace = run(new FiberRuntime(), """
                [{"do": "spawn", "body": %s},
                 {"do": "spawn", "body": %s},
                 {"do": "set", "var": "x", "value": 5},
                 {"do": "yield"},
                 {"do": "check", "var": "x", "equals": 5}]""".formatted(
                KEEPS_LOCALS.formatted(10, 13), KEEPS_LOCALS.formatted(20, 23)));

        assertThat(trace).containsExactly("0 spawned 1", "0 spawned 2", "1 finished", "2 finished");
    }

    @Test
    void aCheckReportsADifferentValueAndLogTextsShowIdsAndLocals() throws Exception {
        List<String> trace = run(new FiberRuntime(), """
                [{"do": "set", "var": "x", "value": 5},
                 {"do": "check", "var": "x", "equals": 6},
                 {"do": "repeat", "times": 2, "var": "i", "body": [{"do": "add", "var": "x", "value": 10}]},
                 {"do": "log", "text": "{id}: x={x} i={i} unset={never} {not a name}"}]""");

        assertThat(trace).containsExactly("0 check x 6 5", "0 log 0: x=25 i=1 unset=0 {not a name}");
    }

    @Test
    void aSpawnWithNoFreeSlotEndsThatProgramAndTheFibersGoOn() throws Exception {
        String fiber = """
                {"do": "spawn", "body": [{"do": "yield"}, {"do": "log", "text": "fiber {id}"}]}""";
        List<String> trace = run(new FiberRuntime(), """
                [%1$s, %1$s, %1$s, %1$s, {"do": "log", "text": "unreached"}]""".formatted(fiber));

        assertThat(trace).containsExactly("0 spawned 1", "0 spawned 2", "0 spawned 3", "0 error NoFreeSlot",
                "1 log fiber 1", "1 finished", "2 log fiber 2", "2 finished", "3 log fiber 3", "3 finished");
    }

    @Test
    void aFiberThatExhaustsItsStackStopsAloneAndTheOthersKeepTheirLocals() throws Exception {
        assertExhaustingOneStackLeavesTheOthers(new FiberRuntime());
    }

    @Test
    void aRealStackOverflowErrorIsCaughtAsStackOverflowOfThatFiberOnly() throws Exception {
        assertExhaustingOneStackLeavesTheOthers(new FiberRuntime(FiberRuntime.DEFAULT_SLOTS, Long.MAX_VALUE));
    }

    private static void assertExhaustingOneStackLeavesTheOthers(FiberRuntime runtime) {
        List<String> trace = run(runtime, """
                [{"do": "spawn", "body": %s},
                 {"do": "spawn", "body": [{"do": "exhaust_stack", "frame_bytes": 1024}, {"do": "log", "text": "unreached"}]},
                 {"do": "spawn", "body": %s}]""".formatted(KEEPS_LOCALS.formatted(10, 13), KEEPS_LOCALS.formatted(20, 23)));

        assertThat(trace).containsExactly("0 spawned 1", "0 spawned 2", "0 spawned 3",
                "2 error StackOverflow", "2 finished", "1 finished", "3 finished");
    }

    @Test
    void aSpinningFiberIsNotPreempted() throws Exception {
        List<String> trace = run(new FiberRuntime(), """
                [{"do": "spawn", "body": [{"do": "spin", "iterations": 1000000}, {"do": "log", "text": "spun"}]},
                 {"do": "spawn", "body": [{"do": "log", "text": "second"}]}]""");

        assertThat(logs(trace)).containsExactly("spun", "second");
    }

    @Test
    void loseLocalLetsAFiberFindTheLocalAnotherFiberSetDuringItsYield() throws Exception {
        FibersFactory loseLocal = KnownBadVariants.named("fibers-lose-local").orElseThrow().implementation().fibers();
        List<String> trace = run(new FiberRuntime(), loseLocal, """
                [{"do": "spawn", "body": [
                   {"do": "set", "var": "x", "value": 1}, {"do": "yield"}, {"do": "check", "var": "x", "equals": 1}]},
                 {"do": "spawn", "body": [
                   {"do": "set", "var": "x", "value": 2}, {"do": "yield"}, {"do": "check", "var": "x", "equals": 2}]}]""");

        assertThat(trace).containsExactly("0 spawned 1", "0 spawned 2", "1 check x 1 2", "1 finished", "2 finished");
    }

    private static List<String> run(FiberRuntime runtime, String program) {
        return run(runtime, FibersFactory.REFERENCE, program);
    }

    private static List<String> run(FiberRuntime runtime, FibersFactory fibers, String program) {
        try (runtime) {
            FiberTrace trace = new FiberTrace();
            new Interpreter(runtime, trace, fibers.programLocals())
                    .runOnBase(List.of(Codec.fromJson(Codec.JSON.readTree(program), FiberInstruction[].class)));
            return trace.entries().stream().map(InterpreterTest::line).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String line(FiberTraceEntry entry) {
        return entry.fiber() + " " + switch (entry) {
            case FiberTraceEntry.Log log -> "log " + log.text();
            case FiberTraceEntry.Check check -> "check " + check.var() + " " + check.expected() + " " + check.actual();
            case FiberTraceEntry.Spawned spawned -> "spawned " + spawned.id();
            case FiberTraceEntry.Finished finished -> "finished";
            case FiberTraceEntry.Error error -> "error " + error.kind();
        };
    }

    /** The texts of the log entries. */
    private static List<String> logs(List<String> trace) {
        return trace.stream().filter(entry -> entry.matches("\\d+ log .*"))
                .map(entry -> entry.replaceFirst("\\d+ log ", "")).toList();
    }
}
