package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts random coroutine programs are made of, for the coroutines' and the wakers' cases: logs and
 * texts that tell themselves apart and may show locals, locals set, waits on new manual leaves, children
 * taken over. A text begins with the name of the coroutine it belongs to ({@link CoroutineRules}).
 */
final class ProgramParts {
    private static final int MAX_LEAVES = 26;
    private static final List<String> LOCALS = List.of("x", "y");

    private final Draws draws;
    private final List<String> leaves = new ArrayList<>();
    private int texts;

    ProgramParts(Draws draws) {
        this.draws = draws;
    }

    /** The manual leaves waited on so far, A, B, … in the order they were made. */
    List<String> leaves() { return List.copyOf(leaves); }

    CoroutineInstruction log(String owner, List<String> locals) {
        return new CoroutineInstruction.Log(text(owner + " says", locals));
    }

    /** A local set to a text, shown from then on. */
    CoroutineInstruction setLocal(String owner, List<String> locals) {
        String value = text(owner, locals);
        return new CoroutineInstruction.Set(set(locals), value);
    }

    /** A wait on a new manual leaf, or a log once the letters ran out. */
    CoroutineInstruction leafWait(String owner, List<String> locals) {
        if (leaves.size() == MAX_LEAVES) return log(owner, locals);
        String leaf = String.valueOf((char) ('A' + leaves.size()));
        leaves.add(leaf);
        return CoroutineInstruction.Wait.forLeaf(new CoroutineLeaf.Manual(leaf), into(locals));
    }

    /** Some of {@code created}, taken out of it, in a random order. */
    List<String> some(List<String> created) {
        List<String> taken = new ArrayList<>();
        int count = draws.between(0, created.size());
        for (int i = 0; i < count; i++) taken.add(one(created));
        return List.copyOf(taken);
    }

    /** One of {@code created}, taken out of it. */
    String one(List<String> created) {
        return created.remove(draws.between(0, created.size() - 1));
    }

    /** A text that begins with {@code start}, tells itself apart by a number, and may show a local already set. */
    String text(String start, List<String> locals) {
        String text = start + " " + ++texts;
        return locals.isEmpty() || draws.oneIn(2) ? text : text + " {" + draws.oneOf(locals) + "}";
    }

    /** Sometimes a local for a wait's value, which the program may show from then on. */
    String into(List<String> locals) {
        return draws.oneIn(2) ? null : set(locals);
    }

    private String set(List<String> locals) {
        String local = draws.oneOf(LOCALS);
        if (!locals.contains(local)) locals.add(local);
        return local;
    }
}
