package dev.ack.runner.cli;

import dev.ack.runner.adapter.LiveSessions;
import dev.ack.runner.suite.RunContext;
import sun.misc.Signal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the kit stops on SIGINT (Ctrl-C) and SIGTERM (what CI sends on cancel or timeout). The first
 * signal stops the run: every adapter process is killed at once, the scenarios left are skipped,
 * and every report is still written; if that takes longer than {@link #PATIENCE}, the kit quits
 * anyway. A second signal quits at once. Either way no adapter process outlives the kit.
 */
final class Signals {
    /** 128 + the signal's number, as a shell reports a process the signal ended. */
    private static final int SIGINT_STATUS = 130;
    private static final int SIGTERM_STATUS = 143;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final AtomicReference<String> FIRST = new AtomicReference<>();

    private Signals() {}

    static void install() {
        for (String name : List.of("INT", "TERM")) Signal.handle(new Signal(name), Signals::received);
        // a normal exit too: whatever an adapter left is killed, without taking a lock a hung request may hold
        Runtime.getRuntime().addShutdownHook(new Thread(LiveSessions::killAll, "kit-shutdown"));
    }

    /** The exit status of a run that a signal stopped, or empty when none came. */
    static OptionalInt status() {
        String first = FIRST.get();
        return first == null ? OptionalInt.empty() : OptionalInt.of(first.equals("INT") ? SIGINT_STATUS : SIGTERM_STATUS);
    }

    private static void received(Signal signal) {
        if (!FIRST.compareAndSet(null, signal.getName())) {
            quit("a second signal");
            return;
        }
        System.err.println("\nkit: SIG" + signal.getName() + ": stopping the adapter and writing the reports "
                + "(a second Ctrl-C or SIGTERM quits at once)");
        RunContext.interrupt();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(PATIENCE);
            } catch (InterruptedException e) {
                return;
            }
            quit("still not done " + PATIENCE.toSeconds() + " s after SIG" + signal.getName());
        }, "kit-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Kills every adapter process and ends the JVM without waiting for anything (shutdown hooks included). */
    private static void quit(String why) {
        System.err.println("kit: " + why + ": quitting now; reports not written yet are lost");
        LiveSessions.killAll();
        Runtime.getRuntime().halt(status().orElse(SIGTERM_STATUS));
    }
}
