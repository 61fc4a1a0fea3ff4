package dev.ack.runner.suite;

import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.LiveSessions;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.adapter.Transcript;
import dev.ack.runner.verdict.Levels;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state a run shares across scenarios: its settings and the adapter session. Cucumber creates
 * step objects per scenario and JUnit configuration parameters do not reach them, so the CLI puts
 * the settings here before the launch. One adapter serves the run; a session that faulted is
 * replaced by a fresh process at the start of the next scenario.
 */
public final class RunContext {
    private static RunSettings settings;
    private static AdapterSession session;
    /** The session the current scenario began on, which its steps keep, dead or alive. */
    private static AdapterSession scenarioSession;
    private static Handshake lastHandshake;
    /** Starts that failed in a row; after {@link #MAX_FAILED_STARTS} the run stops trying. */
    private static int failedStarts;
    private static AdapterFault lastStartFault;
    private static final int MAX_FAILED_STARTS = 2;
    private static final AtomicBoolean interrupted = new AtomicBoolean();
    private static String harnessBroken;
    private static Levels levels = new Levels(false);
    /** The feature file of the scenario before, for {@code --isolate feature}. */
    private static String lastFeature;
    /** Whether the scenarios running now are the retries of inconclusive ones. */
    private static boolean retrying;

    private RunContext() {}

    public static synchronized void begin(RunSettings runSettings, Levels runLevels) {
        settings = runSettings;
        levels = runLevels;
        session = null;
        lastHandshake = null;
        failedStarts = 0;
        lastStartFault = null;
        harnessBroken = null;
        lastFeature = null;
        retrying = false;
    }

    /** From now on the scenarios that run are retries of inconclusive ones (their reports say so). */
    public static synchronized void beginRetries() { retrying = true; }

    /** Whether the scenario running now is the retry of an inconclusive one. */
    public static synchronized boolean retrying() { return retrying; }

    /**
     * With {@code --isolate}, ends the adapter that served the previous scenario (or the previous feature
     * file), so that the scenario of {@code featureUri} starts with a fresh process.
     */
    public static synchronized void isolate(String featureUri) {
        boolean fresh = switch (settings().isolation()) {
            case NONE -> false;
            case SCENARIO -> true;
            case FEATURE -> !featureUri.equals(lastFeature);
        };
        lastFeature = featureUri;
        if (fresh && session != null) {
            session.close();
            session = null;
        }
    }

    /** The doctor found the adapter unusable: scenarios are not run, and say why. */
    public static synchronized void markHarnessBroken(String reason) { harnessBroken = reason; }

    public static synchronized Optional<String> harnessBroken() { return Optional.ofNullable(harnessBroken); }

    /**
     * Stops the run early (Ctrl-C, SIGTERM): every adapter is killed, the doctor's too, so a request
     * in flight ends at once, and the scenarios still to come are skipped, so the run ends normally
     * and writes every report. Takes no lock: a session may be starting under this class's lock.
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
     * The live session, started (and handshaken) if there is none or the last one faulted.
     * A failure to start is an {@link AdapterFault}, which fails the scenario that asked. An adapter
     * that failed to start twice in a row is not started again, so a broken adapter costs two
     * deadlines, not one per scenario.
     */
    public static synchronized AdapterSession session() {
        if (session != null && session == scenarioSession && !session.alive()) {
            // it ended during this scenario: the step's request reports how, rather than a fresh adapter that
            // holds none of the scenario's handles (and would move the blame to a wrong step)
            return session;
        }
        if (session == null || !session.alive()) {
            if (session != null) session.close();
            session = null;
            if (failedStarts >= MAX_FAILED_STARTS) {
                throw new AdapterFault(lastStartFault.kind(), "not started again after " + failedStarts
                        + " failed starts; the last one: " + lastStartFault.getMessage());
            }
            RunSettings s = settings();
            try {
                session = AdapterSession.start(s);
            } catch (AdapterFault fault) {
                failedStarts++;
                lastStartFault = fault;
                throw fault;
            }
            failedStarts = 0;
            lastHandshake = session.handshake();
        }
        return session;
    }

    /**
     * The session a new scenario runs on: the live one, or a fresh one if the last one ended or
     * faulted. The scenario's steps stay on it: an adapter that dies between two steps is reported
     * by the next step's request, not replaced.
     */
    public static synchronized AdapterSession beginScenario() {
        scenarioSession = null;
        scenarioSession = session();
        return scenarioSession;
    }

    /** The live session's typed client: what the steps send their requests through. */
    public static ProtocolClient client() {
        return new ProtocolClient(session());
    }

    /** The current session if one is running, without starting one. */
    public static synchronized Optional<AdapterSession> currentSession() {
        return Optional.ofNullable(session);
    }

    /** The current scenario's protocol transcript, if an adapter is running. */
    public static Optional<Transcript> currentTranscript() {
        return currentSession().map(AdapterSession::transcript);
    }

    /** The most recent successful handshake of this run, for reports. */
    public static synchronized Optional<Handshake> lastHandshake() {
        return Optional.ofNullable(lastHandshake);
    }

    public static synchronized void end() {
        if (session != null) session.close();
        session = null;
        scenarioSession = null;
    }
}
