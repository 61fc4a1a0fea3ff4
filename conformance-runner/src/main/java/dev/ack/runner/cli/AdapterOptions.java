package dev.ack.runner.cli;

import dev.ack.runner.adapter.AdapterCommand;
import dev.ack.runner.adapter.Deadlines;
import dev.ack.runner.adapter.Isolation;
import dev.ack.runner.adapter.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that say which adapter to check and how patiently: shared by {@code kit} and {@code kit doctor}. */
final class AdapterOptions {

    @Option(names = "--adapter", paramLabel = "COMMAND",
            description = "The adapter to start, as a command line (split into words like a shell would, but run without one). "
                    + "Default: the bundled Java reference implementation.")
    String adapter;

    @Option(names = "--reference-variant", paramLabel = "NAME",
            description = "Check a deliberately wrong variant of the reference instead, to watch the suite catch a bug "
                    + "(e.g. level-for-edge, token-truncated, lost-wake, fibers-lifo, fibers-lose-local, busy-executor, first-waker; "
                    + "the reference lists all of them when given an unknown name).")
    String referenceVariant;

    @Option(names = "--timeout-scale", paramLabel = "FACTOR",
            description = "Multiply every deadline by FACTOR on a slow machine (default: $ACK_TIMEOUT_SCALE or 1).")
    Double timeoutScale;

    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = ".",
            description = "Working directory of the adapter process (default: the current directory).")
    Path workdir;

    @Option(names = "--strict",
            description = "Check every line sent and received against the protocol's schema (spec/protocol.schema.json); "
                    + "a reply or event that breaks it is a protocol error.")
    boolean strict;

    @Option(names = "--isolate", paramLabel = "scenario|feature",
            description = "Start a fresh adapter process for every scenario (or every feature file): for an implementation "
                    + "whose runtime or reactor lives as long as its process, as the book's do (spec/protocol.md §3.2).")
    String isolate;

    RunSettings toSettings(CommandLine.Model.CommandSpec spec) {
        if (adapter != null && referenceVariant != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "use either --adapter or --reference-variant, not both");
        }
        AdapterCommand command;
        try {
            command = adapter != null ? AdapterCommand.parse(adapter) : ReferenceAdapterCommand.build(referenceVariant);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--adapter: " + e.getMessage());
        }
        Deadlines deadlines;
        try {
            deadlines = timeoutScale != null ? new Deadlines(timeoutScale) : Deadlines.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new RunSettings(command, workdir.toAbsolutePath(), deadlines, strict).withIsolation(isolation(spec));
    }

    private Isolation isolation(CommandLine.Model.CommandSpec spec) {
        if (isolate == null) return Isolation.NONE;
        return switch (isolate) {
            case "scenario" -> Isolation.SCENARIO;
            case "feature" -> Isolation.FEATURE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--isolate: use scenario or feature, not " + isolate);
        };
    }
}
