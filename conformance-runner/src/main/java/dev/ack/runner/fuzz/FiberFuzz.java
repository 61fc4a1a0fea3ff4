package dev.ack.runner.fuzz;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.protocol.fibers.FibersOps;
import dev.ack.protocol.fibers.FibersOps.RunArgs;
import dev.ack.protocol.fibers.FibersOps.RuntimeNewArgs;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.steps.fibers.FiberProgram;
import dev.ack.runner.steps.fibers.FiberTraceLine;
import org.quicktheories.core.Gen;

import java.util.List;
import java.util.Optional;

/**
 * Fibers in {@code kit fuzz}: a case is a program the base context runs on a runtime of the book's
 * four slots ({@code fb.run}); the result is its trace, which the rules fix entry by entry (round robin
 * in slot order, spec/fibers.md FB-05), so the traces are compared whole. An error entry is compared by
 * its kind: its message is for humans.
 */
final class FiberFuzz implements FuzzArea<List<FiberInstruction>, List<FiberTraceLine>> {

    private static final BlockEdits<FiberInstruction> EDITS = new BlockEdits<>(FiberFuzz::body, FiberFuzz::withBody, FiberFuzz::simpler);

    @Override
    public Area area() { return Area.FIBERS; }

    @Override
    public String unfit(Handshake implementation) {
        return implementation.claimsCapability(Capability.RUN_ENDS_PROCESS)
                ? "its run ends the process (run-ends-process): each program would need an adapter process of its own" : null;
    }

    @Override
    public Gen<List<FiberInstruction>> cases(Handshake implementation, Handshake reference) {
        return FiberPrograms.programs();
    }

    @Override
    public List<FiberTraceLine> run(ProtocolClient client, List<FiberInstruction> program) {
        long runtime = client.call(FibersOps.RUNTIME_NEW, new RuntimeNewArgs(null, null)).runtime();
        return client.call(FibersOps.RUN, new RunArgs(runtime, program)).trace().stream().map(FiberTraceLine::of).toList();
    }

    @Override
    public List<String> comparable(List<FiberInstruction> program, List<FiberTraceLine> trace) {
        return trace.stream().map(FiberTraceLine::toString).toList();
    }

    @Override
    public List<List<FiberInstruction>> smaller(List<FiberInstruction> program) {
        return EDITS.of(program);
    }

    @Override
    public String scenario(String id, String title, List<FiberInstruction> program, List<FiberTraceLine> expected) {
        StringBuilder text = Gherkin.heading(id, List.of(), title).append("    Given a fiber runtime\n    When the base context runs:\n");
        Gherkin.docString(text, FiberProgram.write(program));
        text.append("    Then the trace is:\n");
        Gherkin.table(text, List.of("fiber", "event", "detail"),
                expected.stream().map(line -> List.of(Long.toString(line.fiber()), line.event(), line.detail())).toList());
        return text.toString();
    }

    private static Optional<List<FiberInstruction>> body(FiberInstruction instruction) {
        return switch (instruction) {
            case FiberInstruction.Repeat repeat -> Optional.of(repeat.body());
            case FiberInstruction.Spawn spawn -> Optional.of(spawn.body());
            case FiberInstruction.Nested nested -> Optional.of(nested.body());
            default -> Optional.empty();
        };
    }

    private static FiberInstruction withBody(FiberInstruction instruction, List<FiberInstruction> body) {
        return switch (instruction) {
            case FiberInstruction.Repeat repeat -> new FiberInstruction.Repeat(repeat.times(), repeat.var(), body);
            case FiberInstruction.Spawn ignored -> new FiberInstruction.Spawn(body);
            case FiberInstruction.Nested nested -> new FiberInstruction.Nested(nested.depth(), body);
            default -> throw new IllegalArgumentException("holds no block: " + instruction);
        };
    }

    /** A loop of one turn less, a nesting of one frame less. */
    private static List<FiberInstruction> simpler(FiberInstruction instruction) {
        return switch (instruction) {
            case FiberInstruction.Repeat repeat when repeat.times() > 0 ->
                    List.of(new FiberInstruction.Repeat(repeat.times() - 1, repeat.var(), repeat.body()));
            case FiberInstruction.Nested nested when nested.depth() > 1 ->
                    List.of(new FiberInstruction.Nested(nested.depth() - 1, nested.body()));
            default -> List.of();
        };
    }
}
