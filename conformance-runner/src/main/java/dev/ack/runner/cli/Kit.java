package dev.ack.runner.cli;

import dev.ack.runner.adapter.AdapterCommand;
import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.report.RunReport;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.suite.RunSettings;
import dev.ack.runner.suite.SuiteRun;
import picocli.CommandLine;
import sun.misc.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kit}: checks an implementation against the suite. With no options it checks the bundled
 * Java reference implementation, which must pass everything.
 */
@Command(name = "kit", mixinStandardHelpOptions = true, versionProvider = Kit.Version.class,
        description = {
                "Checks an implementation of the async primitives of \"Asynchronous Programming in Rust\" against the",
                "conformance suite, through an adapter that speaks the kit's protocol (spec/protocol.md).",
                "With no --adapter it checks the bundled Java reference implementation.",
                "",
                "Exit status: 0 when every claimed scenario passed, 1 when any failed, 2 on bad usage."},
        subcommands = {ExplainCommand.class},
        footer = {"", "Examples:",
                "  kit                        check the bundled reference implementation",
                "  kit --adapter \"python3 adapters/python/adapter.py\"",
                "  kit --adapter ./my-adapter --tags @EQ-03",
                "  kit explain EQ-03          print a rule, why it exists, and a hint"})
public final class Kit implements Callable<Integer> {

    @Option(names = "--adapter", paramLabel = "COMMAND",
            description = "The adapter to start, as a command line (split into words like a shell would, but run without one).")
    String adapter;

    @Option(names = "--reference-variant", paramLabel = "NAME",
            description = "Check a deliberately wrong variant of the reference instead (to see the suite catch bugs): "
                    + "level-for-edge, append-events, token-truncated, lost-wake, leaky-close.")
    String referenceVariant;

    @Option(names = "--features", paramLabel = "DIR",
            description = "Run the feature files in DIR instead of the bundled suite.")
    Path features;

    @Option(names = {"--out", "-o"}, paramLabel = "DIR", defaultValue = "kit-reports",
            description = "Where to write the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Only scenarios matching this Cucumber tag expression, e.g. \"@EQ-03 or @EQ-04\", \"@ch4\".")
    String tags;

    @Option(names = "--timeout-scale", paramLabel = "FACTOR",
            description = "Multiply every deadline by FACTOR on a slow machine (default: $ACK_TIMEOUT_SCALE or 1).")
    Double timeoutScale;

    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = ".",
            description = "Working directory of the adapter process (default: the current directory).")
    Path workdir;

    @Override
    public Integer call() throws Exception {
        if (adapter != null && referenceVariant != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "use either --adapter or --reference-variant, not both");
        }
        if (features != null && !Files.isDirectory(features)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--features: no such directory: " + features);
        }
        AdapterCommand command;
        try {
            command = adapter != null ? AdapterCommand.parse(adapter) : ReferenceAdapterCommand.build(referenceVariant);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--adapter: " + e.getMessage());
        }
        Deadlines deadlines = timeoutScale != null ? new Deadlines(timeoutScale) : Deadlines.fromEnvironment();
        RunSettings settings = new RunSettings(command, workdir.toAbsolutePath(), deadlines);
        // no adapter process outlives the run, even when the run is interrupted
        Runtime.getRuntime().addShutdownHook(new Thread(RunContext::end, "kit-shutdown"));
        // Ctrl-C: finish early but write every report; a second Ctrl-C exits at once
        Signal.handle(new Signal("INT"), signal -> {
            if (RunContext.interrupt()) {
                System.err.println("\nkit: interrupted; writing the reports (Ctrl-C again to quit at once)");
            } else {
                System.exit(130);
            }
        });
        SuiteRun run = new SuiteRun(new SuiteRun.Options(settings, Optional.ofNullable(features),
                new SuiteRun.Reports(out), Optional.ofNullable(tags)), System.out);
        RunReport report = run.execute();
        if (RunContext.interrupted()) return 130;
        return report.success() ? 0 : 1;
    }

    public static void main(String[] args) {
        int status = new CommandLine(new Kit()).execute(args);
        System.exit(status);
    }

    /** Prints the suite and protocol versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Async Conformance Kit " + SuiteVersion.VALUE + ", adapter protocol " + dev.ack.protocol.Protocol.VERSION};
        }
    }
}
