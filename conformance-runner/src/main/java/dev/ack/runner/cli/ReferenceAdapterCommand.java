package dev.ack.runner.cli;

import dev.ack.runner.adapter.AdapterCommand;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts the bundled reference adapter: the same Java binary that runs the kit, on
 * the kit's own jar (which contains the reference), as a real child process like any other adapter.
 */
final class ReferenceAdapterCommand {
    private static final String MAIN = "dev.ack.reference.adapter.ReferenceAdapter";

    private ReferenceAdapterCommand() {}

    static AdapterCommand build(String variant) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", ownClasspath(), MAIN));
        if (variant != null) argv.addAll(List.of("--variant", variant));
        return new AdapterCommand(argv);
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
