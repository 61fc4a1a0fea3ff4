package dev.ack.reference.pinning;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.Map;
import java.util.TreeMap;

/**
 * Blocks of native memory ({@code malloc}/{@code free}) at real addresses, counted so that a caller can
 * see that everything it allocated was freed. Used by one thread at a time.
 */
public final class NativeHeap {
    /** Every block allocated and not freed: its address and its size. */
    private final TreeMap<Long, Long> blocks = new TreeMap<>();

    /** A heap with no block allocated yet. */
    public NativeHeap() {}

    /**
     * Allocates {@code bytes} bytes, zeroed.
     *
     * @param bytes the block's size
     * @return the block's address
     */
    public long allocate(long bytes) {
        long address = Native.malloc(bytes);
        if (address == 0) throw new OutOfMemoryError("malloc(" + bytes + ") failed");
        new Pointer(address).setMemory(0, bytes, (byte) 0);
        blocks.put(address, bytes);
        return address;
    }

    /**
     * Frees a block this heap allocated.
     *
     * @param address the block's address
     */
    public void free(long address) {
        blocks.remove(address);
        Native.free(address);
    }

    /** {@return how many blocks are allocated and not freed} */
    public long liveBlocks() {
        return blocks.size();
    }

    /**
     * Whether memory may be used there: a pointer into a block that was freed must not be followed.
     *
     * @param address the first byte
     * @param bytes   how many bytes from it
     * @return whether they lie inside one block that is allocated and not freed
     */
    public boolean holds(long address, long bytes) {
        Map.Entry<Long, Long> block = blocks.floorEntry(address);
        return block != null && address + bytes <= block.getKey() + block.getValue();
    }

    /**
     * The 64-bit integer at {@code address}.
     *
     * @param address where to read
     * @return the integer there
     */
    public static long read(long address) {
        return new Pointer(address).getLong(0);
    }

    /**
     * Writes a 64-bit integer at {@code address}.
     *
     * @param address where to write
     * @param value   what to write
     */
    public static void write(long address, long value) {
        new Pointer(address).setLong(0, value);
    }

    /**
     * Writes {@code bytes} at {@code address}.
     *
     * @param address where to write
     * @param bytes   what to write
     */
    public static void writeBytes(long address, byte[] bytes) {
        new Pointer(address).write(0, bytes, 0, bytes.length);
    }

    /**
     * The {@code count} bytes at {@code address}.
     *
     * @param address where to read
     * @param count   how many bytes
     * @return the bytes
     */
    public static byte[] readBytes(long address, int count) {
        return new Pointer(address).getByteArray(0, count);
    }

    /**
     * Copies {@code bytes} bytes, as a move does: byte for byte, nothing adjusted.
     *
     * @param from  the source block
     * @param to    the target block
     * @param bytes how many bytes
     */
    public static void copy(long from, long to, long bytes) {
        writeBytes(to, readBytes(from, (int) bytes));
    }
}
