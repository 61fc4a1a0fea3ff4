package dev.ack.runner.peers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpPeerTest {
    /** How long the test waits for what should happen at once. */
    private static final Duration SOON = Duration.ofSeconds(5);

    private TcpPeer peer;
    private Socket adapterSide;

    @BeforeEach
    void listen() throws IOException {
        peer = TcpPeer.listen();
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        if (adapterSide != null) adapterSide.close();
    }

    private InputStream connect() throws IOException {
        adapterSide = new Socket(peer.host(), peer.port());
        adapterSide.setSoTimeout(5_000);
        peer.accept(SOON);
        return adapterSide.getInputStream();
    }

    @Test
    void listensOnLoopback() {
        assertThat(peer.host()).isEqualTo("127.0.0.1");
        assertThat(peer.port()).isPositive();
    }

    @Test
    void sendsTextAndClosingEndsTheStream() throws IOException {
        InputStream in = connect();

        peer.send("hello");
        peer.close();

        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void sendsLaterOnItsOwnThread() throws IOException {
        InputStream in = connect();
        long start = System.nanoTime();

        peer.sendAfter(Duration.ofMillis(150), "later");
        byte[] received = in.readNBytes(5);

        assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo("later");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(140_000_000L);
        assertThat(peer.delayedFailure()).isEmpty();
    }

    /** Waits for the failure itself, not for a while: the timer thread may run late on a busy machine. */
    @Test
    void keepsTheFailureOfADelayedSend() {
        peer.sendAfter(Duration.ZERO, "nobody is connected");

        long deadline = System.nanoTime() + SOON.toNanos();
        while (peer.delayedFailure().isEmpty()) {
            assertThat(System.nanoTime()).as("the delayed send has failed by now").isLessThan(deadline);
            Thread.yield();
        }
        assertThat(peer.delayedFailure()).get().extracting(Throwable::getMessage).asString()
                .contains("has not connected");
    }

    @Test
    void acceptGivesUpWhenNobodyConnects() {
        assertThatThrownBy(() -> peer.accept(Duration.ofMillis(50)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no connection");
    }
}
