package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.runner.fuzz.CoroutineCase.Step;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Random coroutines cases: a program of logs, locals, waits on manual leaves, children created and then
 * waited on alone or with {@code join_all} (two levels deep), and returns; then up to a dozen steps,
 * polls and leaves made ready in any order, polls after Ready included. Every program is valid
 * ({@link CoroutineRules}); only manual leaves, so nothing waits on the clock.
 */
final class CoroutineCases {
    private static final int MAX_DEPTH = 2;

    private final Draws draws;
    private final ProgramParts parts;
    private final boolean joinedValues;
    private int children;

    private CoroutineCases(Draws draws, boolean joinedValues) {
        this.draws = draws;
        this.parts = new ProgramParts(draws);
        this.joinedValues = joinedValues;
    }

    /** {@code joinedValues}: whether a join_all's value may be used (capability joined-values, CO-19). */
    static Gen<CoroutineCase> cases(boolean joinedValues) {
        return source -> new CoroutineCases(new Draws(source), joinedValues).make();
    }

    private CoroutineCase make() {
        List<CoroutineInstruction> program = program(CoroutineCase.ROOT, 0);
        List<String> waiting = new ArrayList<>(parts.leaves());
        List<Step> steps = new ArrayList<>();
        int count = draws.between(1, 12);
        for (int i = 0; i < count; i++) {
            if (!waiting.isEmpty() && draws.oneIn(3)) {
                String leaf = parts.one(waiting);
                steps.add(new Step.Ready(leaf, leaf.toLowerCase() + (i + 1)));
            } else {
                steps.add(new Step.Poll());
            }
        }
        return new CoroutineCase(program, List.copyOf(steps));
    }

    private List<CoroutineInstruction> program(String owner, int depth) {
        List<CoroutineInstruction> program = new ArrayList<>();
        List<String> locals = new ArrayList<>();
        List<String> created = new ArrayList<>();
        int size = draws.between(1, depth == 0 ? 6 : 4);
        for (int i = 0; i < size; i++) {
            int kind = draws.between(0, depth < MAX_DEPTH ? 6 : 3);
            if (kind == 3) {
                program.add(new CoroutineInstruction.Return(parts.text(owner + " done", locals)));
                break;
            }
            CoroutineInstruction instruction = switch (kind) {
                case 0 -> parts.log(owner, locals);
                case 1 -> parts.setLocal(owner, locals);
                case 2 -> parts.leafWait(owner, locals);
                case 4 -> {
                    String child = "c" + ++children;
                    created.add(child);
                    yield new CoroutineInstruction.Create(child, List.copyOf(program(child, depth + 1)));
                }
                case 5 -> created.isEmpty() ? parts.log(owner, locals) : CoroutineInstruction.Wait.forChild(parts.one(created), parts.into(locals));
                default -> new CoroutineInstruction.JoinAll(parts.some(created), joinedValues ? parts.into(locals) : null);
            };
            program.add(instruction);
        }
        return List.copyOf(program);
    }
}
