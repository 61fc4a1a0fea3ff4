package dev.ack.reference.pinning;

/** The book's {@code MaybeSelfRef} with its pin marker: pinned, it refuses every move. */
public class MaybeSelfRef extends SelfRefValue implements NotMovable {
    /**
     * A value with {@code a} 0, {@code b} null and {@code label} 0, not movable once pinned.
     *
     * @param heap where its blocks come from
     */
    public MaybeSelfRef(NativeHeap heap) {
        super(heap);
    }
}
