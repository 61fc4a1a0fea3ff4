package dev.ack.runner.fuzz;

import dev.ack.protocol.fibers.FiberInstruction;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Random fiber programs (protocol.md §6): logs, yields, locals set, added to and checked, short loops,
 * shallow nesting, and spawns, spawns inside fibers too, sometimes more than the four slots hold.
 * Nothing slow or stack-bound (no spin, no exhausted stack): every program runs in milliseconds.
 */
final class FiberPrograms {
    private static final int MAX_DEPTH = 2;
    private static final List<String> LOCALS = List.of("a", "b");

    private final Draws draws;
    private int lines;

    private FiberPrograms(Draws draws) {
        this.draws = draws;
    }

    static Gen<List<FiberInstruction>> programs() {
        return source -> new FiberPrograms(new Draws(source)).block(0);
    }

    private List<FiberInstruction> block(int depth) {
        int size = draws.between(1, depth == 0 ? 6 : 3);
        List<FiberInstruction> block = new ArrayList<>();
        for (int i = 0; i < size; i++) block.add(instruction(depth));
        return List.copyOf(block);
    }

    private FiberInstruction instruction(int depth) {
        String local = draws.oneOf(LOCALS);
        return switch (draws.between(0, depth < MAX_DEPTH ? 7 : 4)) {
            case 0 -> new FiberInstruction.Log("line " + ++lines + " of fiber {id}" + (draws.oneIn(2) ? ", " + local + "={" + local + "}" : ""));
            case 1 -> new FiberInstruction.Yield();
            case 2 -> new FiberInstruction.Set(local, draws.between(0, 9));
            case 3 -> new FiberInstruction.Add(local, draws.between(1, 3));
            case 4 -> new FiberInstruction.Check(local, draws.between(0, 9));
            case 5 -> new FiberInstruction.Repeat(draws.between(0, 3), "i" + depth, block(depth + 1));
            case 6 -> new FiberInstruction.Spawn(block(depth + 1));
            default -> new FiberInstruction.Nested(draws.between(1, 3), block(depth + 1));
        };
    }
}
