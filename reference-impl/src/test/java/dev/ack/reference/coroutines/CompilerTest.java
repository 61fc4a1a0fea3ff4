package dev.ack.reference.coroutines;

import static dev.ack.reference.coroutines.Programs.create;
import static dev.ack.reference.coroutines.Programs.joinAll;
import static dev.ack.reference.coroutines.Programs.log;
import static dev.ack.reference.coroutines.Programs.program;
import static dev.ack.reference.coroutines.Programs.ret;
import static dev.ack.reference.coroutines.Programs.waitChild;
import static dev.ack.reference.coroutines.Programs.waitLeaf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiler cuts a program into one segment for Start and one per wait point, as corofy does. */
class CompilerTest {
    @Test
    void cutsTheProgramAtEveryWait() {
        List<Segment> segments = Compiler.compile(program(
                log("start"), waitLeaf("A", "a"),
                log("got {a}"), create("c", ret("c")), waitChild("c", "b"),
                joinAll("all"),
                ret("{a} {b}")));

        assertThat(segments).containsExactly(
                new Segment(List.of(log("start")), (Instruction.Exit) waitLeaf("A", "a")),
                new Segment(List.of(log("got {a}"), create("c", ret("c"))), (Instruction.Exit) waitChild("c", "b")),
                new Segment(List.of(), (Instruction.Exit) joinAll("all")),
                new Segment(List.of(), (Instruction.Exit) ret("{a} {b}")));
    }

    @Test
    void aProgramWithoutWaitsIsOneStateThatReturnsTheEmptyStringWithoutReturn() {
        assertThat(Compiler.compile(program(log("only"))))
                .containsExactly(new Segment(List.of(log("only")), new Instruction.Return("")));
        assertThat(Compiler.compile(program()))
                .containsExactly(new Segment(List.of(), new Instruction.Return("")));
    }

    @Test
    void codeAfterAReturnIsDropped() {
        assertThat(Compiler.compile(program(ret("early"), log("never"), waitLeaf("A", null))))
                .containsExactly(new Segment(List.of(), (Instruction.Exit) ret("early")));
    }
}
