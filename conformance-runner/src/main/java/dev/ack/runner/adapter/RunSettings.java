package dev.ack.runner.adapter;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run checks and how: the adapter to start, where, how patient to be, whether every line is
 * checked against the protocol's schema ({@link SchemaCheck}), and the file that gets every line the
 * adapter's processes write to stderr (the run's, in its reports folder).
 */
public record RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict,
                          Optional<Path> stderrLog) {

    public RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict) {
        this(adapter, workingDirectory, deadlines, strict, Optional.empty());
    }

    public RunSettings withStderrLog(Path log) {
        return new RunSettings(adapter, workingDirectory, deadlines, strict, Optional.of(log));
    }
}
