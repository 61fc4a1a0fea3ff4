package dev.ack.reference.coroutines;

/** A leaf future a program waits on, as the program names it (spec/protocol.md §7). */
public sealed interface Leaf {
    /**
     * The name the trace gives this leaf.
     *
     * @return its label
     */
    String label();

    /**
     * Pending until the runner makes leaf {@code name} ready.
     *
     * @param name the name the runner makes it ready by
     */
    record Manual(String name) implements Leaf {
        @Override
        public String label() {
            return name;
        }
    }

    /**
     * {@code GET path} to the delay server on 127.0.0.1; the protocol gives it no name, so the path labels it.
     *
     * @param port the delay server's port
     * @param path {@code /<delay ms>/<message>}
     */
    record Http(int port, String path) implements Leaf {
        @Override
        public String label() {
            return path;
        }
    }
}
