package dev.ack.reference.eventqueue.sys;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A native array of {@code struct epoll_event} for epoll_wait to fill, allocated once and reused by
 * every wait, so polling allocates nothing per event.
 *
 * <p>The kernel declares the struct packed on x86-64: 12 bytes, the {@code u32} event bits at offset 0
 * and the {@code u64} user data right after them at offset 4. Other 64-bit architectures (aarch64)
 * align it naturally: 16 bytes, data at offset 8. Getting this wrong scrambles every token after the
 * first event (the book's issue #5), so it is decided here, once.
 */
public final class EpollEvents {
    private static final boolean PACKED = Platform.ARCH.equals("x86-64");
    private static final int STRIDE = PACKED ? 12 : 16;
    private static final int DATA_OFFSET = PACKED ? 4 : 8;

    private final Memory memory;
    private final int capacity;

    /**
     * A buffer of {@code capacity} entries.
     *
     * @param capacity how many events one wait can write at most
     */
    public EpollEvents(int capacity) {
        this.memory = new Memory((long) capacity * STRIDE);
        this.capacity = capacity;
    }

    /**
     * How many entries the buffer has.
     *
     * @return its capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The event bits (EPOLLIN, EPOLLOUT, ...) of entry {@code index}; {@link Epoll} interprets them.
     *
     * @param index the entry, from 0
     * @return its event bits
     */
    public int events(int index) {
        return memory.getInt((long) index * STRIDE);
    }

    /**
     * The user data of entry {@code index}: the 64 bits given to epoll_ctl, untouched.
     *
     * @param index the entry, from 0
     * @return its user data
     */
    public long data(int index) {
        return memory.getLong((long) index * STRIDE + DATA_OFFSET);
    }

    /** Where epoll_wait should start writing; entry 0 is the buffer itself (no extra object). */
    Pointer at(int index) {
        return index == 0 ? memory : memory.share((long) index * STRIDE);
    }

    /** One struct for epoll_ctl, as bytes: JNA copies a Java array to native memory for the call. */
    static byte[] single(int events, long data) {
        byte[] struct = new byte[STRIDE];
        ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder()).putInt(0, events).putLong(DATA_OFFSET, data);
        return struct;
    }
}
