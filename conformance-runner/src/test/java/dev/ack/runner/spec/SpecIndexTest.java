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

            **Level:** MUST · **Chapter:** 4 · **Book:** ch04/a-epoll `Poll::new`

            An implementation MUST create
            a poll instance.

            **Intent:** Everything starts here.

            **If this fails, check:** that `eq.poll_new` replies with a handle.

            ## EQ-02 The API is mio-shaped

            **Level:** SHOULD · **Chapter:** 4 · **Beyond the book:** capabilities `reregister`, `deregister` (mio)

            The API SHOULD look like mio.

            **Intent:** Swapping is cosmetic.

            **If this fails, check:** nothing.

            **Untested:** the shape of an API is not observable through the protocol.

            **The book's code and this rule:** a note.
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
        assertThat(first.beyondTheBook()).isFalse();
        assertThat(first.source()).isEqualTo("ch04/a-epoll `Poll::new`");
        assertThat(rules.get("EQ-02").capabilities()).containsExactly("reregister", "deregister");
        assertThat(rules.get("EQ-02").bookNote()).hasValue("a note.");
        assertThat(rules.get("EQ-02").untestedReason()).hasValueSatisfying(r -> assertThat(r).contains("not observable"));
    }

    @Test
    void aMalformedRuleIsAnErrorNamingIt() {
        String noHint = GOOD.replace("**If this fails, check:** that `eq.poll_new` replies with a handle.", "");
        assertThatThrownBy(() -> SpecIndex.parse("event-queue.md", noHint, new LinkedHashMap<>()))
                .hasMessageContaining("event-queue.md, rule EQ-01: missing **If this fails, check:**");
        String noMeta = GOOD.replace("**Level:** MUST · **Chapter:** 4 · **Book:** ch04/a-epoll `Poll::new`", "");
        assertThatThrownBy(() -> SpecIndex.parse("event-queue.md", noMeta, new LinkedHashMap<>()))
                .hasMessageContaining("rule EQ-01: the line after the heading");
        String oldSource = GOOD.replace("**Book:** ch04/a-epoll", "**Source:** ch04/a-epoll");
        assertThatThrownBy(() -> SpecIndex.parse("event-queue.md", oldSource, new LinkedHashMap<>()))
                .hasMessageContaining("rule EQ-01: the line after the heading");
        String unnamed = GOOD.replace("capabilities `reregister`, `deregister` (mio)", "mio");
        assertThatThrownBy(() -> SpecIndex.parse("event-queue.md", unnamed, new LinkedHashMap<>()))
                .hasMessageContaining("rule EQ-02: **Beyond the book:** must name its capability");
        assertThatThrownBy(() -> SpecIndex.parse("x.md", GOOD + GOOD.substring(GOOD.indexOf("## EQ-01")), new LinkedHashMap<>()))
                .hasMessageContaining("defined twice");
    }

    @Test
    void readsTheProtocolsRulesInsideTheirSectionsWithTheirFormerNamesAndDoctorChecks() {
        String protocol = """
                ## 1. Framing

                #### PR-01 One line per message
                **Level:** MUST · **Protocol:** §1 · **Formerly:** P-1

                Every message MUST be one line.

                **Intent:** i
                **If this fails, check:** h
                **Doctor check:** `malformed line`, `unknown op`

                ### 1.1 A subsection, not part of the rule

                ## EQ-09 An area's heading here is no rule
                """;
        Map<String, Rule> rules = new LinkedHashMap<>();
        SpecIndex.parse("protocol.md", protocol, rules);
        assertThat(rules).containsOnlyKeys("PR-01");
        Rule rule = rules.get("PR-01");
        assertThat(rule.protocol()).isTrue();
        assertThat(rule.formerly()).hasValue("P-1");
        assertThat(rule.source()).isEqualTo("protocol.md §1");
        assertThat(rule.doctorChecks()).containsExactly("malformed line", "unknown op");
        assertThat(rule.text()).isEqualTo("Every message MUST be one line.");
        assertThatThrownBy(() -> SpecIndex.parse("protocol.md", protocol.replace(" · **Protocol:** §1", ""), new LinkedHashMap<>()))
                .hasMessageContaining("protocol.md, rule PR-01: the line after the heading must read **Level:** MUST · **Protocol:** §N");
        assertThat(SpecIndex.bundled().rule("P-2")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("PR-02"));
    }
}
