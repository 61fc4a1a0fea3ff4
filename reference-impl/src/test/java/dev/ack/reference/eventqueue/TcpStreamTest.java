package dev.ack.reference.eventqueue;

import static dev.ack.reference.eventqueue.Checks.poll;
import static dev.ack.reference.eventqueue.Checks.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.eventqueue.Checks.Seen;
import dev.ack.reference.eventqueue.EventQueueException.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A non-blocking stream and the readiness epoll reports for it. */
class TcpStreamTest extends ConnectionFixture {
    private static final Token TOKEN = new Token(3);

    @Test
    void dataMakesTheStreamReadable() throws Exception {
        poll.registry().register(connection.stream(), TOKEN, Interest.READABLE, Mode.EDGE);
        connection.peerSends("hello é");

        assertThat(poll(poll, events, SOON)).containsExactly(new Seen(3, true, false, false));
        byte[] buffer = new byte[64];
        int count = connection.stream().read(buffer);
        assertThat(new String(buffer, 0, count, StandardCharsets.UTF_8)).isEqualTo("hello é");
    }

    @Test
    void peerCloseMakesTheStreamReadableAndReadsEndOfFile() throws Exception {
        poll.registry().register(connection.stream(), TOKEN, Interest.READABLE, Mode.EDGE);
        connection.peer().close();

        assertThat(poll(poll, events, SOON)).containsExactly(new Seen(3, true, false, true));
        assertThat(connection.stream().read(new byte[64])).isZero();
    }

    @Test
    void aFreshConnectionIsWritable() throws Exception {
        poll.registry().register(connection.stream(), TOKEN, Interest.WRITABLE, Mode.LEVEL);

        assertThat(poll(poll, events, SOON)).containsExactly(new Seen(3, false, true, false));
        assertThat(connection.stream().write("ping".getBytes(StandardCharsets.UTF_8))).isEqualTo(4);
        assertThat(connection.peer().getInputStream().readNBytes(4)).asString(StandardCharsets.UTF_8).isEqualTo("ping");
    }

    @Test
    void readingADrainedStreamWouldBlock() throws Exception {
        connection.peerSends("once");
        poll.registry().register(connection.stream(), TOKEN, Interest.READABLE, Mode.EDGE);
        poll.poll(events, SOON);

        assertThat(connection.stream().read(new byte[64])).isEqualTo(4);
        assertThat(reasonOf(() -> connection.stream().read(new byte[64]))).isEqualTo(Reason.WOULD_BLOCK);
    }

    @Test
    void writingIntoFullBuffersWouldBlock() throws Exception {
        byte[] chunk = new byte[1 << 16];
        Reason reason = reasonOf(() -> {
            while (true) connection.stream().write(chunk); // the peer never reads
        });

        assertThat(reason).isEqualTo(Reason.WOULD_BLOCK);
    }

    @Test
    void aClosedStreamIsAnInvalidArgument() {
        connection.stream().close();

        assertThat(reasonOf(() -> connection.stream().read(new byte[1]))).isEqualTo(Reason.INVALID_ARGUMENT);
    }

    @Test
    void aRefusedConnectionIsAnIoErrorNamedByErrno() throws Exception {
        int closedPort;
        try (ServerSocket gone = Connection.listener()) {
            closedPort = gone.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort);

        assertThat(reasonOf(() -> TcpStream.connect(nobody))).isEqualTo(Reason.IO);
    }
}
