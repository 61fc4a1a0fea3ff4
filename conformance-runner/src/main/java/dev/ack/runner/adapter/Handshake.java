package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the adapter said about itself in reply to {@code hello} (spec/protocol.md §3.1). */
public record Handshake(String name, String version, String language, int protocol,
                        Set<String> areas, Set<String> capabilities, ObjectNode raw) {

    /** Words the adapter chose are kept as short printable excerpts: they reach the console and every report. */
    private static final int MAX_WORD_CHARS = 200;

    /** From a result the session checked against the schema. */
    static Handshake from(ObjectNode result) {
        return new Handshake(
                word(result.path("name").asText("(unnamed)")),
                word(result.path("version").asText("?")),
                word(result.path("language").asText("?")),
                result.path("protocol").asInt(-1),
                strings(result.path("areas")),
                strings(result.path("capabilities")),
                result);
    }

    /** In the adapter's order, which the console and reports show. */
    private static Set<String> strings(JsonNode array) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(word(v.asText())));
        return Collections.unmodifiableSequencedSet(values);
    }

    private static String word(String text) {
        return Printable.of(Excerpt.of(text, MAX_WORD_CHARS));
    }

    public boolean claimsArea(String area) { return areas.contains(area); }

    public boolean claimsCapability(String capability) { return capabilities.contains(capability); }

    @Override
    public String toString() {
        return name + " " + version + " (" + language + ", protocol " + protocol + ", areas " + areas
                + ", capabilities " + capabilities + ")";
    }
}
