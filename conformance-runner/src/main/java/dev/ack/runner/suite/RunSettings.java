package dev.ack.runner.suite;

import dev.ack.runner.adapter.AdapterCommand;
import dev.ack.runner.adapter.Deadlines;

import java.nio.file.Path;

/** What a run checks and how: the adapter to start, where, and how patient to be. */
public record RunSettings(AdapterCommand adapter, Path workingDirectory, Deadlines deadlines) {}
