package dev.ack.reference.coroutines;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a coroutine program into the states of a {@link StateMachine}, as the book's {@code corofy}
 * rewrites a {@code coroutine fn}: the program is cut at every wait. Segment 0 is the code of
 * {@code Start}, segment k the code that runs when wait point k delivers its value ({@code Waitk});
 * a program with k waits has k + 1 segments, and its last segment ends in a return. A program
 * without {@code return} returns the empty string; code after a {@code return} never runs and is
 * dropped.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * Cuts {@code program} at its waits.
     *
     * @param program a coroutine's instructions
     * @return the code of each state, {@code Start}'s first
     */
    public static List<Segment> compile(List<Instruction> program) {
        List<Segment> segments = new ArrayList<>();
        List<Instruction> code = new ArrayList<>();
        for (Instruction instruction : program) {
            if (instruction instanceof Instruction.Exit exit) {
                segments.add(new Segment(List.copyOf(code), exit));
                code.clear();
                if (exit instanceof Instruction.Return) return List.copyOf(segments);
            } else {
                code.add(instruction);
            }
        }
        segments.add(new Segment(List.copyOf(code), new Instruction.Return("")));
        return List.copyOf(segments);
    }
}
