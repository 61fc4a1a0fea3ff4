package dev.ack.reference.pinning;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.nio.charset.StandardCharsets;

/**
 * The book's self-referential coroutine ({@code ch09/b-coroutines-references}) without its pin marker,
 * as {@code ch09/c} has it: its state holds a buffer and a writer, a raw pointer to that buffer set at
 * the first poll; after each of its two waits it appends the response through the writer, and at its
 * end it reads the buffer from its own state. Moved after its first poll, its writer still points at
 * the old place, and its own buffer misses the responses.
 */
public class BufferCoroutine extends NativeCoroutine {
    private static final long STATE = 0;
    private static final long WRITER = 8;
    /** The buffer: its length, then its bytes. */
    private static final long BUFFER = 16;
    private static final long CAPACITY = 256;
    private static final String START = "\nBUFFER:\n----\n";

    private final String first;
    private final String second;
    private SelfWakingLeaf waiting;

    /**
     * A coroutine that will wait twice; nothing runs before its first poll.
     *
     * @param heap   where its state lives
     * @param first  what the first wait delivers
     * @param second what the second wait delivers
     */
    public BufferCoroutine(NativeHeap heap, String first, String second) {
        super(heap, BUFFER + 8 + CAPACITY);
        this.first = first;
        this.second = second;
    }

    @Override
    protected PollState<String> resume(Waker waker) {
        while (true) {
            switch ((int) field(STATE)) {
                case 0 -> {
                    setField(BUFFER, 0);
                    setField(WRITER, address() + BUFFER);
                    append(START);
                    waiting = new SelfWakingLeaf(first);
                    setField(STATE, 1);
                }
                case 1 -> {
                    if (!(waiting.poll(waker) instanceof PollState.Ready<String>(String response))) return PollState.pending();
                    append(response + "\n");
                    waiting = new SelfWakingLeaf(second);
                    setField(STATE, 2);
                }
                case 2 -> {
                    if (!(waiting.poll(waker) instanceof PollState.Ready<String>(String response))) return PollState.pending();
                    append(response + "\n");
                    setField(STATE, 3);
                    return PollState.ready(ownBuffer());
                }
                default -> throw new IllegalStateException("Polled a resolved future");
            }
        }
    }

    /** Appends through the writer, wherever it points: length first, then the bytes. */
    private void append(String text) {
        long writer = field(WRITER);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long length = NativeHeap.read(writer);
        if (length + bytes.length > CAPACITY) throw new IllegalStateException("the buffer holds " + CAPACITY + " bytes at most");
        NativeHeap.writeBytes(writer + 8 + length, bytes);
        NativeHeap.write(writer, length + bytes.length);
    }

    /** The buffer in the coroutine's own state, where it is now. */
    private String ownBuffer() {
        long length = field(BUFFER);
        return new String(NativeHeap.readBytes(address() + BUFFER + 8, (int) length), StandardCharsets.UTF_8);
    }
}
