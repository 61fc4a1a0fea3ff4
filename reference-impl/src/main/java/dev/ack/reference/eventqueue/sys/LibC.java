package dev.ack.reference.eventqueue.sys;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc functions the event queue calls, bound with JNA's direct mapping: each call goes straight
 * into libc, without the proxy and argument conversion of interface mapping (about twice as fast).
 * Every function returns -1 and sets errno on failure; {@link Errno} reads it right after the call.
 * On 64-bit Linux {@code size_t} and {@code ssize_t} are Java {@code long}s.
 */
final class LibC {
    static {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {}

    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epfd, int op, int fd, byte[] event);

    static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMs);

    static native int eventfd(int initialValue, int flags);

    /** Only used on eventfds, whose reads and writes move one 8-byte counter. */
    static native long read(int fd, long[] counter, long count);

    static native long write(int fd, long[] counter, long count);

    static native int close(int fd);

    static native int socket(int domain, int type, int protocol);

    static native int connect(int fd, byte[] address, int addressLength);

    static native int fcntl(int fd, int command, int argument);

    static native long recv(int fd, byte[] buffer, long length, int flags);

    static native long send(int fd, byte[] buffer, long length, int flags);

    static native String strerrorname_np(int errno);

    static native String strerror(int errno);
}
