package dev.ack.runner.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks the program of an adapter command before it is started, so that a wrong path is named
 * exactly (no such file, a directory, no execute bit) instead of the operating system's terse
 * "Permission denied". A name without a slash is looked up on PATH, as the system would.
 */
final class ProgramPath {
    private ProgramPath() {}

    static void check(String program, Path workingDirectory) throws IOException {
        if (program.contains("/")) {
            Path path = workingDirectory.resolve(program);
            if (!Files.exists(path)) {
                throw new IOException("no such file: " + program + (Path.of(program).isAbsolute() ? ""
                        : " (relative to the adapter's working directory " + workingDirectory + ")"));
            }
            checkRunnable(program, path);
            return;
        }
        List<Path> onPath = searchPath().stream().map(dir -> dir.resolve(program)).filter(Files::exists).toList();
        Optional<Path> runnable = onPath.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
        if (runnable.isPresent()) return;
        if (onPath.isEmpty()) throw new IOException("no program named " + program + " on PATH (" + System.getenv("PATH") + ")");
        checkRunnable(program, onPath.getFirst());
    }

    private static void checkRunnable(String program, Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(program + " is a directory, not a program: give the adapter's executable or script inside it");
        }
        if (!Files.isExecutable(path)) {
            throw new IOException(program + " lacks the execute bit: `chmod +x " + program
                    + "`, or name its interpreter first (e.g. --adapter \"python3 " + program + "\")");
        }
    }

    private static List<Path> searchPath() {
        String path = System.getenv("PATH");
        if (path == null) return List.of();
        return Arrays.stream(path.split(":")).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }
}
