package dev.ack.runner.fuzz;

import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.runner.fuzz.EventQueueCase.Step;
import dev.ack.runner.steps.eventqueue.Interests;
import dev.ack.runner.steps.eventqueue.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/** What kit fuzz accepts of an event-queue run, as the spec leaves it free, and which cases it may run. */
class EventQueueFuzzTest {
    private static final Interests READABLE = new Interests(true, false);
    private static final Interests WRITABLE = new Interests(false, true);
    private static final Interests BOTH = new Interests(true, true);

    private static Event event(long token, boolean readable, boolean writable) {
        return new Event(token, readable, writable, false, false, false);
    }

    private static EventQueueRules threeReadySources(Mode mode) {
        EventQueueRules rules = new EventQueueRules(3, false);
        for (int source = 0; source < 3; source++) {
            rules.register(new Step.Register(source, source + 1, READABLE, mode, false));
            rules.sent(source, "x");
        }
        return rules;
    }

    @Test
    void aFullPollMayTakeAnyOfTheReadySourcesInAnyOrderOrSplitOneOverSeveralEvents() {
        assertThat(threeReadySources(Mode.LEVEL_TRIGGERED).polled(2, List.of(event(3, true, false), event(1, true, false)))).isEmpty();
        assertThat(threeReadySources(Mode.LEVEL_TRIGGERED).polled(2, List.of(event(2, true, false), event(3, true, false)))).isEmpty();
        EventQueueRules both = new EventQueueRules(1, false);
        both.register(new Step.Register(0, 7, BOTH, Mode.LEVEL_TRIGGERED, false));
        both.sent(0, "x");
        assertThat(both.polled(4, List.of(event(7, false, true), event(7, true, false)))).isEmpty();
    }

    @Test
    void aPollWithRoomMustReportEveryReadySourceAndNoOther() {
        assertThat(threeReadySources(Mode.LEVEL_TRIGGERED).polled(4, List.of(event(1, true, false), event(2, true, false))))
                .containsExactly("token 3 not reported, though readable and the poll had room (EQ-20)");
        EventQueueRules writableOnly = new EventQueueRules(1, false);
        writableOnly.register(new Step.Register(0, 4, WRITABLE, Mode.LEVEL_TRIGGERED, false));
        writableOnly.sent(0, "x");
        assertThat(writableOnly.polled(4, List.of(event(4, true, true))))
                .containsExactly("token 4 reported readable and writable, where the spec says writable (EQ-05 to EQ-09, EQ-35.1)");
    }

    @Test
    void anEdgeThatDidNotFitIsOwedToTheNextPollAndThenNotReportedAgain() {
        EventQueueRules rules = threeReadySources(Mode.EDGE_TRIGGERED);
        assertThat(rules.polled(2, List.of(event(1, true, false), event(2, true, false)))).isEmpty();
        assertThat(rules.polled(4, List.of())).containsExactly("token 3 not reported, though readable and the poll had room (EQ-20)");
        EventQueueRules again = threeReadySources(Mode.EDGE_TRIGGERED);
        again.polled(2, List.of(event(1, true, false), event(2, true, false)));
        assertThat(again.polled(4, List.of(event(3, true, false)))).isEmpty();
        assertThat(again.polled(4, List.of(event(3, true, false))))
                .containsExactly("token 3 reported readable, edge-triggered, with no transition since it was last reported (EQ-10)");
    }

    @Test
    void aLevelTriggeredSourceComesAgainWhileReadyAndNotOnceDrainedNorAfterItsDeregistration() {
        EventQueueRules rules = threeReadySources(Mode.LEVEL_TRIGGERED);
        List<Event> all = List.of(event(1, true, false), event(2, true, false), event(3, true, false));
        assertThat(rules.polled(4, all)).isEmpty();
        assertThat(rules.polled(4, all)).isEmpty();
        assertThat(rules.read(0, 4096, "x", false, null)).isEmpty();
        rules.deregister(1);
        assertThat(rules.polled(4, all)).containsExactly("token 1 reported readable, which is not ready for readable (EQ-08, EQ-09)",
                "token 2 reported readable, which no registration has now (EQ-12, EQ-13)");
    }

