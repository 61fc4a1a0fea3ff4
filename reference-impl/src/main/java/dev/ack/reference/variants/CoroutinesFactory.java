package dev.ack.reference.variants;

import dev.ack.reference.coroutines.Environment;
import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.StateMachine;
import java.util.List;

/** How the adapter makes the coroutines' objects (chapter 7). Each method makes the reference's; a variant overrides one. */
public interface CoroutinesFactory {
    /** The reference's coroutines. */
    CoroutinesFactory REFERENCE = new CoroutinesFactory() {};

    /**
     * A new coroutine ({@code co.create}, and the root of {@code wk.block_on}).
     *
     * @param program its instructions
     * @param environment where it runs
     * @return the coroutine, not polled yet
     */
    default StateMachine coroutine(List<Instruction> program, Environment environment) {
        return new StateMachine(program, environment);
    }

    /**
     * The manual leaves of a session.
     *
     * @return leaves, none made ready yet
     */
    default ManualLeaves leaves() {
        return new ManualLeaves();
    }
}
