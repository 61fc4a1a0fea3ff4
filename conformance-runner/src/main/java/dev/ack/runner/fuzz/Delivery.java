package dev.ack.runner.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * When what a peer did has reached the adapter's end of a source, as the kernel shows it in
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (Linux): the adapter's socket, found by its port and
 * its peer's, has every byte the peer sent and the adapter has not read in its receive queue, and after
 * the peer's close it is in state CLOSE_WAIT (the peer's FIN arrived, after all its data).
 * <p>
 * On Linux loopback a peer's write usually reaches the other socket before the write returns (the
 * loopback device hands the packet on in the same system call: 20 000 writes of 3 bytes out of 20 000
 * had, checked with FIONREAD at once), but the kernel promises nothing: on a busy machine it may leave
 * that work to its softirq thread. So the runner does not count on it; it waits for the
 * kernel to say so. Once it has, the readiness of the source is settled: epoll's ready list already has
 * every wake-up the data and the close cause, so a poll made now sees all of them.
 */
final class Delivery {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final int CLOSE_WAIT = 0x08;
    private static final long PAUSE_NANOS = 200_000;
    private static final Pattern FIELDS = Pattern.compile("\\s+");

    private Delivery() {}

    /** A socket as the kernel lists it: its TCP state and how many received bytes wait in it. */
    private record Socket(int state, long queued) {}

    /** Whether this machine shows its TCP sockets where {@link #await} looks for them. */
    static boolean observable() {
        return Files.isReadable(TABLES.getFirst());
    }

    /**
     * Waits until the socket on {@code localPort} connected to {@code remotePort} has {@code unread}
     * bytes in its receive queue and, when {@code closed}, has received the peer's end of stream.
     *
     * @throws AssertionError when it has not within {@code patience}
     */
    static void await(int localPort, int remotePort, int unread, boolean closed, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<Socket> seen = Optional.empty();
        while (System.nanoTime() < deadline) {
            seen = socket(localPort, remotePort);
            if (seen.isPresent() && (closed ? seen.get().state() == CLOSE_WAIT : seen.get().queued() == unread)) return;
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        throw new AssertionError("the adapter's end of the source on port " + localPort + " did not show "
                + (closed ? "the peer's end of stream" : unread + " unread bytes") + " within " + patience.toMillis() + " ms; the kernel showed "
                + seen.map(s -> "state " + s.state() + " with " + s.queued() + " bytes queued").orElse("no such socket"));
    }

    /** The state and receive-queue length of the socket, if the kernel lists it. */
    private static Optional<Socket> socket(int localPort, int remotePort) {
        for (Path table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                if (table == TABLES.getFirst()) throw new UncheckedIOException(e);
                continue; // no IPv6 on this machine
            }
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue ...; addresses as HEXADDR:HEXPORT
                String[] fields = FIELDS.split(line.trim());
                if (port(fields[1]) == localPort && port(fields[2]) == remotePort) {
                    return Optional.of(new Socket(Integer.parseInt(fields[3], 16), Long.parseLong(fields[4].split(":")[1], 16)));
                }
            }
        }
        return Optional.empty();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
