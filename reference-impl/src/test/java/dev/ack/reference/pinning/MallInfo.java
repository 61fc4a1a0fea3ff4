package dev.ack.reference.pinning;

import com.sun.jna.Native;
import com.sun.jna.Structure;

/** glibc's {@code mallinfo2()}: how many bytes of the C heap are in use, to see that native memory is given back. */
final class MallInfo {
    static {
        Native.register("c");
    }

    private MallInfo() {}

    /** glibc's {@code struct mallinfo2}, ten {@code size_t}s. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"})
    public static final class Info extends Structure implements Structure.ByValue {
        public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    private static native Info mallinfo2();

    /** {@return the bytes allocated with malloc and not freed, in every arena} */
    static long bytesInUse() {
        Info info = mallinfo2();
        return info.uordblks + info.hblkhd;
    }
}
