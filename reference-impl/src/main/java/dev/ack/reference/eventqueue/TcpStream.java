package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import dev.ack.reference.eventqueue.sys.Fd;
import dev.ack.reference.eventqueue.sys.Sockets;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * A non-blocking TCP connection, the source the book's chapter 4 registers. Reads and writes never
 * wait: when there is nothing to read or no room to write they fail with {@link Reason#WOULD_BLOCK},
 * and the caller waits for the next event instead.
 */
public final class TcpStream implements Source, AutoCloseable {
    /** -1 once closed, so that later use fails with EBADF instead of reaching a reused fd number. */
    private volatile int fd;

    private TcpStream(int fd) {
        this.fd = fd;
    }

    /**
     * Connects (this call blocks until the connection is made), then makes the stream non-blocking.
     *
     * @param address an IPv4 address and port
     * @return the connected stream
     * @throws EventQueueException {@code INVALID_ARGUMENT} for an address that is not IPv4, {@code IO} when
     *         the address does not resolve or the connection fails
     */
    public static TcpStream connect(InetSocketAddress address) throws EventQueueException {
        if (address.isUnresolved()) {
            throw new EventQueueException(Reason.IO, "cannot resolve " + address.getHostString());
        }
        if (!(address.getAddress() instanceof Inet4Address ipv4)) {
            throw new EventQueueException(Reason.INVALID_ARGUMENT, "only IPv4 addresses are supported: " + address);
        }
        return new TcpStream(Sockets.connect(ipv4.getAddress(), address.getPort()));
    }

    /**
     * Reads at most {@code buffer.length} bytes into {@code buffer}.
     *
     * @param buffer where the bytes go
     * @return how many bytes were read, 0 at end of file
     * @throws EventQueueException {@code WOULD_BLOCK} when nothing is there to read now
     */
    public int read(byte[] buffer) throws EventQueueException {
        return Sockets.receive(fd, buffer);
    }

    /**
     * Writes {@code data} once.
     *
     * @param data the bytes to write
     * @return how many bytes were taken, possibly fewer than all
     * @throws EventQueueException {@code WOULD_BLOCK} when there is no room to write now
     */
    public int write(byte[] data) throws EventQueueException {
        return Sockets.send(fd, data);
    }

    @Override
    public int rawFd() {
        return fd;
    }

    /** Closes the connection; closing also removes it from every poll it was registered with. */
    @Override
    public void close() {
        if (fd < 0) return;
        Fd.close(fd);
        fd = -1;
    }
}
