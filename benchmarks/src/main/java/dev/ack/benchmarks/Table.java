package dev.ack.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark table (issue 16): every benchmark of this module, the reference next to its peer, in
 * rounds, one after the other in each round (A B C … A B C …), so that the machine's slow and fast
 * spells fall on every benchmark alike. Then the table of ratios, medians over the rounds with their
 * spread, printed and written to {@code benchmarks/target/benchmarks-table.md}. Run it with
 * {@code benchmarks/run}, which builds what it needs first.
 *
 * <p>A round: the JMH benchmarks (one fork each: event queue, fiber switch, many tasks), then the
 * whole-process ones: heap per idle fiber ({@link FiberHeap}), wake-to-poll latency
 * ({@link WakeLatency}), the C10K run ({@link C10k}), and the Python and Rust implementations'
 * drivers, when their interpreter and binaries are there.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Runs every benchmark in interleaved rounds and prints the table of ratios.")
public final class Table implements Callable<Integer> {
    private static final Pattern MEDIAN = Pattern.compile("median ([0-9.]+)");
    private static final Pattern WALL = Pattern.compile("wall time +([0-9.]+) s");
    private static final Pattern WAKES = Pattern.compile("executor ([0-9.]+) eventfd ([0-9.]+)");

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of every benchmark (default ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--iterations", defaultValue = "2",
            description = "JMH measurement iterations of 1 s per fork, after one of warm-up (default ${DEFAULT-VALUE})")
    private int iterations;

    @Option(names = "--c10k-requests", defaultValue = "2000",
            description = "requests of the C10K run, 0 to leave it out (default ${DEFAULT-VALUE})")
    private int c10kRequests;

    @Option(names = "--c10k-delay-ms", defaultValue = "1000", description = "the delay of every C10K request (default ${DEFAULT-VALUE})")
    private int c10kDelayMillis;

    @Option(names = "--checkout", defaultValue = ".",
            description = "the kit's checkout, for the Python and Rust implementations and the output (default: the current directory)")
    private Path checkout;

    private final Samples samples = new Samples();

    /**
     * Runs the table.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Table()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String loadBefore = loadAverage();
        Instant start = Instant.now();
        for (int round = 1; round <= rounds; round++) {
            progress("round %d of %d", round, rounds);
            jmh();
            fiberHeap();
            wakeLatency();
            if (c10kRequests > 0) c10k();
            python();
            rust();
        }
        String table = render(start, loadBefore, loadAverage());
        System.out.println(table);
        Path out = checkout.resolve("benchmarks/target/benchmarks-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        progress("written to %s", out);
        return 0;
    }

    private void jmh() throws RunnerException {
        progress("  JMH: event queue, fiber switch, many tasks (%d forks, about %d s each)", 16, iterations + 2);
        var options = new OptionsBuilder()
                .include(EventQueueBenchmark.class.getName())
                .include(SwitchBenchmark.class.getName())
                .include(TasksBenchmark.class.getName())
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .jvm(java())
                .jvmArgsPrepend("--sun-misc-unsafe-memory-access=allow") // JMH's own use of Unsafe, warned about on every fork
                .verbosity(VerboseMode.SILENT)
                .build();
        for (RunResult result : new Runner(options).run()) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String client = result.getParams().getParam("client");
            String name = client == null ? method : method + " " + client + " " + result.getParams().getParam("connections");
            samples.add(name, result.getPrimaryResult().getScore());
        }
    }

    private void fiberHeap() throws IOException, InterruptedException {
        progress("  heap per idle fiber: 100,000 fibers, reference and bare continuations, 0 and 50 frames deep");
        for (String depth : List.of("0", "50")) {
            for (String kind : List.of("fiber", "continuation")) {
                String bytes = run(javaCommand(FiberHeap.class, kind, depth)).strip();
                samples.add("heap " + kind + " " + depth, Double.parseDouble(bytes));
            }
        }
    }

    private void wakeLatency() throws IOException, InterruptedException {
        progress("  wake-to-poll latency: executor and eventfd, in turns");
        Matcher wakes = find(WAKES, run(javaCommand(WakeLatency.class, "5")));
        samples.add("wake executor", Double.parseDouble(wakes.group(1)));
        samples.add("wake eventfd", Double.parseDouble(wakes.group(2)));
    }

    /** The runtime, and plain blocking sockets making the same requests to the same server: what connecting costs here. */
    private void c10k() throws IOException, InterruptedException {
        progress("  C10K: %d requests of %d ms through the runtime, then on plain sockets", c10kRequests, c10kDelayMillis);
        List<String> command = javaCommand(C10k.class, "-n", String.valueOf(c10kRequests), "--delay-ms", String.valueOf(c10kDelayMillis));
        samples.add("c10k runtime", Double.parseDouble(find(WALL, run(command)).group(1)));
        command.add("--server-only");
        samples.add("c10k plain sockets", Double.parseDouble(find(WALL, run(command)).group(1)));
        samples.add("c10k delay", c10kDelayMillis / 1000.0);
    }

