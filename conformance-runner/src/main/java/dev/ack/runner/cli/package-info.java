/** The kit's command line (picocli): run the suite, explain a rule. */
package dev.ack.runner.cli;
