package dev.ack.reference.pinning;

/**
 * The book's {@code MaybeSelfRef} ({@code ch09/d-pin}) without its pin marker, so movable: a field
 * {@code a}, a raw pointer {@code b} that {@link #init()} points at the value's own {@code a}, and a
 * plain field {@code label} that nothing points into. Three 64-bit fields in native memory.
 */
public class SelfRefValue extends NativeValue {
    /** A value's size: three 64-bit fields. */
    public static final long BYTES = 24;
    private static final long A = 0;
    private static final long B = 8;
    private static final long LABEL = 16;

    /**
     * A value with {@code a} 0, {@code b} null and {@code label} 0.
     *
     * @param heap where its blocks come from
     */
    public SelfRefValue(NativeHeap heap) {
        super(heap, BYTES);
    }

    /** The book's {@code init}: {@code b} = the address of this value's own {@code a}, where it is now. */
    public void init() {
        setField(B, aAddress());
    }

    /** {@return field {@code a}} */
    public long a() {
        return field(A);
    }

    /** {@return the address of field {@code a} in the current place} */
    public long aAddress() {
        return address() + A;
    }

    /** {@return where {@code b} points; 0 when it is null} */
    public long b() {
        return field(B);
    }

    /** {@return the plain field} */
    public long label() {
        return field(LABEL);
    }

    /**
     * Writes through {@code b}, wherever it points (the book's {@code *x.b().unwrap() = 2}).
     *
     * @param value what to write
     * @throws IllegalStateException when {@code b} is null
     */
    public void writeThroughB(long value) {
        long target = b();
        if (target == 0) throw new IllegalStateException("b is null: the value was not initialised");
        NativeHeap.write(target, value);
    }

    /**
     * Sets the plain field: pin projection exposes it as a plain reference, so this is allowed pinned or not.
     *
     * @param value the new label
     */
    public void setLabel(long value) {
        setField(LABEL, value);
    }

    /**
     * Replaces the self-referential part ({@code a} and {@code b}) with a fresh one: a move of that part,
     * which pin projection exposes pinned.
     *
     * @param a the new {@code a}; {@code b} becomes null
     * @throws MoveRefusedException when the value is pinned and not movable
     */
    public void replaceInner(long a) {
        refuseIfPinned("replace of the pinned part");
        setField(A, a);
        setField(B, 0);
    }
}
