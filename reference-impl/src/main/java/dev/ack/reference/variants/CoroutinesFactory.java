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

    default StateMachine coroutine(List<Instruction> program, Environment environment) {
        return new StateMachine(program, environment);
    }

    default ManualLeaves leaves() {
        return new ManualLeaves();
    }
}
