package dev.ack.runner.adapter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every adapter session that is alive in this JVM, the doctor's as well as the run's, so that one
 * signal stops them all; once stopping, no new adapter is started. Nothing here waits on a lock a
 * hung request could hold.
 */
public final class LiveSessions {
    private static final Set<AdapterSession> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    private LiveSessions() {}

    /** A new run begins: adapters may be started again. */
    public static void reset() { stopping = false; }

    public static boolean stopping() { return stopping; }

    /** Interrupts every session: requests in flight fail at once, every adapter process is killed. */
    public static void stopAll() {
        stopping = true;
        List.copyOf(LIVE).forEach(AdapterSession::interrupt);
    }

    /** The kit is about to exit: kills every adapter process there is, without a word to the adapters. */
    public static void killAll() {
        stopping = true;
        ProcessTree.destroyAll();
    }

    static void add(AdapterSession session) { LIVE.add(session); }

    static void remove(AdapterSession session) { LIVE.remove(session); }
}
