package dev.ack.runner.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The args of a request a scenario writes out as JSON, to send one that breaks the op's schema on
 * purpose: in args, {@code {name}} stands for the handle the scenario knows by that name, e.g.
 * {@code {"poll": {poll}, "source": {source A}}}.
 */
public final class OffSchemaArgs {
    private static final Pattern HANDLE = Pattern.compile("\\{([a-z]+(?: [A-Za-z0-9]+)?)}");

    private OffSchemaArgs() {}

    /** {@code json} read as a JSON value, as the scenario wrote it. */
    public static JsonNode parse(String json) {
        try {
            return Codec.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the scenario's JSON does not parse: " + json + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Args, a JSON object, with every {@code {name}} replaced by {@code handles.apply(name)}. */
    public static ObjectNode object(String json, Function<String, Long> handles) {
        Matcher m = HANDLE.matcher(json);
        StringBuilder text = new StringBuilder();
        while (m.find()) m.appendReplacement(text, Long.toString(handles.apply(m.group(1))));
        m.appendTail(text);
        if (parse(text.toString()) instanceof ObjectNode args) return args;
        throw new IllegalArgumentException("the scenario's args are not a JSON object: " + text);
    }
}
