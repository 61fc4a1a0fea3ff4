package dev.ack.runner.suite;

import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.LiveSessions;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.adapter.Transcript;
import dev.ack.runner.verdict.Levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state a run shares across scenarios: its settings and the adapter sessions. Cucumber creates
 * step objects per scenario and JUnit configuration parameters do not reach them, so the CLI puts
 * the settings here before the launch. Each thread that runs scenarios (one, or one per job with
 * {@code --jobs}) has its own adapter, its {@link Lane}; a session that faulted is replaced by a fresh
 * process at the start of that thread's next scenario. A run can start its lanes' first adapters ahead
 * ({@link #prestart}), while Cucumber is still starting.
 */
public final class RunContext {
    private static RunSettings settings;
    /** Every lane of the run, so that its end closes every adapter. */
    private static final List<Lane> lanes = new ArrayList<>();
    private static volatile ThreadLocal<Lane> lane = ThreadLocal.withInitial(RunContext::newLane);
    private static Handshake lastHandshake;
    /** Starts that failed in a row; after {@link #MAX_FAILED_STARTS} the run stops trying. */
    private static int failedStarts;
    private static AdapterFault lastStartFault;
    private static final int MAX_FAILED_STARTS = 2;
    private static final AtomicBoolean interrupted = new AtomicBoolean();
    private static String harnessBroken;
    private static Levels levels = new Levels(false);
    /** Whether the scenarios running now are the retries of inconclusive ones. */
    private static boolean retrying;
    /** Adapters started ahead for the lanes, each taken by the first lane that needs a fresh one. */
    private static final Queue<CompletableFuture<AdapterSession>> prestarted = new ConcurrentLinkedQueue<>();

    /** One thread's adapter, and the feature file of that thread's scenario before, for {@code --isolate feature}. */
    private static final class Lane {
        AdapterSession session;
        /** The session this thread's scenario began on, which its steps keep, dead or alive. */
        AdapterSession scenarioSession;
        String lastFeature;
    }

    private RunContext() {}

    private static synchronized Lane newLane() {
        Lane fresh = new Lane();
        lanes.add(fresh);
        return fresh;
    }

    public static synchronized void begin(RunSettings runSettings, Levels runLevels) {
        settings = runSettings;
        levels = runLevels;
        lanes.clear();
        lane = ThreadLocal.withInitial(RunContext::newLane);
        lastHandshake = null;
        failedStarts = 0;
        lastStartFault = null;
        harnessBroken = null;
        retrying = false;
    }

    /**
     * Starts {@code count} adapters now, each on a thread of its own, for the lanes to take when they begin:
     * the processes boot while Cucumber is still starting. A start that fails is reported
     * by the scenario that takes it, as if the lane had started it then.
     */
    public static void prestart(int count) {
        RunSettings run = settings();
        for (int i = 0; i < count; i++) {
            CompletableFuture<AdapterSession> start = new CompletableFuture<>();
            prestarted.add(start);
            Thread.ofPlatform().daemon().name("adapter-prestart").start(() -> {
                try {
                    start.complete(AdapterSession.start(run));
                } catch (RuntimeException e) {
                    start.completeExceptionally(e);
                }
            });
        }
    }

    /** From now on the scenarios that run are retries of inconclusive ones (their reports say so). */
    public static synchronized void beginRetries() { retrying = true; }

    /** Whether the scenario running now is the retry of an inconclusive one. */
    public static synchronized boolean retrying() { return retrying; }

    /**
     * With {@code --isolate}, ends the adapter that served this thread's previous scenario (or its previous
     * feature file), so that the scenario of {@code featureUri} starts with a fresh process.
     */
    public static void isolate(String featureUri) {
        Lane mine = lane.get();
        boolean fresh = switch (settings().isolation()) {
            case NONE -> false;
            case SCENARIO -> true;
            case FEATURE -> !featureUri.equals(mine.lastFeature);
        };
        mine.lastFeature = featureUri;
        if (fresh && mine.session != null) {
            mine.session.close();
            mine.session = null;
        }
    }

    /** The doctor found the adapter unusable: scenarios are not run, and say why. */
    public static synchronized void markHarnessBroken(String reason) { harnessBroken = reason; }

    public static synchronized Optional<String> harnessBroken() { return Optional.ofNullable(harnessBroken); }

    /**
     * Stops the run early (Ctrl-C, SIGTERM): every adapter is killed, the doctor's too, so a request
     * in flight ends at once, and the scenarios still to come are skipped, so the run ends normally
     * and writes every report. Takes no lock, so that it never waits for a run that holds one.
     * Returns false when the run was already interrupted (a second signal).
     */
    public static boolean interrupt() {
        if (!interrupted.compareAndSet(false, true)) return false;
        LiveSessions.stopAll();
        return true;
    }

    public static boolean interrupted() { return interrupted.get(); }

    public static synchronized Levels levels() { return levels; }

    public static synchronized RunSettings settings() {
        if (settings == null) throw new IllegalStateException("no run in progress: start the suite through the kit's CLI");
        return settings;
    }

    /**
     * This thread's live session, started (and handshaken) if there is none or the last one faulted.
     * A failure to start is an {@link AdapterFault}, which fails the scenario that asked. An adapter
     * that failed to start twice in a row (on any thread) is not started again, so a broken adapter costs
     * two deadlines, not one per scenario. Threads start their adapters side by side, outside this class's lock.
     */
    public static AdapterSession session() {
        Lane mine = lane.get();
        if (mine.session != null && (mine.session.alive() || mine.session == mine.scenarioSession)) {
            // one that ended during this thread's scenario stays: the step's request reports how, rather than a
            // fresh adapter that holds none of the scenario's handles (and would move the blame to a wrong step)
            return mine.session;
        }
        if (mine.session != null) mine.session.close();
        mine.session = null;
        synchronized (RunContext.class) {
            if (failedStarts >= MAX_FAILED_STARTS) {
                throw new AdapterFault(lastStartFault.kind(), "not started again after " + failedStarts
                        + " failed starts; the last one: " + lastStartFault.getMessage());
            }
        }
        AdapterSession started;
        try {
            started = startOrTakePrestarted();
        } catch (AdapterFault fault) {
            synchronized (RunContext.class) {
                failedStarts++;
                lastStartFault = fault;
            }
            throw fault;
        }
        synchronized (RunContext.class) {
            failedStarts = 0;
            lastHandshake = started.handshake();
        }
        mine.session = started;
        return started;
    }

    /** An adapter started ahead ({@link #prestart}), waiting for it if it is still booting, or a new one. */
    private static AdapterSession startOrTakePrestarted() {
        CompletableFuture<AdapterSession> ahead = prestarted.poll();
        if (ahead == null) return AdapterSession.start(settings());
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /**
     * The session a new scenario runs on: the live one, or a fresh one if the last one ended or
     * faulted. The scenario's steps stay on it: an adapter that dies between two steps is reported
     * by the next step's request, not replaced.
     */
    public static AdapterSession beginScenario() {
        Lane mine = lane.get();
        mine.scenarioSession = null;
        mine.scenarioSession = session();
        return mine.scenarioSession;
    }

    /** The live session's typed client: what the steps send their requests through. */
    public static ProtocolClient client() {
        return new ProtocolClient(session());
    }

    /** This thread's session if one is running, without starting one. */
    public static Optional<AdapterSession> currentSession() {
        return Optional.ofNullable(lane.get().session);
    }

    /** The protocol transcript of the scenario running on this thread, if an adapter is running. */
    public static Optional<Transcript> currentTranscript() {
        return currentSession().map(AdapterSession::transcript);
    }

    /** The most recent successful handshake of this run, for reports. */
    public static synchronized Optional<Handshake> lastHandshake() {
        return Optional.ofNullable(lastHandshake);
    }

    /**
     * Closes every lane's adapter, and those started ahead that no lane took (one still booting closes
     * once it has started); called once the scenarios are over, when no thread uses them any more.
     */
    public static synchronized void end() {
        for (CompletableFuture<AdapterSession> ahead; (ahead = prestarted.poll()) != null; ) {
            ahead.thenAccept(AdapterSession::close);
        }
        for (Lane each : lanes) {
            if (each.session != null) each.session.close();
            each.session = null;
            each.scenarioSession = null;
        }
    }
}