    @Test
    void aReregisterMayOrMayNotBeAnEdgeAndAOneshotIsReportedOnceUntilReArmed() {
        for (List<Event> either : List.of(List.<Event>of(), List.of(event(5, true, false)))) {
            EventQueueRules rules = new EventQueueRules(1, false);
            rules.sent(0, "x");
            rules.register(new Step.Register(0, 4, READABLE, Mode.LEVEL_TRIGGERED, false));
            rules.register(new Step.Register(0, 5, READABLE, Mode.EDGE_TRIGGERED, true));
            assertThat(rules.polled(4, either)).isEmpty();
        }
        EventQueueRules oneshot = new EventQueueRules(1, false);
        oneshot.register(new Step.Register(0, 4, WRITABLE, Mode.ONESHOT, false));
        assertThat(oneshot.polled(1, List.of(event(4, false, true)))).isEmpty();
        assertThat(oneshot.polled(1, List.of(event(4, false, true)))).containsExactly(
                "token 4 reported writable, a oneshot registration already reported and not re-armed (EQ-11)");
        oneshot.register(new Step.Register(0, 4, WRITABLE, Mode.ONESHOT, true));
        assertThat(oneshot.polled(1, List.of())).containsExactly("token 4 not reported, though writable and the poll had room (EQ-20)");
    }

    @Test
    void aReadMayBeShortButNotEmptyNorOutOfOrderAndEndsOnlyAfterTheClose() {
        EventQueueRules rules = new EventQueueRules(1, false);
        assertThat(rules.read(0, 10, null, false, "WouldBlock")).isEmpty();
        rules.sent(0, "abc");
        assertThat(rules.read(0, 10, "a", false, null)).isEmpty();
        assertThat(rules.read(0, 10, "c", false, null)).hasValueSatisfying(why -> assertThat(why).contains("the next being \"bc\""));
        assertThat(rules.read(0, 10, "c", false, null)).isEmpty();
        rules.closedByPeer(0);
        assertThat(rules.read(0, 10, "", true, null)).isEmpty();
        assertThat(rules.read(0, 10, null, false, "WouldBlock")).hasValueSatisfying(why -> assertThat(why).contains("the peer closed"));
    }

    @Test
    void everyGeneratedCaseAndEverySmallerOneIsValid() {
        qt().withFixedSeed(5).withExamples(200).forAll(EventQueueCases.cases(new EventQueueCases.Claims(true, true, true, true, true))).checkAssert(c -> {
            assertThat(EventQueueFuzz.valid(c)).as("%s", c).isTrue();
            assertThat(new EventQueueFuzz().smaller(c)).allMatch(EventQueueFuzz::valid).isNotEmpty();
        });
    }

    @Test
    void aReregisterOfASourceNotRegisteredAndATokenInUseTwiceAreNotValid() {
        Step.Poll last = new Step.Poll(2);
        assertThat(EventQueueFuzz.valid(new EventQueueCase(2, List.of(new Step.Register(0, 1, READABLE, Mode.LEVEL_TRIGGERED, true), last), false))).isFalse();
        assertThat(EventQueueFuzz.valid(new EventQueueCase(2, List.of(new Step.Register(0, 1, READABLE, Mode.LEVEL_TRIGGERED, false),
                new Step.Register(1, 1, READABLE, Mode.LEVEL_TRIGGERED, false), last), false))).isFalse();
        assertThat(EventQueueFuzz.valid(new EventQueueCase(2, List.of(new Step.Register(0, 1, WRITABLE, Mode.EDGE_TRIGGERED, false), last), false))).isFalse();
        assertThat(EventQueueFuzz.valid(new EventQueueCase(2, List.of(new Step.Close(0), new Step.Send(0, "x"), last), false))).isFalse();
        assertThat(EventQueueFuzz.valid(new EventQueueCase(2, List.of(new Step.Poll(1)), false))).isFalse();
    }

    @Test
    void theScenarioChecksWhatThePollHadToReportNotWhatItChose() {
        EventQueueCase c = new EventQueueCase(1, List.of(new Step.Register(0, 4, WRITABLE, Mode.LEVEL_TRIGGERED, false),
                new Step.Send(0, "ab"), new Step.Read(0, 1), new Step.Poll(1)), false);
        EventQueueRules.Expectation expectation = new EventQueueRules.Expectation(Map.of(4L, new EventQueueRules.Flags(false, true, false)), Set.of(), Set.of(9L));
        String scenario = new EventQueueFuzz().scenario("eq.x", "t", c, new EventQueueRun(List.of(), Map.of(3, expectation), Map.of(2, "a")));
        assertThat(scenario).isEqualTo("""
                  @id:eq.x
                  Scenario: t
                    Given a poll instance
                    And a source "A" connected to a peer
                    When I register source "A" with token 4 for writable
                    And peer "A" sends "ab"
                    And I read at most 1 bytes from source "A"
                    And an events collection of capacity 1
                    And I poll with a timeout of 100 ms
                    Then the poll reports token 4 writable
                    And the poll does not report token 4 readable
                    And the poll does not report token 9 readable and writable
                """);
    }
}
