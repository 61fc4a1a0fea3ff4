package dev.ack.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Protocol;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.spec.Tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Files every Allure result by chapter and area (epic) and by the rules it checks (story), so the
 * Allure report's behaviour tree reads like the spec. Allure's Cucumber plugin only turns tags into
 * plain tag labels, and its runtime API does not reach hooks, so the kit adds these labels to the
 * result files once the run is over.
 */
public final class AllureLabels {
    private final SpecIndex spec;

    public AllureLabels(SpecIndex spec) {
        this.spec = spec;
    }

    /** Records what was checked, by which suite, in Allure's environment widget. */
    public static void writeEnvironment(Path allureResults, String adapterCommand, String handshake) throws IOException {
        Files.createDirectories(allureResults);
        Properties env = new Properties();
        env.setProperty("suite", SuiteVersion.VALUE);
        env.setProperty("protocol", Integer.toString(Protocol.VERSION));
        env.setProperty("adapter", adapterCommand);
        env.setProperty("handshake", handshake);
        try (var out = Files.newBufferedWriter(allureResults.resolve("environment.properties"))) {
            env.store(out, "Async Conformance Kit run");
        }
    }

    public void apply(Path allureResults) throws IOException {
        if (!Files.isDirectory(allureResults)) return;
        List<Path> files;
        try (Stream<Path> list = Files.list(allureResults)) {
            files = list.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList();
        }
        List<String> unlabelled = new ArrayList<>();
        for (Path file : files) {
            try {
                label(file);
            } catch (IOException | RuntimeException e) {
                unlabelled.add(file.getFileName() + " (" + e.toString().lines().findFirst().orElse("") + ")");
            }
        }
        // one result the kit cannot read leaves the others labelled, and is said
        if (!unlabelled.isEmpty()) {
            throw new IOException(unlabelled.size() + " of " + files.size() + " Allure results not labelled: " + unlabelled.getFirst());
        }
    }

    private void label(Path file) throws IOException {
        ObjectNode result = (ObjectNode) Codec.JSON.readTree(file.toFile());
        ArrayNode labels = result.withArray("labels");
        List<String> tags = new ArrayList<>();
        labels.forEach(l -> { if (l.path("name").asText().equals("tag")) tags.add(l.path("value").asText()); });
        // the plugin's story is the scenario's name, already the test's title: stories become rules
        for (int i = labels.size() - 1; i >= 0; i--) if (labels.get(i).path("name").asText().equals("story")) labels.remove(i);
        String chapter = Tags.chapter(tags).map(String::valueOf).orElse("?");
        // the protocol's own scenarios have no area: they are filed under "Protocol"
        Tags.area(tags).ifPresentOrElse(area -> add(labels, "epic", "Chapter " + chapter + ": " + area),
                () -> add(labels, "epic", "Protocol"));
        for (String rule : Tags.rules(tags)) {
            add(labels, "story", spec.rule(rule).map(r -> rule + " " + r.title()).orElse(rule));
        }
        Files.writeString(file, Codec.JSON.writeValueAsString(result));
    }

    private static void add(ArrayNode labels, String name, String value) {
        for (JsonNode l : labels) if (l.path("name").asText().equals(name) && l.path("value").asText().equals(value)) return;
        labels.addObject().put("name", name).put("value", value);
    }
}
