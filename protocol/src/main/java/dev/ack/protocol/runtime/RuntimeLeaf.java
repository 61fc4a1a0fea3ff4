package dev.ack.protocol.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A leaf future a runtime program waits on (spec/protocol.md §7.3): the coroutine programs' two kinds
 * and two whose I/O is not the runtime's. On the wire its kind is the {@code kind} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RuntimeLeaf.Manual.class, name = "manual"),
        @JsonSubTypes.Type(value = RuntimeLeaf.Http.class, name = "http"),
        @JsonSubTypes.Type(value = RuntimeLeaf.ThirdParty.class, name = "third-party"),
        @JsonSubTypes.Type(value = RuntimeLeaf.OtherRuntime.class, name = "other-runtime")})
public sealed interface RuntimeLeaf {

    /**
     * Pending until {@code rt.leaf_ready} makes it ready; keeps the waker of its most recent poll.
     *
     * @param name the leaf's name, unique within a scenario
     */
    record Manual(String name) implements RuntimeLeaf {}

    /**
     * A request to the runner's delay server through the runtime's reactor; Ready with the body.
     *
     * @param port the delay server's port
     * @param path the request's path
     * @param name how trace entries name the leaf; absent: by its path
     */
    record Http(int port, String path, @JsonInclude(JsonInclude.Include.NON_NULL) String name) implements RuntimeLeaf {}

    /**
     * The same request made by a client that is not the runtime's: it does its own I/O on its own
     * threads and wakes the task through the standard waker.
     *
     * @param port the delay server's port
     * @param path the request's path
     * @param name how trace entries name the leaf; absent: by its path
     */
    record ThirdParty(int port, String path, @JsonInclude(JsonInclude.Include.NON_NULL) String name) implements RuntimeLeaf {}

    /**
     * The same request bound to another runtime's reactor: it fails outside that runtime's context
     * ({@code enter_other_runtime}).
     *
     * @param port the delay server's port
     * @param path the request's path
     * @param name how trace entries name the leaf; absent: by its path
     */
    record OtherRuntime(int port, String path, @JsonInclude(JsonInclude.Include.NON_NULL) String name) implements RuntimeLeaf {}
}
