package dev.ack.runner.adapter;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run checks and how: the adapter to start, where, how patient to be, whether every line is
 * checked against the protocol's schema ({@link SchemaCheck}), the file that gets every line the
 * adapter's processes write to stderr (the run's, in its reports folder), how long one adapter
 * process serves ({@link Isolation}), and the port the runner's delay server listens on (0: a free
 * port the system picks; a fixed one for code that connects to a hard-coded port, as the book's
 * {@code Http::get} does to 8080).
 */
public record RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict,
                          Optional<Path> stderrLog, Isolation isolation, int delayServerPort) {

    public RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict) {
        this(adapter, workingDirectory, deadlines, strict, Optional.empty(), Isolation.NONE, 0);
    }

    public RunSettings withStderrLog(Path log) {
        return new RunSettings(adapter, workingDirectory, deadlines, strict, Optional.of(log), isolation, delayServerPort);
    }

    public RunSettings withIsolation(Isolation each) {
        return new RunSettings(adapter, workingDirectory, deadlines, strict, stderrLog, each, delayServerPort);
    }

    public RunSettings withDelayServerPort(int port) {
        return new RunSettings(adapter, workingDirectory, deadlines, strict, stderrLog, isolation, port);
    }
}
