package dev.ack.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The processes a test started, found by a marker unique to the test that the fake adapters pass to
 * every process they start (in its command line), never by name: other engineers' processes on the
 * same machine are not counted.
 */
public final class ProcessesWithMarker {
    private ProcessesWithMarker() {}

    /** A new marker: a path in the temporary folder, so a fake can also create files beside it. */
    public static String newMarker() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ack-marker-" + UUID.randomUUID()).toString();
    }

    /** The pids of the live (not zombie) processes whose command line holds {@code marker}. */
    public static List<Long> alive(String marker) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holds(p, marker))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static boolean holds(Path process, String marker) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) return false;
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }
}
