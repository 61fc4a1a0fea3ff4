package dev.ack.reference.variants;

import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** How the adapter makes the fibers' objects (chapter 5). Each method makes the reference's; a variant overrides one. */
public interface FibersFactory {
    /** The reference's fibers. */
    FibersFactory REFERENCE = new FibersFactory() {};

    /**
     * A new fiber runtime ({@code fb.runtime_new}).
     *
     * @param slots as asked for, unchecked
     * @param stackSize as asked for, unchecked
     * @return the runtime
     * @throws FiberException as {@link FiberRuntime#FiberRuntime(int, long)}
     */
    default FiberRuntime runtime(int slots, long stackSize) throws FiberException {
        return new FiberRuntime(slots, stackSize);
    }

    /**
     * Where the programs of one run keep their locals, by name. The reference gives each program a
     * map of its own, held only by the adapter's interpreter frames on the program's stack: only the
     * fiber's stack keeps it across a switch.
     *
     * @return what gives each program of a run the map it keeps its locals in
     */
    default Supplier<Map<String, Long>> programLocals() {
        return HashMap::new;
    }
}
