package dev.ack.runner.steps.pinning;

import dev.ack.protocol.pinning.PinningOps.Executor;
import dev.ack.protocol.pinning.PinningOps.Field;
import dev.ack.protocol.pinning.PinningOps.Pinning;
import io.cucumber.java.ParameterType;

/** The words of the pinning features that stand for values: how a value is pinned, a field, an executor. */
public class PinningParameterTypes {

    /** "pinned on the heap", "pinned in a scope" or "not pinned". */
    @ParameterType("pinned on the heap|pinned in a scope|not pinned")
    public Pinning pinning(String words) {
        return switch (words) {
            case "pinned on the heap" -> Pinning.HEAP;
            case "pinned in a scope" -> Pinning.SCOPE;
            default -> Pinning.NONE;
        };
    }

    /** "inner" (the self-referential part) or "label" (the plain field). */
    @ParameterType("inner|label")
    public Field field(String word) {
        return word.equals("inner") ? Field.INNER : Field.LABEL;
    }

    /** "boxing" or "shortcut". */
    @ParameterType("boxing|shortcut")
    public Executor executor(String word) {
        return word.equals("boxing") ? Executor.BOXING : Executor.SHORTCUT;
    }
}
