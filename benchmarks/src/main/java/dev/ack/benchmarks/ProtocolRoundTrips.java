package dev.ack.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the protocol costs (issue 16): round trips per second over stdio with each implementation's
 * adapter, driven as the runner drives it, one request at a time, beside the floor: an echo adapter in
 * C ({@code echo_adapter.c}, compiled here with {@code cc}) that parses only the id and the op, so a round
 * trip with it is two pipes and two process wake-ups. The request is {@code reset} on an empty session,
 * the cheapest op every adapter serves. All adapters run at once and take turns, each round in a new
 * order, so that a slow moment of the machine falls on all of them; a round's ratio is an adapter's rate
 * over the echo's in that round, and the table shows the medians and the spread over the rounds.
 *
 * <p>Run it from the checkout after {@code mvn -B -q -ntp package -pl benchmarks -am -DskipTests} (and
 * {@code cargo build --release} in adapters/rust for the Rust row):
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.ack.benchmarks.ProtocolRoundTrips [--rounds 7] [--requests 20000]
 * }</pre>
 * {@code --adapter NAME=COMMAND} adds a row, e.g. another build of an adapter, measured in the same rounds.
 * The reference runs with the JVM flags the kit gives it (C1 only, serial GC), as in a kit run.
 */
@Command(name = "protocol-round-trips", mixinStandardHelpOptions = true,
        description = "Round trips per second over stdio with each implementation's adapter, next to an echo adapter in C.")
public final class ProtocolRoundTrips implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "7", description = "rounds, each adapter measured once a round (default ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--requests", defaultValue = "20000", description = "round trips an adapter makes in a round (default ${DEFAULT-VALUE})")
    private int requests;

    @Option(names = "--warm-up", defaultValue = "20000", description = "round trips before the first round, for the JIT (default ${DEFAULT-VALUE})")
    private int warmUp;

    @Option(names = "--adapter", paramLabel = "NAME=COMMAND",
            description = "one more adapter to measure, its command split at spaces (e.g. another build of the reference); repeatable")
    private Map<String, String> moreAdapters = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProtocolRoundTrips()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("ack-round-trips");
        List<Adapter> adapters = new ArrayList<>();
        try {
            adapters.add(Adapter.start("echo (C), the floor", List.of(compileEcho(scratch).toString())));
            adapters.add(Adapter.start("reference (Java)", referenceCommand()));
            adapters.add(Adapter.start("Python", List.of("/usr/bin/python3", "adapters/python/adapter.py")));
            Path rust = Path.of("adapters/rust/target/release/ack-rust");
            if (Files.isExecutable(rust)) adapters.add(Adapter.start("Rust", List.of(rust.toString())));
            else System.out.println("(no Rust row: build adapters/rust with cargo build --release first)");
            for (var more : moreAdapters.entrySet()) adapters.add(Adapter.start(more.getKey(), List.of(more.getValue().split(" +"))));
            for (Adapter adapter : adapters) adapter.roundTrips(warmUp);
            double[][] rates = new double[adapters.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int turn = 0; turn < adapters.size(); turn++) {
                    int which = (round + turn) % adapters.size();
                    rates[which][round] = adapters.get(which).roundTrips(requests);
                }
            }
            print(adapters, rates);
            return 0;
        } finally {
            for (Adapter adapter : adapters) adapter.close();
        }
    }

    private void print(List<Adapter> adapters, double[][] rates) {
        System.out.printf(Locale.ROOT, "Protocol round trips (reset on an empty session), %d rounds of %,d, load average %s%n",
                rounds, requests, loadAverage());
        System.out.println("| adapter | round trips/s, median (min–max) | µs a round trip | × the echo's time, median (min–max) |");
        System.out.println("|---|---|---|---|");
        for (int i = 0; i < adapters.size(); i++) {
            double[] overEcho = new double[rounds];
            for (int round = 0; round < rounds; round++) overEcho[round] = rates[0][round] / rates[i][round];
            double median = median(rates[i]);
            System.out.printf(Locale.ROOT, "| %s | %,.0f (%,.0f–%,.0f) | %.1f | %.2f (%.2f–%.2f) |%n", adapters.get(i).name,
                    median, min(rates[i]), max(rates[i]), 1e6 / median, median(overEcho), min(overEcho), max(overEcho));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The reference adapter as the kit starts it: the kit's JVM flags, this jar (which holds the reference) as class path. */
    private static List<String> referenceCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "--add-exports", JvmFlags.ADD_EXPORTS,
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.ack.reference.adapter.ReferenceAdapter");
    }

    private static Path compileEcho(Path scratch) throws IOException, InterruptedException {
        Path source = scratch.resolve("echo_adapter.c");
        try (InputStream in = ProtocolRoundTrips.class.getResourceAsStream("echo_adapter.c")) {
            if (in == null) throw new IllegalStateException("echo_adapter.c is missing from the class path");
            Files.copy(in, source);
        }
        Path binary = scratch.resolve("echo-adapter");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", binary.toString(), source.toString()).inheritIO().start();
        if (cc.waitFor() != 0) throw new IllegalStateException("cc could not compile the echo adapter");
        return binary;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) { return Arrays.stream(values).min().orElseThrow(); }

    private static double max(double[] values) { return Arrays.stream(values).max().orElseThrow(); }

    /** One adapter process, its handshake done, driven one request at a time as the runner does. */
    private static final class Adapter implements AutoCloseable {
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        private static final Pattern OK = Pattern.compile("\"ok\"\\s*:\\s*true");
        private final String name;
        private final Process process;
        private final OutputStream requests;
        private final InputStream replies;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long nextId = 1;

        private Adapter(String name, Process process) {
            this.name = name;
            this.process = process;
            this.requests = process.getOutputStream();
            this.replies = new BufferedInputStream(process.getInputStream());
        }

        static Adapter start(String name, List<String> command) throws IOException {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Adapter adapter = new Adapter(name, process);
            adapter.call("hello", "{\"protocol\":1,\"suite\":\"round-trips\"}");
            return adapter;
        }

        /** Makes {@code count} round trips with {@code reset}; returns how many it made a second. */
        double roundTrips(int count) throws IOException {
            long began = System.nanoTime();
            for (int i = 0; i < count; i++) call("reset", "{}");
            return count / ((System.nanoTime() - began) / 1e9);
        }

        private void call(String op, String args) throws IOException {
            long id = nextId++;
            requests.write(("{\"id\":" + id + ",\"op\":\"" + op + "\",\"args\":" + args + "}\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String reply = readLine();
            Matcher answered = ID.matcher(reply);
            if (!answered.find() || Long.parseLong(answered.group(1)) != id || !OK.matcher(reply).find()) {
                throw new IllegalStateException(name + " answered " + op + " with " + reply);
            }
        }

        private String readLine() throws IOException {
            line.reset();
            for (int b; (b = replies.read()) != '\n'; ) {
                if (b < 0) throw new IOException(name + " closed its stdout");
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            try {
                call("shutdown", "{}");
            } catch (IOException | IllegalStateException e) {
                // it is stopped below either way
            }
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
