package dev.ack.runner.steps;

import dev.ack.protocol.Codec;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

import java.nio.charset.StandardCharsets;

/**
 * Runs around every scenario. Before: make sure an adapter is up, skip what it does not claim, and
 * reset it. After: attach the protocol transcript and the adapter's stderr, so every report shows
 * what was said.
 */
public class Hooks {
    /** Prefix of the skip message for scenarios outside the adapter's claims; reports look for it. */
    public static final String NOT_CLAIMED = "not claimed: ";
    /** The skip message of scenarios not run because the user stopped the run. */
    public static final String NOT_RUN = "not run: ";
    public static final String LOCKED = "locked: ";
    public static final String INTERRUPTED = NOT_RUN + "the run was interrupted";

    @Before(order = 0)
    public void claimAndReset(Scenario scenario) {
        if (RunContext.interrupted()) throw new TestAbortedException(INTERRUPTED);
        RunContext.harnessBroken().ifPresent(reason -> { throw new TestAbortedException(NOT_RUN + reason); });
        int chapter = chapterOf(scenario);
        RunContext.levels().lockedBy(chapter).ifPresent(lower -> {
            throw new TestAbortedException(LOCKED + "chapter " + lower + " has failing scenarios; chapter " + chapter
                    + " unlocks when they pass");
        });
        AdapterSession session = RunContext.session();
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@area:") && !session.handshake().claimsArea(tag.substring(6))) {
                throw new TestAbortedException(NOT_CLAIMED + "area " + tag.substring(6));
            }
            if (tag.startsWith("@requires:") && !session.handshake().claimsCapability(tag.substring(10))) {
                throw new TestAbortedException(NOT_CLAIMED + "capability " + tag.substring(10));
            }
        }
        session.beginScenario();
        session.call("reset", Codec.JSON.createObjectNode());
    }

    private static int chapterOf(Scenario scenario) {
        return scenario.getSourceTagNames().stream().filter(t -> t.matches("@ch\\d+"))
                .map(t -> Integer.parseInt(t.substring(3))).findFirst().orElse(0);
    }

    @After(order = 0)
    public void attachTranscript(Scenario scenario) {
        RunContext.currentSession().ifPresent(session -> {
            scenario.attach(session.transcript().render().getBytes(StandardCharsets.UTF_8), "text/plain", "protocol transcript");
            String stderr = session.scenarioStderr();
            if (!stderr.isEmpty()) scenario.attach(stderr.getBytes(StandardCharsets.UTF_8), "text/plain", "adapter stderr");
        });
    }
}
