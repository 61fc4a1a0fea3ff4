package dev.ack.runner.suite;

import dev.ack.runner.adapter.AdapterCommand;
import dev.ack.runner.adapter.Deadlines;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run checks and how: the adapter to start, where, how patient to be, and the file that
 * gets every line the adapter's processes write to stderr (the run's, in its reports folder).
 */
public record RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, Optional<Path> stderrLog) {

    public RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines) {
        this(adapter, workingDirectory, deadlines, Optional.empty());
    }

    public RunSettings withStderrLog(Path log) {
        return new RunSettings(adapter, workingDirectory, deadlines, Optional.of(log));
    }
}
