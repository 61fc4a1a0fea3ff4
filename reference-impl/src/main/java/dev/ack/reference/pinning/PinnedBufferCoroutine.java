package dev.ack.reference.pinning;

/** The buffer coroutine with its pin marker, as {@code ch09/e-coroutines-pin} has it: executors must not move it. */
public class PinnedBufferCoroutine extends BufferCoroutine implements NotMovable {
    /**
     * A coroutine that will wait twice; nothing runs before its first poll.
     *
     * @param heap   where its state lives
     * @param first  what the first wait delivers
     * @param second what the second wait delivers
     */
    public PinnedBufferCoroutine(NativeHeap heap, String first, String second) {
        super(heap, first, second);
    }
}
