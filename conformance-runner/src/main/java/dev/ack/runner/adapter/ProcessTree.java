package dev.ack.runner.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * An adapter process and every process it starts, owned by the kit from start to end (Linux).
 * <ul>
 *   <li>The adapter runs in a session of its own ({@code setsid} execs it without forking), so its pid
 *       is its process group and session id, and the whole group can be killed at once.</li>
 *   <li>The kit's JVM is a child subreaper: a daemon that leaves the group by double-forking or
 *       {@code setsid} is re-parented to the kit, not to init, so the kit still sees it.</li>
 *   <li>Every process of the tree inherits a token in its environment ({@value #TOKEN}), which tells
 *       whose re-parented orphan a process is when several adapters live at once.</li>
 * </ul>
 * {@link #destroy()} kills the group, the session, every descendant and every orphan of the tree,
 * reaps the orphans the JDK does not wait for, and repeats until none is left. A child of the JVM
 * that is no tree's root and carries no token (its environment was cleared) is taken for an orphan
 * of the tree that ends: the kit starts no other process while adapters run ({@code kit allure},
 * which starts npm, runs no adapter).
 */
final class ProcessTree {
    static final String TOKEN = "ACK_ADAPTER_TREE";
    private static final long KIT_PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();
    /** The trees that are alive, by their root pid: a root is never taken for another tree's orphan. */
    private static final Map<Long, ProcessTree> LIVE = new ConcurrentHashMap<>();
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst();
    private static final long DESTROY_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(3);

    static {
        // orphans of every adapter come back to the kit instead of init
        Libc.prctl(Libc.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    }

    private final Process process;
    private final String token;
    private final boolean ownSession;

    private ProcessTree(Process process, String token, boolean ownSession) {
        this.process = process;
        this.token = token;
        this.ownSession = ownSession;
    }

    /** Starts {@code argv} in {@code directory} as the root of a new tree; the program is checked first. */
    static ProcessTree start(List<String> argv, Path directory) throws IOException {
        ProgramPath.check(argv.getFirst(), directory);
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(argv);
        String token = KIT_PID + "." + COUNTER.incrementAndGet();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put(TOKEN, token);
        ProcessTree tree = new ProcessTree(builder.start(), token, SETSID.isPresent());
        LIVE.put(tree.pid(), tree);
        return tree;
    }

    Process process() { return process; }

    long pid() { return process.pid(); }

    /** The processes of the tree that have not exited. */
    List<ProcStat> members() {
        Scan scan = Scan.now();
        return scan.stats.values().stream().filter(p -> !p.zombie()).filter(p -> belongs(scan, p.pid())).toList();
    }

    /** Sends {@code signal} to every process of the tree that has not exited. */
    void signal(int signal) {
        members().forEach(p -> Libc.kill((int) p.pid(), signal));
    }

    /** Kills every process of the tree and waits (a few seconds at most) until none is left; returns how many resisted. */
    int destroy() {
        long deadline = System.nanoTime() + DESTROY_PATIENCE_NANOS;
        int left;
        while (true) {
            Scan scan = Scan.now();
            List<Long> members = scan.stats.keySet().stream().filter(pid -> belongs(scan, pid)).toList();
            if (ownSession) Libc.kill((int) -pid(), Libc.SIGKILL);
            members.forEach(pid -> Libc.kill(pid.intValue(), Libc.SIGKILL));
            // re-parented orphans are the kit's own children now, and only the kit can reap them
            members.stream().filter(pid -> pid != pid() && scan.stats.get(pid).parent() == KIT_PID)
                    .forEach(pid -> Libc.waitpid(pid.intValue(), new int[1], Libc.WNOHANG));
            left = members.size();
            if (left == 0 && !process.isAlive()) break;
            if (System.nanoTime() > deadline) break;
            pause();
        }
        LIVE.remove(pid());
        return left;
    }

    /** Kills every live tree at once: the kit is about to exit. */
    static void destroyAll() {
        List.copyOf(LIVE.values()).forEach(ProcessTree::destroy);
    }

    /**
     * Whether {@code pid} is part of this tree: the root, in its group or session, a re-parented
     * orphan of it, or a descendant of any of these.
     */
    private boolean belongs(Scan scan, long pid) {
        for (long p = pid; p > 1 && p != KIT_PID; ) {
            if (p == pid()) return true;
            ProcStat stat = scan.stats.get(p);
            if (stat == null) return false;
            if (ownSession && (stat.group() == pid() || stat.session() == pid())) return true;
            if (stat.parent() == KIT_PID) return orphanOfThis(p);
            p = stat.parent();
        }
        return false;
    }

    /** A child of the kit that this tree left behind: it carries this tree's token, or no token and is no tree's root. */
    private boolean orphanOfThis(long pid) {
        if (LIVE.containsKey(pid)) return false;
        Optional<String> owner = tokenOf(pid);
        return owner.map(token::equals).orElse(true);
    }

    private static Optional<String> tokenOf(long pid) {
        try {
            String prefix = TOKEN + "=";
            for (String entry : new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                    StandardCharsets.UTF_8).split("\0")) {
                if (entry.startsWith(prefix)) return Optional.of(entry.substring(prefix.length()));
            }
        } catch (IOException e) {
            // gone, or its environment is not readable: no token
        }
        return Optional.empty();
    }

    /** Between two rounds of killing: the kernel needs a moment to turn the killed into zombies. */
    private static void pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }

    /** Every process on the machine at one moment, from /proc. */
    private record Scan(Map<Long, ProcStat> stats) {
        static Scan now() {
            Map<Long, ProcStat> stats = new HashMap<>();
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                        .map(Long::parseLong).forEach(pid -> ProcStat.read(pid).ifPresent(s -> stats.put(pid, s)));
            } catch (IOException e) {
                // no /proc: nothing to scan
            }
            return new Scan(stats);
        }
    }
}
