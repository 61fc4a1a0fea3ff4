package dev.ack.reference.pinning;

import java.util.ArrayList;
import java.util.List;

/**
 * A value in a block of native memory, named by its current place. A move copies its bytes to a new
 * block and keeps the old block as a stale copy until the value is dropped, so that an address that
 * still points there reads the old bytes instead of freed memory (the stack slot of a moved Rust value
 * stays until its function returns). While a {@link Pin} holds it, a value that is {@link NotMovable}
 * refuses every move.
 */
public abstract class NativeValue implements AutoCloseable {
    private final NativeHeap heap;
    private final long size;
    private final List<Long> stale = new ArrayList<>();
    private long place;
    private boolean pinned;
    private boolean dropped;

    /**
     * A new value of {@code size} zeroed bytes.
     *
     * @param heap where its blocks come from
     * @param size how many bytes it has
     */
    protected NativeValue(NativeHeap heap, long size) {
        this.heap = heap;
        this.size = size;
        this.place = heap.allocate(size);
    }

    /** {@return the address of the value's current place} */
    public final long address() {
        return place;
    }

    /** {@return whether the value may be moved while pinned: it is not marked {@link NotMovable}} */
    public final boolean movable() {
        return !(this instanceof NotMovable);
    }

    /** {@return whether a pin holds the value now} */
    public final boolean pinned() {
        return pinned;
    }

    /**
     * Moves the value to a new place: a byte-for-byte copy, so any address inside it still names the old place.
     *
     * @return the new address
     * @throws MoveRefusedException when the value is pinned and not movable
     */
    public final long move() {
        refuseIfPinned("move");
        return relocate();
    }

    /**
     * Swaps the bytes of this value and {@code other} in place, as {@code std::mem::swap} does.
     *
     * @param other the other value, of the same size
     * @throws MoveRefusedException when either is pinned and not movable
     */
    public final void swapWith(NativeValue other) {
        refuseIfPinned("swap");
        other.refuseIfPinned("swap");
        swapBytes(other);
    }

    /**
     * The seam of a swap: exchanges the two values' bytes, byte for byte. Rust's swap adjusts nothing;
     * a swap that fixed up addresses would hide the broken self-reference the chapter shows.
     *
     * @param other the other value
     */
    protected void swapBytes(NativeValue other) {
        long scratch = heap.allocate(size);
        try {
            NativeHeap.copy(place, scratch, size);
            NativeHeap.copy(other.place, place, size);
            NativeHeap.copy(scratch, other.place, size);
        } finally {
            heap.free(scratch);
        }
    }

    /**
     * The seam of every refusal: whether the pin forbids moving this value now.
     *
     * @return true while the value is pinned and not movable
     */
    protected boolean pinForbidsMove() {
        return pinned && !movable();
    }

    /**
     * Refuses what would move the value while its pin forbids it.
     *
     * @param what the refused operation, for the message
     * @throws MoveRefusedException when the pin forbids it
     */
    protected final void refuseIfPinned(String what) {
        if (pinForbidsMove()) {
            throw new MoveRefusedException(what + " of a pinned " + getClass().getSimpleName() + " at 0x"
                    + Long.toHexString(place) + ", which is not movable");
        }
    }

    /** The move itself, checked or not: copy to a new block, keep the old one as a stale copy. */
    final long relocate() {
        long target = heap.allocate(size);
        NativeHeap.copy(place, target, size);
        stale.add(place);
        place = target;
        return target;
    }

    final void pin(boolean on) {
        pinned = on;
    }

    /**
     * The 64-bit integer at {@code offset} in the value's current place.
     *
     * @param offset the field's offset
     * @return the integer
     */
    protected final long field(long offset) {
        return NativeHeap.read(place + offset);
    }

    /**
     * Writes the 64-bit field at {@code offset} of the value's current place.
     *
     * @param offset the field's offset
     * @param value  what to write
     */
    protected final void setField(long offset, long value) {
        NativeHeap.write(place + offset, value);
    }

    /** The heap the value's blocks come from. */
    final NativeHeap heap() {
        return heap;
    }

    /** Drops the value: frees its place and every stale copy it left. Dropping twice does nothing. */
    @Override
    public void close() {
        if (dropped) return;
        dropped = true;
        pinned = false;
        heap.free(place);
        stale.forEach(heap::free);
        stale.clear();
    }
}
