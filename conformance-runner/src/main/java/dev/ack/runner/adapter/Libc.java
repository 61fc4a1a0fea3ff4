package dev.ack.runner.adapter;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The libc calls the kit needs to own its adapters' processes, bound with JNA's direct mapping.
 * Each returns -1 on failure; the callers only need to know whether a call worked.
 */
final class Libc {
    static {
        Native.register(Libc.class, Platform.C_LIBRARY_NAME);
    }

    static final int SIGKILL = 9;
    static final int SIGCONT = 18;
    static final int SIGSTOP = 19;
    /** prctl option: orphaned descendants are re-parented to this process instead of init. */
    static final int PR_SET_CHILD_SUBREAPER = 36;
    static final int WNOHANG = 1;

    private Libc() {}

    static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    /** A negative pid signals the whole process group {@code -pid}. */
    static native int kill(int pid, int signal);

    static native int waitpid(int pid, int[] status, int options);
}
