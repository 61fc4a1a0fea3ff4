package dev.ack.runner.spec;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecIndexTest {
    private static final String GOOD = """
            # Area

            Intro text.

            ## EQ-01 Creating a poll instance

            **Level:** MUST · **Chapter:** 4 · **Source:** ch04/a-epoll `Poll::new`

            An implementation MUST create
            a poll instance.

            **Intent:** Everything starts here.

            **If this fails, check:** that `eq.poll_new` replies with a handle.

            ## EQ-02 The API is mio-shaped

            **Level:** SHOULD · **Chapter:** 4 · **Source:** ch04/b-epoll-mio

            The API SHOULD look like mio.

            **Intent:** Swapping is cosmetic.

            **If this fails, check:** nothing.

            **Untested:** the shape of an API is not observable through the protocol.
            """;

    @Test
    void readsRulesWithTheirFields() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        SpecIndex.parse("event-queue.md", GOOD, rules);
        assertThat(rules).containsOnlyKeys("EQ-01", "EQ-02");
        Rule first = rules.get("EQ-01");
        assertThat(first.title()).isEqualTo("Creating a poll instance");
        assertThat(first.level()).isEqualTo("MUST");
        assertThat(first.chapter()).isEqualTo(4);
        assertThat(first.text()).isEqualTo("An implementation MUST create\na poll instance.");
        assertThat(first.hint()).contains("eq.poll_new");
        assertThat(first.untested()).isFalse();
        assertThat(rules.get("EQ-02").untestedReason()).hasValueSatisfying(r -> assertThat(r).contains("not observable"));
    }

    @Test
    void aMalformedRuleIsAnErrorNamingIt() {
        String noHint = GOOD.replace("**If this fails, check:** that `eq.poll_new` replies with a handle.", "");
        assertThatThrownBy(() -> SpecIndex.parse("event-queue.md", noHint, new LinkedHashMap<>()))
                .hasMessageContaining("event-queue.md, rule EQ-01: missing **If this fails, check:**");
        String noMeta = GOOD.replace("**Level:** MUST · **Chapter:** 4 · **Source:** ch04/a-epoll `Poll::new`", "");
        assertThatThrownBy(() -> SpecIndex.parse("event-queue.md", noMeta, new LinkedHashMap<>()))
                .hasMessageContaining("rule EQ-01: the line after the heading");
        assertThatThrownBy(() -> SpecIndex.parse("x.md", GOOD + GOOD.substring(GOOD.indexOf("## EQ-01")), new LinkedHashMap<>()))
                .hasMessageContaining("defined twice");
    }
}
