package dev.ack.benchmarks;

/** The root pom's JVM flags, filled in at build time, as constants an annotation such as {@code @Fork} can use. */
final class JvmFlags {
    /** What the reference fibers need: {@code --add-exports} of the JDK's Continuation. */
    static final String ADD_EXPORTS = "${ack.jvm.exports}=ALL-UNNAMED";

    private JvmFlags() {}
}
