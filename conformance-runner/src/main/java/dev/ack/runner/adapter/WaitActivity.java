package dev.ack.runner.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an adapter's processes did while the runner waited for a reply that did not come: stopped,
 * busy writing other lines, burning CPU, or idle. CPU is judged by demand, not by use: the kernel's
 * schedstat counts both the time each thread ran and the time it was runnable but waited for a CPU,
 * so a spinning adapter on a loaded machine (that ran 26 % of a core and waited the rest) is still
 * seen burning, and an idle one is still idle.
 */
final class WaitActivity {
    private static final double BURNING = 0.5;
    /** Stdout that gave bytes this recently is still being written. */
    private static final double STILL_WRITING_NANOS = 500e6;

    private final long startNanos = System.nanoTime();
    private final Map<Long, long[]> startByThread;
    private final long startBytes;
    private final long startLines;

    private WaitActivity(Map<Long, long[]> startByThread, long startBytes, long startLines) {
        this.startByThread = startByThread;
        this.startBytes = startBytes;
        this.startLines = startLines;
    }

    static WaitActivity start(ProcessTree tree, StdoutReader stdout) {
        return new WaitActivity(threads(tree.members()), stdout.bytesRead(), stdout.linesRead());
    }

    /** What the adapter was doing since {@link #start}, as the end of a sentence "meanwhile the adapter was …". */
    String describe(ProcessTree tree, StdoutReader stdout) {
        List<ProcStat> members = tree.members();
        double wall = Math.max(1, System.nanoTime() - startNanos);
        long ran = 0;
        long waited = 0;
        for (Map.Entry<Long, long[]> now : threads(members).entrySet()) {
            long[] before = startByThread.getOrDefault(now.getKey(), new long[2]);
            ran += Math.max(0, now.getValue()[0] - before[0]);
            waited += Math.max(0, now.getValue()[1] - before[1]);
        }
        long bytes = stdout.bytesRead() - startBytes;
        long lines = stdout.linesRead() - startLines;
        String share = String.format("ran %.0f%% of a core", 100 * ran / wall);
        if (members.stream().anyMatch(ProcStat::stopped)) {
            return "stopped (process state T): a stopped process cannot answer; was it sent SIGSTOP, suspended with Ctrl-Z, "
                    + "or is a debugger holding it?";
        }
        String arrived = String.format("%,d lines (%,d bytes) arrived on stdout during the wait, none of them the reply", lines, bytes);
        if (bytes > 0 && System.nanoTime() - stdout.lastReadNanos() < Math.max(STILL_WRITING_NANOS, wall / 5)) {
            return "busy writing: " + arrived + " (" + share + "), and more was coming: is it looping, emitting events instead of answering?";
        }
        String earlier = bytes > 0 ? "; " + arrived : "";
        if ((ran + waited) / wall >= BURNING) {
            return String.format("burning CPU (%s%s): an endless loop?%s", share, waited / wall >= 0.05
                    ? String.format(", and waited for a busy CPU another %.0f%%", 100 * waited / wall) : "", earlier);
        }
        return "idle (" + share + "): blocked on something, or a reply not flushed to stdout?" + earlier;
    }

    /** Nanoseconds the threads of the adapter's processes have waited for a CPU, added up (per thread, so threads that are gone drop out). */
    static Map<Long, Long> waitedByThread(ProcessTree tree) {
        Map<Long, Long> waited = new HashMap<>();
        threads(tree.members()).forEach((thread, times) -> waited.put(thread, times[1]));
        return waited;
    }

    /** Per thread of the processes: nanoseconds run on a CPU and nanoseconds waited for one (/proc/PID/task/TID/schedstat). */
    private static Map<Long, long[]> threads(List<ProcStat> members) {
        Map<Long, long[]> byThread = new HashMap<>();
        for (ProcStat process : members) {
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            try (Stream<Path> list = Files.list(tasks)) {
                list.forEach(task -> {
                    try {
                        String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                        byThread.put(Long.parseLong(task.getFileName().toString()), new long[]{Long.parseLong(f[0]), Long.parseLong(f[1])});
                    } catch (IOException | RuntimeException e) {
                        // the thread ended between the listing and the read
                    }
                });
            } catch (IOException e) {
                // the process ended
            }
        }
        return byThread;
    }
}
