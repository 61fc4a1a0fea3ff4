package dev.ack.runner.steps.fibers;

import dev.ack.protocol.Codec;
import dev.ack.protocol.fibers.FibersOps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The features' program lines become exactly the protocol's instructions, and a typo is named, not guessed at. */
class FiberProgramTest {

    /** Every form, blocks inside blocks. */
    private static final String PROGRAM = """
            spawn:
              let x = 7
              for i in 0..3:
                x += 1
                yield
              nested 50 frames deep:
                check x == 10
              log "fiber {id}: x = {x}"
            spin 1000 iterations
            exhaust the stack with 1024-byte frames
            """;

    @Test
    void everyFormAndNestedBlocksTranslate() throws Exception {
        // compared as text: the wire form is what counts, not Jackson's int or long nodes
        assertThat(Codec.toJson(new FibersOps.RunArgs(1, FiberProgram.parse(PROGRAM))).get("program").toString()).isEqualTo(Codec.JSON.readTree("""
                [{"do":"spawn","body":[
                   {"do":"set","var":"x","value":7},
                   {"do":"repeat","times":3,"var":"i","body":[{"do":"add","var":"x","value":1},{"do":"yield"}]},
                   {"do":"nested","depth":50,"body":[{"do":"check","var":"x","equals":10}]},
                   {"do":"log","text":"fiber {id}: x = {x}"}]},
                 {"do":"spin","iterations":1000},
                 {"do":"exhaust_stack","frame_bytes":1024}]
                """).toString());
    }

    @Test
    void aWrittenProgramReadsBackTheSame() {
        var program = FiberProgram.parse(PROGRAM);
        assertThat(FiberProgram.parse(FiberProgram.write(program))).isEqualTo(program);
    }

    @Test
    void aLineThatIsNoInstructionIsNamedWithItsNumber() {
        assertThatThrownBy(() -> FiberProgram.parse("yield\nsleep 5\n"))
                .hasMessageStartingWith("program line 2, `sleep 5`, is not an instruction");
    }

    @Test
    void aBlockWithoutBodyAndAStrayIndentAreErrors() {
        assertThatThrownBy(() -> FiberProgram.parse("spawn:\nyield\n")).hasMessageContaining("no lines are indented below it");
        assertThatThrownBy(() -> FiberProgram.parse("yield\n  yield\n")).hasMessageContaining("does not line up");
    }
}
