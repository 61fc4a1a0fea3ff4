package dev.ack.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.Codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One run of the packaged kit, as {@code ./kit} runs it: {@code java @kit-jvm-options -jar ack.jar ...}
 * in a child process, with its exit status, console output and results file. Every run is strict: each
 * line sent and received must match the protocol's schema.
 */
record KitRun(int exitStatus, String console, JsonNode results, Path reports, Duration toStop) {
    static final Path REPO = Path.of(System.getProperty("ack.repo", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("ack.jar", "target/ack.jar")).toAbsolutePath();
    /** The same Java as the test's, as the kit uses its own for the reference adapter. */
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();
    /** The JVM flags the {@code ./kit} launcher gives the kit, as a java argument file. */
    private static final String KIT_JVM_OPTIONS = "@" + REPO.resolve("conformance-runner/kit-jvm-options");
    /** The reference adapter's main class in the packaged jar, named here so that no reference class is compiled in. */
    private static final String REFERENCE_ADAPTER = "dev.ack.reference.adapter.ReferenceAdapter";

    static KitRun of(String name, String... kitArgs) throws IOException, InterruptedException {
        return signalled(name, null, () -> true, kitArgs);
    }

    /**
     * Runs the kit, and once {@code ready} holds (a file the fake creates when it hangs, a line on the
     * console: never a guessed time) sends it {@code signals} ("INT", "TERM"), each after the kit said
     * it got the one before; {@link #toStop()} is the time from the first signal to the kit's exit.
     */
    static KitRun signalled(String name, List<String> signals, BooleanSupplier ready, String... kitArgs)
            throws IOException, InterruptedException {
        Path reports = Path.of("target", "it-reports", name).toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--out", reports.toString(), "--strict"));
        args.addAll(List.of(kitArgs));
        return launch(reports, args, signals, ready);
    }

    /** One run of {@code kit fuzz}, strict as every run here; it writes no reports, its console is all it says. */
    static KitRun fuzz(String name, String... fuzzArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("fuzz", "--strict"));
        args.addAll(List.of(fuzzArgs));
        return launch(Path.of("target", "it-reports", name).toAbsolutePath(), args, null, () -> true);
    }

    private static KitRun launch(Path reports, List<String> args, List<String> signals, BooleanSupplier ready)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(JAVA, KIT_JVM_OPTIONS, "-jar", JAR.toString()));
        argv.addAll(args);
        Path console = Files.createDirectories(reports).resolve("console.txt");
        Process process = new ProcessBuilder(argv).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        long signalledAt = 0;
        if (signals != null) {
            awaitWhileRunning(process, ready, "the stage to signal at");
            signalledAt = System.nanoTime();
            for (int i = 0; i < signals.size(); i++) {
                if (i > 0) awaitWhileRunning(process, () -> read(console).contains("kit: SIG"), "the kit to take the first signal");
                new ProcessBuilder("kill", "-" + signals.get(i), Long.toString(process.pid())).start().waitFor();
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the kit did not finish within 5 minutes: " + argv);
        }
        Duration toStop = signalledAt == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - signalledAt);
        Path resultsFile = reports.resolve("ack-results.json");
        JsonNode results = Files.exists(resultsFile) ? Codec.JSON.readTree(resultsFile.toFile()) : null;
        return new KitRun(process.exitValue(), Files.readString(console), results, reports, toStop);
    }

    /** The command of a fake adapter of the runner's self-tests (src/test/resources/fake-adapters). */
    static String fake(String mode) {
        return "python3 " + REPO.resolve("conformance-runner/src/test/resources/fake-adapters/fake_adapter.py") + " " + mode;
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void awaitWhileRunning(Process process, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) throw new AssertionError("the kit never got to " + what);
            Thread.onSpinWait();
        }
    }

    /**
     * The known-bad variants as the packaged reference adapter lists them ({@code --list-variants}): an
     * array of {@code {name, area, chapter, description, fails}}. Started as the kit starts it: the jar
     * as class path, with the JVM flags the kit gives it.
     */
    static JsonNode knownBadVariants() throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(JAVA));
        argv.addAll(ReferenceAdapterCommand.jvmFlags());
        argv.addAll(List.of("-cp", JAR.toString(), REFERENCE_ADAPTER, "--list-variants"));
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("the reference adapter did not list its variants: " + listing);
        }
        return Codec.JSON.readTree(listing);
    }

    /**
     * Debian's python3, which has greenlet for the Python fibers (README: prerequisites). Without it the
     * check fails, saying how to install it: a run that left the fibers out must not pass as a full one.
     */
    static String pythonWithGreenlet() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import greenlet").start();
        if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) return "/usr/bin/python3";
        throw new AssertionError("/usr/bin/python3 cannot import greenlet, which the Python fibers need:"
                + " apt-get install python3-greenlet");
    }

    long total(String verdict) { return results.path("totals").path(verdict).asLong(); }

    /** The rules whose verdict is {@code verdict} in the rule matrix. */
    Set<String> rules(String verdict) {
        Set<String> ids = new TreeSet<>();
        for (String list : new String[]{"rules", "protocolRules"}) {
            results.path(list).forEach(r -> { if (r.path("verdict").asText().equals(verdict)) ids.add(r.path("id").asText()); });
        }
        return ids;
    }

    /** The IDs of the scenarios whose verdict is {@code verdict}. */
    Set<String> scenarios(String verdict) {
        Set<String> ids = new TreeSet<>();
        results.path("scenarios").forEach(s -> { if (s.path("verdict").asText().equals(verdict)) ids.add(s.path("id").asText()); });
        return ids;
    }

    /** The clauses ({@code EQ-34.2}), or rules where a step names no clause, that the failed scenarios blame. */
    Set<String> blamed() {
        Set<String> blamed = new TreeSet<>();
        results.path("scenarios").forEach(s -> {
            if (s.path("verdict").asText().equals("failed")) s.path("blamed").forEach(c -> blamed.add(c.asText()));
        });
        return blamed;
    }

    @Override
    public String toString() { return console; }
}
