package dev.ack.reference.pinning;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.util.ArrayList;
import java.util.List;

/** A coroutine whose state lives in native memory, which records its address at each poll so that a move shows. */
public abstract class NativeCoroutine extends NativeValue {
    private final List<Long> polls = new ArrayList<>();

    /**
     * A coroutine with {@code size} bytes of state.
     *
     * @param heap where its blocks come from
     * @param size the size of its state
     */
    protected NativeCoroutine(NativeHeap heap, long size) {
        super(heap, size);
    }

    /**
     * Polls once, where the coroutine is now.
     *
     * @param waker what to call when polling again can make progress
     * @return Ready with its value, or Pending
     */
    public final PollState<String> poll(Waker waker) {
        polls.add(address());
        return resume(waker);
    }

    /**
     * Runs the state machine from where it stopped.
     *
     * @param waker the poll's waker
     * @return Ready with its value, or Pending
     */
    protected abstract PollState<String> resume(Waker waker);

    /** {@return the coroutine's address at each of its polls, in order} */
    public final List<Long> polls() {
        return List.copyOf(polls);
    }
}
