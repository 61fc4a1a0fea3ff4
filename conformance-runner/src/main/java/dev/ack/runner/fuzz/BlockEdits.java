package dev.ack.runner.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one-step-smaller edits of a program made of blocks (fibers' spawn and repeat, coroutines' create):
 * remove one instruction, put a block's instructions in the place of the instruction that holds it, or
 * simplify one instruction. A block inside an instruction never becomes empty, as the features' layout
 * cannot write an empty block.
 *
 * @param <I> an instruction
 */
final class BlockEdits<I> {
    private final Function<I, Optional<List<I>>> body;
    private final BiFunction<I, List<I>, I> withBody;
    private final Function<I, List<I>> simpler;

    /**
     * @param body     the block an instruction holds, if any
     * @param withBody the instruction with another block
     * @param simpler  simpler forms of one instruction (a smaller count, no {@code into}), none for most
     */
    BlockEdits(Function<I, Optional<List<I>>> body, BiFunction<I, List<I>, I> withBody, Function<I, List<I>> simpler) {
        this.body = body;
        this.withBody = withBody;
        this.simpler = simpler;
    }

    /** Every program one edit away from {@code program}: removals first, then unwrapped blocks, then simpler instructions. */
    List<List<I>> of(List<I> program) {
        List<List<I>> edits = new ArrayList<>(removals(program, true));
        edits.addAll(unwraps(program));
        edits.addAll(simplifications(program));
        return edits;
    }

    private List<List<I>> removals(List<I> block, boolean mayEmpty) {
        List<List<I>> edits = new ArrayList<>();
        if (block.size() > 1 || mayEmpty) {
            for (int i = 0; i < block.size(); i++) edits.add(without(block, i));
        }
        return withInside(edits, block, inner -> removals(inner, false));
    }

    private List<List<I>> unwraps(List<I> block) {
        List<List<I>> edits = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            Optional<List<I>> inner = body.apply(block.get(i));
            if (inner.isEmpty()) continue;
            List<I> spliced = new ArrayList<>(block.subList(0, i));
            spliced.addAll(inner.get());
            spliced.addAll(block.subList(i + 1, block.size()));
            edits.add(List.copyOf(spliced));
        }
        return withInside(edits, block, this::unwraps);
    }

    private List<List<I>> simplifications(List<I> block) {
        List<List<I>> edits = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            for (I simple : simpler.apply(block.get(i))) edits.add(replaced(block, i, simple));
        }
        return withInside(edits, block, this::simplifications);
    }

    private List<List<I>> withInside(List<List<I>> edits, List<I> block, Function<List<I>, List<List<I>>> edit) {
        edits.addAll(inside(block, edit));
        return edits;
    }

    /** The edits of the blocks inside the instructions of {@code block}, each put back in its place. */
    private List<List<I>> inside(List<I> block, Function<List<I>, List<List<I>>> edit) {
        List<List<I>> edits = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            I instruction = block.get(i);
            Optional<List<I>> inner = body.apply(instruction);
            if (inner.isEmpty()) continue;
            for (List<I> changed : edit.apply(inner.get())) edits.add(replaced(block, i, withBody.apply(instruction, changed)));
        }
        return edits;
    }

    private static <I> List<I> without(List<I> block, int index) {
        List<I> copy = new ArrayList<>(block);
        copy.remove(index);
        return List.copyOf(copy);
    }

    private static <I> List<I> replaced(List<I> block, int index, I instruction) {
        List<I> copy = new ArrayList<>(block);
        copy.set(index, instruction);
        return List.copyOf(copy);
    }
}
