package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
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
    private static final int MAX_LEAVES = 26;
    private static final List<String> LOCALS = List.of("x", "y");

    private final Draws draws;
    private final boolean joinedValues;
    private final List<String> leaves = new ArrayList<>();
    private int children;
    private int texts;

    private CoroutineCases(Draws draws, boolean joinedValues) {
        this.draws = draws;
        this.joinedValues = joinedValues;
    }

    /** {@code joinedValues}: whether a join_all's value may be used (capability joined-values, CO-19). */
    static Gen<CoroutineCase> cases(boolean joinedValues) {
        return source -> new CoroutineCases(new Draws(source), joinedValues).make();
    }

    private CoroutineCase make() {
        List<CoroutineInstruction> program = program(CoroutineCase.ROOT, 0);
        List<String> waiting = new ArrayList<>(leaves);
        List<Step> steps = new ArrayList<>();
        int count = draws.between(1, 12);
        for (int i = 0; i < count; i++) {
            if (!waiting.isEmpty() && draws.oneIn(3)) {
                String leaf = waiting.remove(draws.between(0, waiting.size() - 1));
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
                program.add(new CoroutineInstruction.Return(text(owner + " done", locals)));
                break;
            }
            CoroutineInstruction instruction = switch (kind) {
                case 0 -> new CoroutineInstruction.Log(text(owner + " says", locals));
                case 1 -> {
                    String value = text(owner, locals);
                    yield new CoroutineInstruction.Set(set(locals), value);
                }
                case 2 -> leaves.size() == MAX_LEAVES ? new CoroutineInstruction.Log(text(owner + " says", locals))
                        : CoroutineInstruction.Wait.forLeaf(new CoroutineLeaf.Manual(newLeaf()), into(locals));
                case 4 -> {
                    String child = "c" + ++children;
                    created.add(child);
                    yield new CoroutineInstruction.Create(child, List.copyOf(program(child, depth + 1)));
                }
                case 5 -> created.isEmpty() ? new CoroutineInstruction.Log(text(owner + " says", locals))
                        : CoroutineInstruction.Wait.forChild(created.remove(draws.between(0, created.size() - 1)), into(locals));
                default -> join(created, locals);
            };
            program.add(instruction);
        }
        return List.copyOf(program);
    }

    /** join_all of some of the children not waited on yet, in a random order. */
    private CoroutineInstruction join(List<String> created, List<String> locals) {
        List<String> joined = new ArrayList<>();
        int count = draws.between(0, created.size());
        for (int i = 0; i < count; i++) joined.add(created.remove(draws.between(0, created.size() - 1)));
        return new CoroutineInstruction.JoinAll(List.copyOf(joined), joinedValues ? into(locals) : null);
    }

    private String newLeaf() {
        String leaf = String.valueOf((char) ('A' + leaves.size()));
        leaves.add(leaf);
        return leaf;
    }

    /** A text that begins with {@code start}, tells itself apart by a number, and may show a local already set. */
    private String text(String start, List<String> locals) {
        String text = start + " " + ++texts;
        return locals.isEmpty() || draws.oneIn(2) ? text : text + " {" + draws.oneOf(locals) + "}";
    }

    /** Sometimes a local for a wait's value, which the program may show from then on. */
    private String into(List<String> locals) {
        return draws.oneIn(2) ? null : set(locals);
    }

    private String set(List<String> locals) {
        String local = draws.oneOf(LOCALS);
        if (!locals.contains(local)) locals.add(local);
        return local;
    }
}
