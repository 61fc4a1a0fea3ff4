package dev.ack.runner.steps;

import dev.ack.protocol.Codec;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

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
        Collection<String> tags = scenario.getSourceTagNames();
        int chapter = Tags.chapter(tags).orElse(0);
        RunContext.levels().lockedBy(chapter).ifPresent(lower -> {
            throw new TestAbortedException(LOCKED + "chapter " + lower + " has failing scenarios; chapter " + chapter
                    + " unlocks when they pass");
        });
        AdapterSession session = RunContext.session();
        Tags.area(tags).filter(area -> !session.handshake().claimsArea(area)).ifPresent(area -> {
            throw new TestAbortedException(NOT_CLAIMED + "area " + area);
        });
        for (String capability : Tags.requirements(tags)) {
            if (!session.handshake().claimsCapability(capability)) {
                throw new TestAbortedException(NOT_CLAIMED + "capability " + capability);
            }
        }
        session.beginScenario();
        session.call("reset", Codec.JSON.createObjectNode());
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
