package dev.ack.runner.cli;

import dev.ack.runner.adapter.AdapterCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command that starts the bundled reference adapter: the same Java binary that runs the kit, on
 * the kit's own jar (which contains the reference), as a real child process like any other adapter.
 * The reference is named only here, by its class name: the runner's code never sees it. Started with
 * {@code -cp}, it gets the JVM flags the root pom gives every process of ours (ack/jvm.flags).
 */
final class ReferenceAdapterCommand {
    private static final String MAIN = "dev.ack.reference.adapter.ReferenceAdapter";
    private static final String JVM_FLAGS = "/ack/jvm.flags";

    private ReferenceAdapterCommand() {}

    static AdapterCommand build(String variant) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(jvmFlags());
        argv.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", ownClasspath(), MAIN));
        if (variant != null) argv.addAll(List.of("--variant", variant));
        return new AdapterCommand(argv);
    }

    /** The JVM flags of every process of ours, as the build wrote them into the kit (ack/jvm.flags). */
    static List<String> jvmFlags() {
        try (InputStream in = ReferenceAdapterCommand.class.getResourceAsStream(JVM_FLAGS)) {
            if (in == null) throw new IllegalStateException("the kit was built without " + JVM_FLAGS);
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownClasspath() {
        try {
            Path self = Path.of(ReferenceAdapterCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // run from the jar: the jar is the classpath; run from classes (tests, IDE): reuse ours
            return self.toString().endsWith(".jar") ? self.toString() : System.getProperty("java.class.path");
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }
}
