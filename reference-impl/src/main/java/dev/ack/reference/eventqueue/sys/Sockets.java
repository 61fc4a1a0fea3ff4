package dev.ack.reference.eventqueue.sys;

import dev.ack.reference.eventqueue.EventQueueException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TCP sockets made directly with socket()/connect(), so the descriptor is ours to register with
 * epoll (a java.nio channel hides its fd).
 */
public final class Sockets {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOCKADDR_IN_SIZE = 16;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 0x800;
    /** Writing to a connection the peer reset returns EPIPE instead of raising SIGPIPE. */
    private static final int MSG_NOSIGNAL = 0x4000;

    private Sockets() {}

    /**
     * Connects to an IPv4 address (4 bytes, network order) with a blocking connect, as the book does,
     * then switches the socket to non-blocking for everything after.
     *
     * @param ipv4 the address, 4 bytes in network order
     * @param port the port
     * @return the connected socket's descriptor
     * @throws EventQueueException when the connection is refused or fails ({@code IO}, naming the errno)
     */
    public static int connect(byte[] ipv4, int port) throws EventQueueException {
        int fd = LibC.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) throw Errno.lastError("socket");
        try {
            if (LibC.connect(fd, sockaddrIn(ipv4, port), SOCKADDR_IN_SIZE) < 0) throw Errno.lastError("connect");
            setNonBlocking(fd);
            return fd;
        } catch (EventQueueException e) {
            Fd.close(fd);
            throw e;
        }
    }

    /** {@code struct sockaddr_in}: family in host order, port and address in network order, zero padding. */
    private static byte[] sockaddrIn(byte[] ipv4, int port) {
        ByteBuffer address = ByteBuffer.allocate(SOCKADDR_IN_SIZE);
        address.order(ByteOrder.nativeOrder()).putShort((short) AF_INET);
        address.order(ByteOrder.BIG_ENDIAN).putShort((short) port).put(ipv4);
        return address.array();
    }

    private static void setNonBlocking(int fd) throws EventQueueException {
        int flags = LibC.fcntl(fd, F_GETFL, 0);
        if (flags < 0 || LibC.fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) throw Errno.lastError("fcntl");
    }

    /**
     * One recv of at most {@code buffer.length} bytes.
     *
     * @param fd the socket
     * @param buffer where the bytes go
     * @return how many bytes were read; 0 means the peer closed its side (end of file)
     * @throws EventQueueException {@code WOULD_BLOCK} when nothing is there to read now
     */
    public static int receive(int fd, byte[] buffer) throws EventQueueException {
        long count = LibC.recv(fd, buffer, buffer.length, 0);
        if (count < 0) throw Errno.lastError("recv(fd " + fd + ")");
        return (int) count;
    }

    /**
     * One send of {@code data}.
     *
     * @param fd the socket
     * @param data the bytes to send
     * @return how many bytes the kernel took, possibly fewer than all
     * @throws EventQueueException {@code WOULD_BLOCK} when there is no room to send now
     */
    public static int send(int fd, byte[] data) throws EventQueueException {
        long count = LibC.send(fd, data, data.length, MSG_NOSIGNAL);
        if (count < 0) throw Errno.lastError("send(fd " + fd + ")");
        return (int) count;
    }
}
