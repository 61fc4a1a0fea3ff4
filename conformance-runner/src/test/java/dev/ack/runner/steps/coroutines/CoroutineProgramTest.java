package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.Codec;
import dev.ack.protocol.coroutines.CoroutinesOps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coroutine programs of the features become exactly protocol.md §7's instructions; a typo is named. */
class CoroutineProgramTest {
    /** Every form, a child block among them. */
    private static final String PROGRAM = """
            log "Program starting"
            set greeting to "hi {x}"
            wait for leaf A into x
            create child c:
              wait for http "/300/HelloWorld1" into r
              return "{r}"
            wait for child c
            spawn child d:
              keep the waker as w
            spawn c
            poll c once, detached
            join all c, d and e into all
            join all into none
            yield now
            yield until the executor sleeps
            """;

    @Test
    void everyFormAndChildBlocksTranslate() throws Exception {
        CoroutineProgram program = CoroutineProgram.parse(PROGRAM, () -> 8080);
        assertThat(Codec.toJson(new CoroutinesOps.CreateArgs(program.instructions())).get("program").toString()).isEqualTo(Codec.JSON.readTree("""
                [{"do":"log","text":"Program starting"},
                 {"do":"set","var":"greeting","value":"hi {x}"},
                 {"do":"wait","leaf":{"kind":"manual","name":"A"},"into":"x"},
                 {"do":"create","name":"c","program":[
                   {"do":"wait","leaf":{"kind":"http","port":8080,"path":"/300/HelloWorld1"},"into":"r"},
                   {"do":"return","value":"{r}"}]},
                 {"do":"wait","child":"c"},
                 {"do":"create","name":"d","program":[{"do":"keep_waker","name":"w"}]},
                 {"do":"spawn","child":"d"},
                 {"do":"spawn","child":"c"},
                 {"do":"poll_detached","child":"c"},
                 {"do":"join_all","children":["c","d","e"],"into":"all"},
                 {"do":"join_all","children":[],"into":"none"},
                 {"do":"yield_now"},
                 {"do":"yield_until_sleep"}]
                """).toString());
        assertThat(program.httpDelays()).containsExactly(300L);
    }

    @Test
    void aWrittenProgramReadsBackTheSame() {
        var program = CoroutineProgram.parse(PROGRAM, () -> 8080).instructions();
        assertThat(CoroutineProgram.parse(CoroutineProgram.write(program), () -> 8080).instructions()).isEqualTo(program);
    }

    @Test
    void theDelayServerIsAskedForOnlyWhenAnHttpLeafNeedsIt() {
        CoroutineProgram.parse("wait for leaf A\n", () -> { throw new AssertionError("no http leaf, no delay server"); });
    }

    @Test
    void typosAndStrayIndentsAreNamed() {
        assertThatThrownBy(() -> CoroutineProgram.parse("log \"a\"\nwait on leaf A\n", () -> 1))
                .hasMessage("program line 2, `wait on leaf A`, is not a program instruction");
        assertThatThrownBy(() -> CoroutineProgram.parse("log \"a\"\n  log \"b\"\n", () -> 1)).hasMessageContaining("does not line up");
        assertThatThrownBy(() -> CoroutineProgram.parse("create child c:\nlog \"b\"\n", () -> 1))
                .hasMessageContaining("`create child c:`, opens a block, but no lines are indented below it");
    }
}
