package dev.ack.runner.steps;

import dev.ack.protocol.Empty;
import dev.ack.protocol.SessionOps;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.peers.DeliberateWaits;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.verdict.MachineShare;
import dev.ack.runner.verdict.NotRun;
import dev.ack.runner.verdict.StallDetector;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Runs around every scenario. Before: take the machine (alone for a {@code @timing} scenario, {@link MachineShare}), make sure an adapter is up, skip what it does not claim (and what needs a capability left unclaimed that it claims), say
 * when the scenario is the retry of an inconclusive one, and reset it; a scenario that does not run ends with a {@link NotRun} that carries its verdict. After:
 * attach the protocol transcript and the adapter's stderr, so every report shows what was said, and give the machine back
 * (the last of the scenario's hooks: an {@code @After} of a lower order runs later).
 */
public class Hooks {

    @Before(order = 0)
    public void claimAndReset(Scenario scenario) {
        // first: a scenario that does not run waited for nothing, and its time on the machine is measured from here
        DeliberateWaits.scenarioBegins();
        MachineShare.take(Tags.timing(scenario.getSourceTagNames()));
        if (RunContext.interrupted()) throw NotRun.skipped("the run was interrupted");
        RunContext.harnessBroken().ifPresent(reason -> { throw NotRun.skipped(reason); });
        Collection<String> tags = scenario.getSourceTagNames();
        int chapter = Tags.chapter(tags).orElse(0);
        RunContext.levels().lockedBy(chapter).ifPresent(lower -> {
            throw NotRun.locked("chapter " + lower + " has failing scenarios; chapter " + chapter + " unlocks when they pass");
        });
        RunContext.isolate(scenario.getUri().toString());
        AdapterSession session = RunContext.beginScenario();
        Tags.area(tags).filter(area -> !session.handshake().claimsArea(area)).ifPresent(area -> {
            throw NotRun.notClaimed("area " + area);
        });
        for (String capability : Tags.requirements(tags)) {
            if (!session.handshake().claimsCapability(capability)) throw NotRun.notClaimed("capability " + capability);
        }
        for (String capability : Tags.unclaimed(tags)) {
            // the scenario checks what an adapter without the capability answers: this one has it
            if (session.handshake().claimsCapability(capability)) throw NotRun.notClaimed("capability " + capability + " left unclaimed");
        }
        if (RunContext.retrying()) {
            // Cucumber's and Allure's reports show this attempt beside the first one
            scenario.log("A retry: this scenario's first attempt was inconclusive (a timing check missed its bound while "
                    + "the machine stalled), so it runs once more; this attempt's verdict is the scenario's.");
        }
        session.beginScenario();
        StallDetector.scenarioBegins();
        RunContext.client().call(SessionOps.RESET, Empty.VALUE);
    }

    @After(order = 0)
    public void attachTranscript(Scenario scenario) {
        try {
            RunContext.currentSession().ifPresent(session -> {
                scenario.attach(session.transcript().render().getBytes(StandardCharsets.UTF_8), "text/plain", "protocol transcript");
                String stderr = session.scenarioStderr();
                if (!stderr.isEmpty()) scenario.attach(stderr.getBytes(StandardCharsets.UTF_8), "text/plain", "adapter stderr");
            });
        } finally {
            MachineShare.give();
        }
    }
}
