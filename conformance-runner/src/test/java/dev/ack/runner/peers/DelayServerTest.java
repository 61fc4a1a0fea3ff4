package dev.ack.runner.peers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class DelayServerTest {
    private DelayServer server;

    @BeforeEach
    void start() throws IOException {
        server = DelayServer.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What a client saw: the raw response up to end of stream, and when it ended (ns since the request). */
    private record Response(String text, long tookNanos) {
        String statusLine() { return text.substring(0, text.indexOf("\r\n")); }

        String headers() { return text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase(); }

        String body() { return text.substring(text.indexOf("\r\n\r\n") + 4); }
    }

    /** Sends a request the way the book's clients do and reads until the server closes. */
    private Response request(String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
            for (String header : headers) request.append(header).append("\r\n");
            long start = System.nanoTime();
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(text, System.nanoTime() - start);
        }
    }

    @Test
    void answersAfterTheDelayWithTheDecodedMessageThenCloses() throws IOException {
        Response response = request("GET /150/hello%20world HTTP/1.1", "Connection: close");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.headers())
                .contains("content-type: text/plain; charset=utf-8")
                .contains("connection: close")
                .contains("content-length: 11");
        assertThat(response.body()).isEqualTo("hello world");
        assertThat(response.tookNanos()).isGreaterThanOrEqualTo(140_000_000L);
    }

    @Test
    void closesTheConnectionEvenWhenTheClientDoesNotAskForIt() throws IOException {
        Response response = request("GET /0/keep HTTP/1.1");

        assertThat(response.body()).isEqualTo("keep");
    }

    @Test
    void keepsAPlusSignAsItIs() throws IOException {
        assertThat(request("GET /0/a+b HTTP/1.1").body()).isEqualTo("a+b");
    }

    @Test
    void countsTheRequestsItHoldsAtOnceNotTheRequestsInAll() throws Exception {
        // each request once the one before is counted as answered, and so no longer held
        request("GET /0/first HTTP/1.1");
        assertThat(server.awaitResponseAfter(0, Duration.ofSeconds(10))).isTrue();
        request("GET /0/second HTTP/1.1");
        assertThat(server.awaitResponseAfter(1, Duration.ofSeconds(10))).isTrue();
        assertThat(server.peakConcurrentRequests()).isEqualTo(1);

        // held until the server closes after the test: "during" comes while it waits, however slow the machine
        CompletableFuture.runAsync(() -> {
            try {
                request("GET /60000/held HTTP/1.1");
            } catch (IOException e) {
                // the server closed first
            }
        });
        assertThat(server.awaitMessages(messages -> messages.contains("held"), Duration.ofSeconds(5))).isTrue();
        request("GET /0/during HTTP/1.1");
        assertThat(server.peakConcurrentRequests()).isEqualTo(2);
    }

    @Test
    void aShortDelayIsNotHeldUpByALongerOneBeforeIt() {
        long start = System.nanoTime();
        CompletableFuture<Long> slow = finishTime("GET /600/slow HTTP/1.1", start);
        CompletableFuture<Long> fast = finishTime("GET /200/fast HTTP/1.1", start);

        assertThat(fast.join()).isLessThan(slow.join());
        assertThat(slow.join()).as("both together take about the longest delay, not the sum")
                .isLessThan(800_000_000L);
    }

    private CompletableFuture<Long> finishTime(String requestLine, long start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                request(requestLine);
                return System.nanoTime() - start;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, Thread::startVirtualThread);
    }

    @Test
    void aSplitResponseIsTheWholeBodyWrittenInPiecesWithPausesBetween() throws IOException, InterruptedException {
        String message = "0123456789".repeat(5);
        Response response = request("GET /0/" + message + "/split/5 HTTP/1.1");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.headers()).contains("content-length: 50");
        assertThat(response.body()).isEqualTo(message);
        // the server records a response once its handler is done, which may be after the client read it all
        assertThat(server.awaitResponseAfter(0, Duration.ofSeconds(10))).as("the response recorded").isTrue();
        DelayServer.Sent sent = server.sent().getFirst();
        assertThat(sent.message()).isEqualTo(message);
        assertThat(sent.endNanos() - sent.startNanos()).as("ten pieces, nine pauses of 2 ms").isGreaterThanOrEqualTo(18_000_000L);
        assertThat(server.messages()).containsExactly(message);
    }

    @Test
    void answersOtherPathsAndMethodsWith404() throws IOException {
        assertThat(request("GET /abc/hello HTTP/1.1").statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(request("GET /100 HTTP/1.1").statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(request("GET /100/a/b HTTP/1.1").statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(request("GET /100/a/split/0 HTTP/1.1").statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(request("POST /100/hello HTTP/1.1", "Content-Length: 0").statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(server.log()).isEmpty();
    }

    @Test
    void answersThePathWithoutItsQuery() throws IOException {
        assertThat(request("GET /0/hello?from=test HTTP/1.1").body()).isEqualTo("hello");
    }

    @Test
    void answersARequestWhoseHeadIsWrittenInPieces() throws IOException {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true); // each piece a segment of its own
            for (String piece : new String[] {"GET /0/pie", "ces HTTP/1.1\r\nHost: local", "host\r\n\r", "\n"}) {
                socket.getOutputStream().write(piece.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\npieces");
        }
    }

    @Test
    void logsEachRequestOnArrivalNumberedFromOne() throws IOException {
        request("GET /20/first%20one HTTP/1.1");
        request("GET /0/second HTTP/1.1");

        assertThat(server.log()).containsExactly("#1 - 20ms: first one", "#2 - 0ms: second");
    }

    @Test
    void keepsTheMessagesOfTheRequestsInArrivalOrder() throws IOException {
        request("GET /0/first%20one HTTP/1.1");
        request("GET /0/second HTTP/1.1");
        request("GET /abc/not-a-request HTTP/1.1");

        assertThat(server.messages()).containsExactly("first one", "second");
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }
}
