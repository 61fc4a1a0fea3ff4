package dev.ack.runner.adapter;

import java.nio.file.Path;

/**
 * What a run checks and how: the adapter to start, where, how patient to be, and whether every line
 * is checked against the protocol's schema ({@link SchemaCheck}).
 */
public record RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines, boolean strict) {}
