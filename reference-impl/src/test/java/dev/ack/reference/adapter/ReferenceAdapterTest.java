package dev.ack.reference.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Codec;
import dev.ack.reference.variants.KnownBadVariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The adapter as the runner starts it: a child process on this JVM, talking over stdin and stdout. */
class ReferenceAdapterTest {
    private static final String HELLO = "{\"id\":1,\"op\":\"hello\",\"args\":{\"protocol\":1}}\n";

    @Test
    void answersHelloAndExitsZeroAtEndOfInput() throws Exception {
        Run run = run(HELLO);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("{\"id\":1,\"ok\":true,\"result\":{\"name\":\"ack-reference\",").hasLineCount(1);
        assertClaimsEveryCapability(run);
    }

    @Test
    void aVariantNamesItselfAndClaimsTheSame() throws Exception {
        Run run = run(HELLO, "--variant", "lost-wake");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("\"name\":\"ack-reference (variant lost-wake)\"")
                .contains("\"areas\":[\"event-queue\",\"fibers\",\"coroutines\",\"wakers\",\"pinning\",\"runtime\"]");
        assertClaimsEveryCapability(run);
    }

    /** The reference claims every capability of the protocol, however many there are by now. */
    private static void assertClaimsEveryCapability(Run run) throws IOException {
        List<String> claimed = new ArrayList<>();
        Codec.JSON.readTree(run.stdout()).path("result").path("capabilities").forEach(c -> claimed.add(c.asText()));
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(Capability.ALL);
    }

    @Test
    void aFibersVariantBreaksTheFibersAreaOnly() throws Exception {
        String spawn = "{\"do\":\"spawn\",\"body\":[]}";
        Run run = run(HELLO + "{\"id\":2,\"op\":\"fb.runtime_new\",\"args\":{}}\n"
                + "{\"id\":3,\"op\":\"fb.run\",\"args\":{\"runtime\":1,\"program\":["
                + String.join(",", spawn, spawn, spawn, spawn) + "]}}\n", "--variant", "fibers-no-base-slot");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("\"name\":\"ack-reference (variant fibers-no-base-slot)\"")
                .contains("{\"event\":\"spawned\",\"fiber\":0,\"id\":4}").doesNotContain("NoFreeSlot");
    }

    @Test
    void listVariantsPrintsEveryKnownBadVariantWithTheRulesItFails() throws Exception {
        Run run = run("", "--list-variants");

        assertThat(run.exitCode()).isZero();
        JsonNode variants = Codec.JSON.readTree(run.stdout());
        assertThat(variants).hasSize(KnownBadVariants.all().size());
        assertThat(variants.get(0).toString()).isEqualTo("{\"name\":\"level-for-edge\",\"area\":\"event-queue\","
                + "\"chapter\":4,\"description\":\"accepts edge-triggered registrations but registers them"
                + " level-triggered\",\"fails\":[\"EQ-10\",\"EQ-12\",\"EQ-20\"]}");
    }

    @Test
    void anUnknownVariantIsAUsageError() throws Exception {
        Run run = run("", "--variant", "reference");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("usage").contains("level-for-edge").contains("fibers-lose-local");
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(String input, String... args) throws IOException, InterruptedException {
        // the JVM flags the root pom gives every process of ours, passed on by surefire
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(List.of(System.getProperty("ack.jvm.flags").split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReferenceAdapter.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("adapter exited").isTrue();
        return new Run(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
