package dev.ack.benchmarks;

import dev.ack.runner.peers.DelayServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The runner's delay server in a JVM of its own, started by the C10K benchmark. Ten thousand
 * connections held at once take ten thousand descriptors on each side; in one process, client and
 * server together pass a {@code ulimit -n} of 20,000 (EMFILE). The child prints its port, serves until
 * its standard input ends, then prints the most requests it held at once.
 */
final class DelayServerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final int port;

    private DelayServerProcess(Process process) throws IOException {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.port = Integer.parseInt(output.readLine());
    }

    /**
     * Starts the child with this JVM's java and class path; returns once it listens.
     *
     * @param backlog the server's accept queue
     * @return the running server
     * @throws IOException when the child cannot start
     */
    static DelayServerProcess start(int backlog) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new DelayServerProcess(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DelayServerProcess.class.getName(), String.valueOf(backlog))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** The port the server listens on, on loopback. */
    int port() {
        return port;
    }

    /** The child's CPU time so far (user and system, every thread). */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElseThrow();
    }

    /** The child's peak resident set ({@code VmHWM}). */
    String peakRss() throws IOException {
        return C10k.peakRss(Path.of("/proc", String.valueOf(process.pid()), "status"));
    }

    /**
     * Ends the child's input, so that it stops serving, and reads its last word.
     *
     * @return the most requests the server held at once
     * @throws IOException when the child's output ends early
     */
    int stop() throws IOException {
        process.getOutputStream().close();
        return Integer.parseInt(output.readLine());
    }

    /** Stops the child if {@link #stop()} did not. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /**
     * The child: serves until standard input ends.
     *
     * @param args the accept queue's length
     * @throws IOException when the server cannot start or standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (DelayServer server = DelayServer.start(0, Integer.parseInt(args[0]))) {
            System.out.println(server.port());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream()); // until the benchmark closes our input
            System.out.println(server.peakConcurrentRequests());
        }
    }
}
