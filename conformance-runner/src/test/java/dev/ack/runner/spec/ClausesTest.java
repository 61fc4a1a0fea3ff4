package dev.ack.runner.spec;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClausesTest {
    private static final String RULE = """
            ## EQ-04 Tokens come back exactly

            **Level:** MUST · **Chapter:** 4 · **Book:** ch04/a-epoll `Poll::poll`

            Tokens are integers.

            - **EQ-04.1** An implementation MUST report the token of the current registration,
              whatever the source.
            - **EQ-04.2** An implementation MUST answer a token above 2^53 - 1 with `InvalidArgument`.
              - Hint: the check before the registration.
            - **EQ-04.3** An implementation MUST NOT invent tokens.
              - Untested: a token nobody registered cannot be told from a stale one.

            **Intent:** Tokens are the caller's.

            **If this fails, check:** the 64-bit field.
            """;

    private static Rule rule(String markdown) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        SpecIndex.parse("event-queue.md", markdown, rules);
        return rules.get("EQ-04");
    }

    @Test
    void bulletsAreClausesWithTheirOwnHintAndUntestedReason() {
        var clauses = SpecIndex.clauses(rule(RULE));
        assertThat(clauses).extracting(Clause::id).containsExactly("EQ-04.1", "EQ-04.2", "EQ-04.3");
        assertThat(clauses.get(0).text()).isEqualTo("An implementation MUST report the token of the current registration, whatever the source.");
        assertThat(clauses.get(0).hint()).as("the rule's hint when the clause has none").isEqualTo("the 64-bit field.");
        assertThat(clauses.get(1).hint()).isEqualTo("the check before the registration.");
        assertThat(clauses.get(1).untested()).isFalse();
        assertThat(clauses.get(2).untestedReason()).hasValue("a token nobody registered cannot be told from a stale one.");
    }

    @Test
    void aRuleWithoutBulletsIsOneClause() {
        String plain = RULE.substring(0, RULE.indexOf("- **EQ-04.1**")) + RULE.substring(RULE.indexOf("**Intent:**"));
        var clauses = SpecIndex.clauses(rule(plain));
        assertThat(clauses).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("EQ-04");
            assertThat(c.text()).isEqualTo("Tokens are integers.");
        });
    }

    @Test
    void aClauseOfAnotherRuleIsAnError() {
        assertThatThrownBy(() -> SpecIndex.clauses(rule(RULE.replace("EQ-04.2", "EQ-05.2"))))
                .hasMessageContaining("clause EQ-05.2 belongs to another rule");
    }
}
