package dev.ack.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.Codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged kit, as a user runs it: {@code java -jar ack.jar ...} in a child process,
 * with its exit status, console output and results file.
 */
record KitRun(int exitStatus, String console, JsonNode results, Path reports) {
    static final Path REPO = Path.of(System.getProperty("ack.repo", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("ack.jar", "target/ack.jar")).toAbsolutePath();
    /** The same Java as the test's, as the kit uses its own for the reference adapter. */
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();
    /** The reference adapter's main class in the packaged jar, named here so that no reference class is compiled in. */
    private static final String REFERENCE_ADAPTER = "dev.ack.reference.adapter.ReferenceAdapter";

    static KitRun of(String name, String... kitArgs) throws IOException, InterruptedException {
        Path reports = Path.of("target", "it-reports", name).toAbsolutePath();
        List<String> argv = new ArrayList<>(List.of(JAVA,
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(), "--out", reports.toString()));
        argv.addAll(List.of(kitArgs));
        Path console = Files.createDirectories(reports).resolve("console.txt");
        Process process = new ProcessBuilder(argv).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the kit did not finish within 5 minutes: " + argv);
        }
        Path resultsFile = reports.resolve("ack-results.json");
        JsonNode results = Files.exists(resultsFile) ? Codec.JSON.readTree(resultsFile.toFile()) : null;
        return new KitRun(process.exitValue(), Files.readString(console), results, reports);
    }

    /**
     * The known-bad variants as the packaged reference adapter lists them ({@code --list-variants}): an
     * array of {@code {name, area, chapter, description, fails}}.
     */
    static JsonNode knownBadVariants() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", JAR.toString(),
                REFERENCE_ADAPTER, "--list-variants").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("the reference adapter did not list its variants: " + listing);
        }
        return Codec.JSON.readTree(listing);
    }

    /**
     * Debian's python3, which has greenlet for the Python fibers (README: prerequisites). Without it
     * the Python adapter does not claim fibers, and the check of every other area still stands.
     */
    static String pythonWithGreenlet() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import greenlet").start();
        if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) return "/usr/bin/python3";
        System.err.println("WARNING: /usr/bin/python3 has no greenlet (apt-get install python3-greenlet): the Python fibers are not checked");
        return "python3";
    }

    long total(String verdict) { return results.path("totals").path(verdict).asLong(); }

    /** The rules whose verdict is {@code verdict} in the rule matrix. */
    Set<String> rules(String verdict) {
        Set<String> ids = new TreeSet<>();
        results.path("rules").forEach(r -> { if (r.path("verdict").asText().equals(verdict)) ids.add(r.path("id").asText()); });
        return ids;
    }

    @Override
    public String toString() { return console; }
}
