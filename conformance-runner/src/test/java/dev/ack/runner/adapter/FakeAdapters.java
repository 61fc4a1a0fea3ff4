package dev.ack.runner.adapter;

import java.nio.file.Path;
import java.util.List;

/** Starts the faulty adapters of src/test/resources/fake-adapters as real subprocesses. */
final class FakeAdapters {
    private FakeAdapters() {}

    static AdapterCommand command(String mode) {
        return new AdapterCommand(List.of("python3", script(), mode));
    }

    /** The fake passes {@code marker} to every process it starts (see ProcessesWithMarker). */
    static AdapterCommand command(String mode, String marker) {
        return new AdapterCommand(List.of("python3", script(), mode, marker));
    }

    static AdapterSession start(String mode, double timeoutScale) {
        return start(mode, timeoutScale, false);
    }

    static AdapterSession start(String mode, double timeoutScale, boolean strict) {
        return AdapterSession.start(new RunSettings(command(mode), Path.of("."), new Deadlines(timeoutScale), strict));
    }

    static AdapterSession start(String mode, String marker, double timeoutScale) {
        return AdapterSession.start(new RunSettings(command(mode, marker), Path.of("."), new Deadlines(timeoutScale), false));
    }

    private static String script() {
        return Path.of("src/test/resources/fake-adapters/fake_adapter.py").toAbsolutePath().toString();
    }
}
