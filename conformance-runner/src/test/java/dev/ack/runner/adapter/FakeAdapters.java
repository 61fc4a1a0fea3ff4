package dev.ack.runner.adapter;

import java.nio.file.Path;
import java.util.List;

/** Starts the faulty adapters of src/test/resources/fake-adapters as real subprocesses. */
final class FakeAdapters {
    private FakeAdapters() {}

    static AdapterCommand command(String mode) {
        Path script = Path.of("src/test/resources/fake-adapters/fake_adapter.py").toAbsolutePath();
        return new AdapterCommand(List.of("python3", script.toString(), mode));
    }

    static AdapterSession start(String mode, double timeoutScale) {
        return start(mode, timeoutScale, false);
    }

    static AdapterSession start(String mode, double timeoutScale, boolean strict) {
        return AdapterSession.start(new RunSettings(command(mode), Path.of("."), new Deadlines(timeoutScale), strict));
    }
}
