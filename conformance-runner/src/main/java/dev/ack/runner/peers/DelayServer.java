package dev.ack.runner.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's delay server (digest §1): {@code GET /<ms>/<message>} is answered after {@code <ms>}
 * milliseconds with {@code 200 OK}, {@code text/plain; charset=utf-8} and the decoded message as the
 * body, then the connection is closed. Every request waits on its own virtual thread, so a long delay
 * never holds up a short one. Each request is logged on arrival as {@code #<n> - <ms>ms: <message>};
 * a scenario can wait for a request or a response to happen instead of pausing for a while. Bound to
 * loopback only, on a free port unless the run names one ({@code --delay-server-port}).
 * <p>
 * {@code GET /<ms>/<message>/split/<n>} is the same request answered in pieces: the body is written
 * {@code <n>} bytes at a time, each flushed on its own with a pause between, so that a client reads
 * the response in many small reads (RT-13). The headers go in one write before the first piece.
 * <p>
 * It speaks just the HTTP/1.1 its clients need: a request line and headers (a body is never read),
 * one response, then close. One platform thread does nothing but accept, one connection after the
 * other as fast as the kernel hands them over, and gives each to a virtual thread. (It was the JDK's
 * {@code HttpServer}, whose one dispatcher thread accepts a single connection per turn of its selector
 * and whose exchanges cost about 0.4 ms of CPU each on a cold JVM: a thousand clients connecting at
 * once, as in C10K, waited a second or more for the server before their delays even began.)
 * <p>
 * A fixed port serves one scenario at a time: scenarios that run side by side ({@code --jobs}) take turns
 * at it, each waiting in {@link #start} until the server before it is closed.
 */
public final class DelayServer implements AutoCloseable {
    private static final Pattern ROUTE = Pattern.compile("/(\\d{1,18})/([^/]+)(?:/split/([1-9]\\d{0,8}))?");
    /** The pause between two pieces of a split response: long enough for each to be a read of its own. */
    private static final Duration SPLIT_PAUSE = Duration.ofMillis(2);
    /**
     * The kernel's queue of connections not yet accepted: more than a scenario opens at once (RT-11's
     * hundred). A connect that finds it full waits a second for a SYN retry, and where the connect
     * blocks the executor (the book's {@code Http::get}) every request after it is a second late.
     */
    private static final int BACKLOG = 1024;
    /** The longest request line and headers read; the book's requests are under a hundred bytes. */
    private static final int MAX_REQUEST_HEAD = 8192;
    private static final byte[] NOT_FOUND =
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Each fixed port's turn: held from a server's start on that port to its close. */
    private static final Map<Integer, Semaphore> FIXED_PORTS = new ConcurrentHashMap<>();

    private final ServerSocket listener;
    /** The fixed port's turn this server holds, or null on a free port. */
    private final Semaphore turn;
    private boolean closed;
    /** The scenario that started this server: its requests' delays are that scenario's waits. */
    private final DeliberateWaits waits = DeliberateWaits.ofThisScenario();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    /** Guards the log and the counts; waiters are notified on every change. */
    private final Object monitor = new Object();
    private final List<String> log = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private long responses;
    /** Requests being answered now (arrived, response not yet closed), and the most there ever were at once. */
    private int open;
    private int peakOpen;

    /**
     * One response, with when it became available to the client: its writing began at {@code startNanos}
     * and its connection was closed at {@code endNanos} ({@link System#nanoTime()}).
     */
    public record Sent(String message, long startNanos, long endNanos) {
        /** Whether this response was whole and closed before {@code other}'s writing began. */
        public boolean before(Sent other) { return endNanos < other.startNanos; }
    }

    private DelayServer(ServerSocket listener, Semaphore turn) {
        this.listener = listener;
        this.turn = turn;
    }

    /**
     * Starts a server on loopback port {@code port}, or on a free one if {@code port} is 0.
     *
     * @throws java.net.BindException if another program holds {@code port}
     */
    public static DelayServer start(int port) throws IOException {
        return start(port, BACKLOG);
    }

    /**
     * Starts a server as {@link #start(int)} does, whose kernel queue holds {@code backlog} connections
     * not yet accepted (capped by {@code net.core.somaxconn}). A connect that finds it full waits for a
     * SYN retry, a second or more: thousands of clients connecting at once need a long queue (C10K).
     *
     * @throws java.net.BindException if another program holds {@code port}
     */
    public static DelayServer start(int port, int backlog) throws IOException {
        Semaphore turn = port == 0 ? null : FIXED_PORTS.computeIfAbsent(port, p -> new Semaphore(1));
        if (turn != null) turn.acquireUninterruptibly();
        ServerSocket listener;
        try {
            listener = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
        } catch (IOException | RuntimeException e) {
            if (turn != null) turn.release();
            throw e;
        }
        DelayServer delayServer = new DelayServer(listener, turn);
        Thread.ofPlatform().daemon().name("delay-server-accept-" + listener.getLocalPort()).start(delayServer::acceptAll);
        return delayServer;
    }

    public String host() { return listener.getInetAddress().getHostAddress(); }

    public int port() { return listener.getLocalPort(); }

    /** The log lines so far, in arrival order. */
    public List<String> log() {
        synchronized (monitor) { return List.copyOf(log); }
    }

    /** The decoded messages of the requests so far, in arrival order: the log without numbers and delays. */
    public List<String> messages() {
        synchronized (monitor) { return List.copyOf(messages); }
    }

    /**
     * Waits until the messages received so far satisfy {@code condition}, for at most {@code timeout};
     * returns at once when they do.
     *
     * @return whether they did
     */
    public boolean awaitMessages(Predicate<List<String>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.test(messages)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    /** How many responses the server has finished sending so far. */
    public long responses() {
        synchronized (monitor) { return responses; }
    }

    /**
     * Waits until more than {@code seen} responses are finished, for at most {@code timeout}.
     *
     * @return whether one more was
     */
    public boolean awaitResponseAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (responses <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    /**
     * The most requests this server was answering at once so far: each counts from its handler's start
     * to its connection's close (the C10K benchmark reads it).
     */
    public int peakConcurrentRequests() {
        synchronized (monitor) { return peakOpen; }
    }

    /** The responses so far, in the order their connections were closed. */
    public List<Sent> sent() {
        synchronized (monitor) { return List.copyOf(sent); }
    }

    /** The accept thread: every connection to a virtual thread of its own, until the server closes. */
    private void acceptAll() {
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                handlers.execute(() -> handle(connection));
            } catch (RejectedExecutionException e) {
                close(connection); // closing: the handlers are gone
                return;
            }
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            // one small write, one TCP segment: without it, Nagle's algorithm merges the pieces of a split response
            connection.setTcpNoDelay(true);
            String[] request = readRequestLine(connection.getInputStream());
            if (request == null) return; // the client closed or sent no request
            serve(request, connection.getOutputStream());
        } catch (IOException e) {
            // the client went away, or the server is closing
        }
    }

    private void serve(String[] request, OutputStream out) throws IOException {
        synchronized (monitor) { peakOpen = Math.max(peakOpen, ++open); }
        Sent answered = null;
        try {
            answered = answer(request[0], request[1], out);
        } finally {
            // one step: whoever sees a response counted also sees its request no longer held
            synchronized (monitor) {
                open--;
                if (answered != null) {
                    sent.add(answered);
                    responses++;
                }
                monitor.notifyAll();
            }
        }
    }

    /**
     * Reads the request's line and headers, up to the blank line that ends them.
     *
     * @return its method and raw path (without a query), or null when the stream ends or the head is malformed
     */
    private static String[] readRequestLine(InputStream in) throws IOException {
        byte[] head = new byte[MAX_REQUEST_HEAD];
        int length = 0;
        while (!endsHead(head, length)) {
            if (length == head.length) return null;
            int count = in.read(head, length, head.length - length);
            if (count < 0) return null;
            length += count;
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        String[] line = text.substring(0, text.indexOf("\r\n")).split(" ");
        if (line.length != 3) return null;
        int query = line[1].indexOf('?');
        return new String[] {line[0], query < 0 ? line[1] : line[1].substring(0, query)};
    }

    /** Whether the bytes read so far hold the blank line that ends a request's headers. */
    private static boolean endsHead(byte[] head, int length) {
        for (int i = 3; i < length; i++) {
            if (head[i - 3] == '\r' && head[i - 2] == '\n' && head[i - 1] == '\r' && head[i] == '\n') return true;
        }
        return false;
    }

    /** Answers one request, then closes; the response it sent, or null for a 404 or a server that is closing. */
    private Sent answer(String method, String path, OutputStream out) throws IOException {
        Matcher route = ROUTE.matcher(path);
        String message = route.matches() && method.equals("GET") ? decode(route.group(2)) : null;
        if (message == null) {
            out.write(NOT_FOUND);
            return null;
        }
        long delayMillis = Long.parseLong(route.group(1));
        synchronized (monitor) {
            log.add("#" + (log.size() + 1) + " - " + delayMillis + "ms: " + message);
            messages.add(message);
            monitor.notifyAll();
        }
        try {
            long asleep = System.nanoTime();
            Thread.sleep(delayMillis);
            waits.waited(asleep, System.nanoTime());
            byte[] body = message.getBytes(StandardCharsets.UTF_8);
            long startedAt = System.nanoTime();
            byte[] headers = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            if (route.group(3) == null) {
                out.write(concat(headers, body)); // one write, one segment
            } else {
                out.write(headers);
                writeInPieces(out, body, Integer.parseInt(route.group(3)));
            }
            out.close(); // closes the connection: the whole response is the client's to read
            return new Sent(message, startedAt, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing
            return null;
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void writeInPieces(OutputStream out, byte[] body, int size) throws IOException, InterruptedException {
        for (int from = 0; from < body.length; from += size) {
            if (from > 0) Thread.sleep(SPLIT_PAUSE);
            out.write(body, from, Math.min(size, body.length - from));
            out.flush();
        }
    }

    /** Percent-decodes a path segment; '+' stays a plus (it means a space only in forms). Null if malformed. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        close(listener);
        handlers.shutdownNow(); // interrupts every handler: a sleep ends, a blocked read closes its socket
        if (turn != null) turn.release();
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
