package dev.ack.runner.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the adapter's stderr: the most recent lines of the current scenario (for crash reports,
 * where the last line is the decisive one, and where an older panic would mislead), everything not
 * yet taken for a scenario's attachment, and, when the run has a log, every line of the adapter's
 * life in it. All bounded, so a flooding adapter cannot exhaust memory or disk; what is
 * dropped is counted and said. Lines are printable excerpts. Several adapters may write to one log at
 * once ({@code --jobs}): each line goes to it whole, in one append, marked with its process's id.
 */
final class StderrCapture {
    private static final int TAIL_LINES = 40;
    private static final int SCENARIO_MAX_LINES = 2_000;
    private static final int MAX_LINE_CHARS = 4_000;
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final long MAX_LOG_CHARS = 64L << 20;

    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> scenario = new ArrayList<>();
    private final Optional<Path> log;
    private OutputStream logFile;
    /** What starts each of this adapter's lines in the log: its process id. */
    private String mark = "";
    private long logged;
    private long droppedInScenario;
    private long lines;
    private long linesBeforeScenario;

    /** {@code log}: the file that gets every line of the adapter's life (appended), if any. */
    StderrCapture(Optional<Path> log) {
        this.log = log;
    }

    void drain(InputStream stderr, long pid, String header) {
        openLog(pid, header);
        Lines.split(stderr, MAX_LINE_BYTES, new Lines.Sink() {
            @Override
            public void bytesRead(int count) {}

            @Override
            public void line(byte[] bytes, int length) { add(new String(bytes, 0, length, StandardCharsets.UTF_8)); }

            @Override
            public void overlong(byte[] head, int length) {
                add(new String(head, 0, length, StandardCharsets.UTF_8) + " …[a line longer than " + MAX_LINE_BYTES + " bytes]");
            }

            @Override
            public void unterminated(byte[] bytes, int length) { line(bytes, length); }
        });
        closeLog();
    }

    private synchronized void add(String line) {
        String kept = Printable.of(Excerpt.of(line, MAX_LINE_CHARS));
        lines++;
        tail.addLast(kept);
        if (tail.size() > TAIL_LINES) tail.removeFirst();
        if (scenario.size() < SCENARIO_MAX_LINES) scenario.add(kept); else droppedInScenario++;
        appendToLog(kept);
    }

    /** The last lines written since the scenario began. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Lines written before the scenario began, which {@link #tail()} leaves out. */
    synchronized long linesBeforeScenario() { return linesBeforeScenario; }

    /** Where every line of the adapter's life is, if anywhere. */
    Optional<Path> log() { return log; }

    /**
     * A new scenario begins: the crash tail starts over. The attachment text does not: what came since
     * the previous scenario (the adapter's start-up lines) goes with this one.
     */
    synchronized void beginScenario() {
        linesBeforeScenario = lines;
        tail.clear();
    }

    /** Everything since the last call, then starts over. */
    synchronized String takeScenarioText() {
        StringBuilder text = new StringBuilder();
        scenario.forEach(l -> text.append(l).append('\n'));
        if (droppedInScenario > 0) text.append("…[").append(droppedInScenario).append(" more lines not kept]\n");
        scenario.clear();
        droppedInScenario = 0;
        return text.toString();
    }

    private synchronized void openLog(long pid, String header) {
        if (log.isEmpty()) return;
        try {
            if (log.get().getParent() != null) Files.createDirectories(log.get().getParent());
            // unbuffered: one append per line, so that lines of adapters writing at once never cut into each other
            logFile = Files.newOutputStream(log.get(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            mark = pid + "| ";
            write("=== " + header);
        } catch (IOException e) {
            logFile = null; // the log is a convenience: the run goes on without it
        }
    }

    private void appendToLog(String line) {
        if (logFile == null) return;
        try {
            if (logged + line.length() > MAX_LOG_CHARS) {
                write("…[this adapter's lines stop here: they reached " + (MAX_LOG_CHARS >> 20) + " MiB]");
                closeLog();
                return;
            }
            logged += line.length() + 1;
            write(mark + line);
        } catch (IOException e) {
            closeLog();
        }
    }

    private void write(String line) throws IOException {
        logFile.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void closeLog() {
        if (logFile == null) return;
        try {
            logFile.close();
        } catch (IOException ignored) {
            // nothing more to write
        }
        logFile = null;
    }
}