    /** The Python implementation, under Debian's interpreter (the one with greenlet), if it is there. */
    private void python() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) return;
        progress("  Python implementation: fiber switch, many tasks");
        for (String what : List.of("switch", "tasks")) {
            ProcessBuilder driver = new ProcessBuilder(python.toString(), "benchmarks/python/bench.py", what, "2");
            driver.environment().put("PYTHONPATH", "adapters/python");
            samples.add("python " + what, Double.parseDouble(run(driver).strip()));
        }
    }

    /** The Rust implementation's release binaries, if they were built ({@code benchmarks/run} builds them). */
    private void rust() throws IOException, InterruptedException {
        Path binaries = checkout.resolve("adapters/rust/target/release");
        if (!Files.isExecutable(binaries.resolve("tasks-bench"))) return;
        progress("  Rust implementation: fiber switch, many tasks");
        Matcher switchNs = find(MEDIAN, run(new ProcessBuilder(binaries.resolve("switch-bench").toString(), "1", "3", "1")));
        samples.add("rust switch", Double.parseDouble(switchNs.group(1)));
        Matcher tasksMs = find(MEDIAN, run(new ProcessBuilder(binaries.resolve("tasks-bench").toString(), "1", "2")));
        samples.add("rust tasks", Double.parseDouble(tasksMs.group(1)));
    }

    private String render(Instant start, String loadBefore, String loadAfter) {
        List<Row> rows = new ArrayList<>();
        for (String connections : List.of("1", "100", "1000")) {
            for (String peer : List.of("selector", "netty")) {
                rows.add(new Row("ping-pong, " + connections + " conn., round trips/s", "reference", "pingPong reference " + connections,
                        peer.equals("selector") ? "java.nio Selector" : "Netty native epoll", "pingPong " + peer + " " + connections,
                        connections.equals("1") ? "" : "≥ 1.0"));
            }
        }
        rows.add(new Row("poll, nothing ready, ns", "reference `poll` (JNA)", "pollNothingReady", "`Selector.selectNow()`", "selectNowNothingReady", ""));
        rows.add(new Row("fiber switch, ns", "reference", "fiberYield", "bare `Continuation`", "continuationYield", "≤ 1.3"));
        rows.add(new Row("fiber switch, ns", "reference", "fiberYield", "virtual threads, 1 carrier", "virtualThreadBaton", ""));
        rows.add(new Row("heap per idle fiber (100k, shallow), B", "reference", "heap fiber 0", "bare `Continuation`", "heap continuation 0", "reference ≤ 600 B"));
        rows.add(new Row("heap per idle fiber (100k, 50 frames), B", "reference", "heap fiber 50", "bare `Continuation`", "heap continuation 50", ""));
        rows.add(new Row("100k tasks, wait once + woken, ms", "reference executor", "executor", "`CompletableFuture` pipeline", "completableFutures", "≤ 1.0"));
        rows.add(new Row("wake-to-poll latency p50, µs", "reference executor", "wake executor", "eventfd + `epoll_wait` (JNA)", "wake eventfd", "≤ 1.5"));
        String c10k = String.format(Locale.ROOT, "C10K (%,d × %,d ms), wall s", c10kRequests, c10kDelayMillis);
        rows.add(new Row(c10k, "reference runtime", "c10k runtime", "the delay", "c10k delay", "≤ 1.5"));
        rows.add(new Row(c10k, "reference runtime", "c10k runtime", "plain blocking sockets", "c10k plain sockets", ""));
        rows.add(new Row("fiber switch, ns", "Python (greenlet)", "python switch", "reference", "fiberYield", ""));
        rows.add(new Row("fiber switch, ns", "Rust (asm switch)", "rust switch", "reference", "fiberYield", ""));
        rows.add(new Row("100k tasks, wait once + woken, ms", "Python executor", "python tasks", "reference executor", "executor", ""));
        rows.add(new Row("100k tasks, wait once + woken, ms", "Rust executor", "rust tasks", "reference executor", "executor", ""));

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Benchmark table: %d rounds, started %s, %d s; JMH: 1 fork, 1 warm-up and %d"
                        + " measured iterations of 1 s per benchmark and round.%nLoad average (1, 5, 15 min) before: %s; after: %s; %d cores.%n%n",
                rounds, start.truncatedTo(ChronoUnit.SECONDS), Instant.now().getEpochSecond() - start.getEpochSecond(), iterations,
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors()));
        table.append(Row.header());
        rows.forEach(row -> table.append(row.render(samples)));
        return table.toString();
    }

    private List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "--add-exports", JvmFlags.ADD_EXPORTS, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    /** Runs a child in the checkout and returns its output; its error output goes to ours. */
    private String run(ProcessBuilder child) throws IOException, InterruptedException {
        Process process = child.directory(checkout.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw new IOException(String.join(" ", child.command()) + " failed: " + output);
        return output;
    }

    private static Matcher find(Pattern pattern, String output) throws IOException {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) throw new IOException("no " + pattern + " in: " + output);
        return matcher;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "%s " + format + "%n", prepend(Instant.now().truncatedTo(ChronoUnit.SECONDS), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
