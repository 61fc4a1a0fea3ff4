package dev.ack.runner.adapter;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run checks and how: the adapter to start, where, how patient to be, whether every line is
 * checked against the protocol's schema ({@link SchemaCheck}), the file that gets every line the
 * adapter's processes write to stderr (the run's, in its reports folder), and how long one adapter
 * process serves ({@link Isolation}).
 */
public record RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict,
                          Optional<Path> stderrLog, Isolation isolation) {

    public RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict) {
        this(adapter, workingDirectory, deadlines, strict, Optional.empty(), Isolation.NONE);
    }

    public RunSettings withStderrLog(Path log) {
        return new RunSettings(adapter, workingDirectory, deadlines, strict, Optional.of(log), isolation);
    }

    public RunSettings withIsolation(Isolation each) {
        return new RunSettings(adapter, workingDirectory, deadlines, strict, stderrLog, each);
    }
}
