package dev.ack.reference.variants;

import dev.ack.reference.pinning.BufferCoroutine;
import dev.ack.reference.pinning.Executor;
import dev.ack.reference.pinning.MaybeSelfRef;
import dev.ack.reference.pinning.NativeHeap;
import dev.ack.reference.pinning.PinnedBufferCoroutine;
import dev.ack.reference.pinning.SelfRefValue;
import dev.ack.reference.pinning.ShortcutExecutor;
import java.util.function.Function;

/** How the adapter makes the pinning area's objects (chapter 9). Each method makes the reference's; a variant overrides one. */
public interface PinningFactory {
    /** The reference's values and executors. */
    PinningFactory REFERENCE = new PinningFactory() {};

    /**
     * The reference's factory, except that values that are not movable are made by {@code notMovable}:
     * the shape of a variant whose pin (not the value) is wrong.
     *
     * @param notMovable makes a value that is not movable
     * @return the factory
     */
    static PinningFactory withNotMovable(Function<NativeHeap, MaybeSelfRef> notMovable) {
        return new PinningFactory() {
            @Override
            public SelfRefValue value(NativeHeap heap, boolean movable) {
                return movable ? REFERENCE.value(heap, true) : notMovable.apply(heap);
            }
        };
    }

    /**
     * A new value ({@code pn.new}).
     *
     * @param heap    where it lives
     * @param movable whether it is movable; otherwise it carries the pin marker
     * @return the value, not pinned yet
     */
    default SelfRefValue value(NativeHeap heap, boolean movable) {
        return movable ? new SelfRefValue(heap) : new MaybeSelfRef(heap);
    }

    /**
     * The book's buffer coroutine ({@code pn.run}).
     *
     * @param heap    where its state lives
     * @param first   what its first wait delivers
     * @param second  what its second wait delivers
     * @param movable whether it is marked movable (as {@code ch09/c} wrongly has it)
     * @return the coroutine, not polled yet
     */
    default BufferCoroutine bufferCoroutine(NativeHeap heap, String first, String second, boolean movable) {
        return movable ? new BufferCoroutine(heap, first, second) : new PinnedBufferCoroutine(heap, first, second);
    }

    /**
     * A new executor ({@code pn.run}).
     *
     * @param shortcut whether it has the "poll once, then move" shortcut of {@code ch09/c}
     * @return the executor
     */
    default Executor executor(boolean shortcut) {
        return shortcut ? new ShortcutExecutor() : new Executor();
    }
}
