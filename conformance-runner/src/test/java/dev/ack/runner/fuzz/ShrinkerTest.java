package dev.ack.runner.fuzz;

import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.protocol.fibers.FiberInstruction.Log;
import dev.ack.protocol.fibers.FiberInstruction.Spawn;
import dev.ack.protocol.fibers.FiberInstruction.Yield;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shrinker keeps only what the failure needs, and never writes a block the features cannot. */
class ShrinkerTest {
    private final FiberFuzz fibers = new FiberFuzz();

    @Test
    void aFailingProgramShrinksToTheInstructionsItsFailureNeeds() {
        List<FiberInstruction> program = List.of(new Log("one"), new Spawn(List.of(new Yield(), new Log("two"), new Yield())), new Log("three"));
        // fails while some fiber logs "two"
        Shrinker.Shrunk<List<FiberInstruction>> shrunk = Shrinker.shrink(program, fibers::smaller,
                p -> p.toString().contains("two"), 100);
        assertThat(shrunk.smallest()).containsExactly(new Log("two"));
    }

    @Test
    void noSmallerProgramHasAnEmptyBlock() {
        List<FiberInstruction> program = List.of(new Spawn(List.of(new Spawn(List.of(new Yield())))));
        assertThat(fibers.smaller(program)).isNotEmpty()
                .allSatisfy(smaller -> assertThat(smaller.toString()).doesNotContain("body=[]"));
    }
}
