package dev.ack.protocol.programs;

/**
 * The args of {@code co.leaf_ready} and {@code wk.leaf_ready}: make a manual leaf ready.
 *
 * @param name  the leaf
 * @param value its value
 */
public record LeafReadyArgs(String name, String value) {}
