package dev.ack.reference.pinning;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;

/**
 * A root coroutine that waits on one child, which it keeps pinned in its own box (the book's children
 * as {@code Pin<Box<dyn Future>>}, {@code ch09/e}). Its state holds only the child's address, not an
 * address into itself, so it is movable: an executor may move it after its first poll, and the child
 * stays where it is.
 */
public final class RootCoroutine extends NativeCoroutine {
    private static final long STATE = 0;
    private static final long CHILD = 8;

    private final Pin<? extends NativeCoroutine> child;

    /**
     * A root that will wait on {@code child}, pinning it where it is.
     *
     * @param heap  where its state lives
     * @param child the child, not polled yet, in its own block
     */
    public RootCoroutine(NativeHeap heap, NativeCoroutine child) {
        super(heap, 16);
        this.child = Pin.boxed(child);
    }

    @Override
    protected PollState<String> resume(Waker waker) {
        if (field(STATE) == 0) {
            setField(CHILD, child.get().address());
            setField(STATE, 1);
        }
        PollState<String> state = child.get().poll(waker);
        if (state instanceof PollState.Ready<String>) setField(STATE, 2);
        return state;
    }

    /** Drops the child with the root. */
    @Override
    public void close() {
        child.get().close();
        super.close();
    }
}
