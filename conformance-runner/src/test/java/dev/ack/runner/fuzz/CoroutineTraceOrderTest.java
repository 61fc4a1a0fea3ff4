package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.CoroutineTraceEntry.LeafPolled;
import dev.ack.protocol.programs.CoroutineTraceEntry.LeafStarted;
import dev.ack.protocol.programs.CoroutineTraceEntry.Log;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What kit fuzz compares of a coroutine's trace: the order of a join_all's children is free (CO-09), nothing else is. */
class CoroutineTraceOrderTest {
    private static final CoroutineTraceOrder ORDER = new CoroutineTraceOrder(CoroutineProgram.parse("""
            log "main says 1"
            create child c1:
              log "c1 says 2"
            create child c2:
              wait for leaf A
            create child c3:
              log "c3 says 3"
            join all c1 and c2
            wait for child c3
            """, () -> 0).instructions());

    private static final List<CoroutineTraceEntry> IN_ORDER = List.of(log("main says 1"), log("c1 says 2"),
            new LeafStarted("A"), new LeafPolled("A", false), log("c3 says 3"));

    @Test
    void theChildrenOfAJoinAllMayComeInAnyOrder() {
        List<CoroutineTraceEntry> lastFirst = List.of(log("main says 1"), new LeafStarted("A"), new LeafPolled("A", false),
                log("c1 says 2"), log("c3 says 3"));
        assertThat(ORDER.views(lastFirst)).isEqualTo(ORDER.views(IN_ORDER));
        assertThat(ORDER.hasFreeOrder(IN_ORDER)).isTrue();
    }

    @Test
    void aChildWaitedOnAloneOrAChildsOwnEntriesMayNot() {
        List<CoroutineTraceEntry> c3First = List.of(log("main says 1"), log("c3 says 3"), log("c1 says 2"),
                new LeafStarted("A"), new LeafPolled("A", false));
        List<CoroutineTraceEntry> polledBeforeStarted = List.of(log("main says 1"), log("c1 says 2"),
                new LeafPolled("A", false), new LeafStarted("A"), log("c3 says 3"));
        assertThat(ORDER.views(c3First)).isNotEqualTo(ORDER.views(IN_ORDER));
        assertThat(ORDER.views(polledBeforeStarted)).isNotEqualTo(ORDER.views(IN_ORDER));
    }

    private static Log log(String text) {
        return new Log(text, null);
    }
}
