package dev.ack.protocol.programs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A leaf future a coroutine program waits on (spec/protocol.md §7); on the wire its kind is the {@code kind} field. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CoroutineLeaf.Manual.class, name = "manual"),
        @JsonSubTypes.Type(value = CoroutineLeaf.Http.class, name = "http")})
public sealed interface CoroutineLeaf {

    /**
     * Pending until the runner makes it ready ({@code co.leaf_ready}, {@code wk.leaf_ready}).
     *
     * @param name the leaf's name, unique within a scenario
     */
    record Manual(String name) implements CoroutineLeaf {}

    /**
     * A request to the runner's delay server on {@code 127.0.0.1}; Ready with the response's body.
     *
     * @param port the delay server's port
     * @param path the request's path, {@code /<ms>/<message>}
     * @param name how trace entries name the leaf; absent: by its path
     */
    record Http(int port, String path, @JsonInclude(JsonInclude.Include.NON_NULL) String name) implements CoroutineLeaf {}
}
