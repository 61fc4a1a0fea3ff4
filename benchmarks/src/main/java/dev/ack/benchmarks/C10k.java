package dev.ack.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.ack.reference.runtime.Async;
import dev.ack.reference.runtime.Http;
import dev.ack.reference.runtime.Runtime;
import dev.ack.reference.runtime.Task;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The C10K benchmark (issue 13): ten thousand concurrent delayed requests to the runner's delay server,
 * all through the chapter 10 reference runtime on one executor thread. The root task spawns one task
 * per request, each an {@link Http#get} of {@code /<delay>/<i>}, and {@code block_on} waits for all.
 * It measures whole processes, so it is a main class and not a JMH benchmark:
 * wall time (and over the delay), peak RSS ({@code VmHWM}) and CPU seconds of the client and of the
 * server, which runs in a process of its own ({@link DelayServerProcess}), and the server's own count
 * of requests it held at once. {@code --server-only} checks the delay server apart: the same requests on
 * plain blocking sockets, all opened and sent first, then read.
 *
 * <p>Run it from the checkout after {@code mvn -B -q -ntp package -pl benchmarks -am -DskipTests}:
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.ack.benchmarks.C10k [--server-only] [-n 10000] [--delay-ms 1000]
 * }</pre>
 * Each process needs a file descriptor per connection: {@code ulimit -n} above {@code -n}.
 */
@Command(name = "c10k", mixinStandardHelpOptions = true,
        description = "N concurrent delayed requests through the reference runtime (or plain sockets) to the delay server.")
public final class C10k implements Callable<Integer> {
    @Option(names = {"-n", "--requests"}, defaultValue = "10000", description = "concurrent requests (default ${DEFAULT-VALUE})")
    private int requests;

    @Option(names = "--delay-ms", defaultValue = "1000", description = "the delay of every request (default ${DEFAULT-VALUE})")
    private int delayMillis;

    @Option(names = "--backlog", defaultValue = "4096",
            description = "the server's accept queue (default ${DEFAULT-VALUE}, net.core.somaxconn here; the runner uses 1024)")
    private int backlog;

    @Option(names = "--server-only", description = "plain blocking sockets instead of the runtime: checks the delay server alone")
    private boolean serverOnly;

    /**
     * Runs the benchmark once and prints its figures.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new C10k()).execute(args));
    }

    /**
     * Starts the delay server, sends every request, checks every body and prints the figures.
     *
     * @return 0 when every body was right, 1 otherwise
     * @throws Exception when the server, the runtime or a socket fails
     */
    @Override
    public Integer call() throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DelayServerProcess server = DelayServerProcess.start(backlog)) {
            long cpuStart = os.getProcessCpuTime();
            Duration serverCpuStart = server.cpuTime();
            long start = System.nanoTime();
            String[] bodies = serverOnly ? plainSockets(server.port()) : throughRuntime(server.port());
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double serverCpuSeconds = server.cpuTime().minus(serverCpuStart).toNanos() / 1e9;
            String serverRss = server.peakRss();
            int held = server.stop();

            int wrong = 0;
            for (int i = 0; i < requests; i++) if (!String.valueOf(i).equals(bodies[i])) wrong++;
            System.out.printf("%s: %d requests of %d ms%n", serverOnly ? "plain sockets" : "reference runtime", requests, delayMillis);
            System.out.printf("wall time        %.3f s (%.2f x the delay)%n", wallSeconds, wallSeconds * 1000 / delayMillis);
            System.out.printf("CPU time         client %.3f s, server %.3f s%n", cpuSeconds, serverCpuSeconds);
            System.out.printf("peak RSS         client %s, server %s (VmHWM)%n", peakRss(Path.of("/proc/self/status")), serverRss);
            System.out.printf("server held      %d requests at once%n", held);
            System.out.printf("bodies wrong     %d%n", wrong);
            return wrong == 0 ? 0 : 1;
        }
    }

    /** One executor, on this thread: a root that spawns a task per request; each stores its body. */
    private String[] throughRuntime(int port) throws Exception {
        String[] bodies = new String[requests];
        try (Runtime runtime = Runtime.init()) {
            new Executor(ExecutorTrace.NONE).blockOn(Task.of(new Async<>(() -> {
                for (int i = 0; i < requests; i++) {
                    int request = i;
                    Http leaf = Http.get(port, "/" + delayMillis + "/" + i);
                    Task.spawn(Task.of(new Async<>(() -> bodies[request] = Async.await(leaf))));
                }
                return null;
            })));
        }
        return bodies;
    }

    /** Every connection opened and its request sent before the first response is read. */
    private String[] plainSockets(int port) throws IOException {
        List<Socket> sockets = new ArrayList<>(requests);
        try {
            for (int i = 0; i < requests; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /" + delayMillis + "/" + i + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            String[] bodies = new String[requests];
            for (int i = 0; i < requests; i++) {
                try (InputStream in = sockets.get(i).getInputStream()) {
                    String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    bodies[i] = response.substring(response.indexOf("\r\n\r\n") + 4);
                }
            }
            return bodies;
        } finally {
            for (Socket socket : sockets) socket.close();
        }
    }

    /**
     * A process's peak resident set, as Linux reports it.
     *
     * @param status its {@code /proc/<pid>/status}
     */
    static String peakRss(Path status) throws IOException {
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).strip())
                .findFirst().orElse("unknown");
    }
}
