package dev.ack.runner.suite;

import java.io.PrintStream;

/**
 * Writes the reports of a run one by one, each on its own: a report that cannot be written is said
 * on the console and the others are written all the same.
 */
final class ReportWrites {
    /** Writing one report. */
    interface Write {
        void run() throws Exception;
    }

    private final PrintStream out;

    ReportWrites(PrintStream out) {
        this.out = out;
    }

    void write(String report, Write write) {
        try {
            write.run();
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            out.println("kit: could not write " + report + ": " + e.toString().lines().findFirst().orElse(""));
        }
    }
}
