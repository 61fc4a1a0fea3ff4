package dev.ack.runner.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of /proc/PID/stat: what the kernel says about a process right now. The command name
 * may hold spaces and parentheses, so the fields are read after its last {@code ')'}.
 *
 * @param state      R running, S sleeping, D disk wait, T stopped, t traced, Z zombie…
 * @param cpuTicks   user plus system time of all its threads, in clock ticks (USER_HZ, 100 a second)
 */
record ProcStat(long pid, char state, long parent, long group, long session, long cpuTicks) {
    static final long TICKS_PER_SECOND = 100;

    static Optional<ProcStat> read(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or not ours to read
        }
    }

    static ProcStat parse(long pid, String line) {
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        // fields after the name, counted from 0: state, ppid, pgrp, session, …, utime (11), stime (12)
        return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]));
    }

    boolean zombie() { return state == 'Z' || state == 'X'; }

    boolean stopped() { return state == 'T' || state == 't'; }
}
