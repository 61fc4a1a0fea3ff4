package dev.ack.reference.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The request lines of the protocol, read from the runner's pipe: each ends at {@code \n} (spec PR-01)
 * and is decoded as UTF-8, bytes that are not replaced. One buffer serves every line, filled by as few
 * reads of the pipe as it takes: a request costs a read and a scan, not a call per byte or a decoder.
 */
final class RequestLines {
    private final InputStream in;
    private byte[] buffer = new byte[8192];
    /** The unread bytes are {@code buffer[start..end)}. */
    private int start;
    private int end;

    RequestLines(InputStream in) {
        this.in = in;
    }

    /** {@return the next line without its {@code \n}; at the end of input the unfinished last line if any, then null} */
    String next() throws IOException {
        int scanned = 0; // how many unread bytes are known to hold no newline
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') return take(i - start, 1);
            }
            scanned = end - start;
            if (!fill()) return start == end ? null : take(end - start, 0);
        }
    }

    private String take(int length, int terminator) {
        String line = new String(buffer, start, length, StandardCharsets.UTF_8);
        start += length + terminator;
        return line;
    }

    /** Reads more of the pipe after what is unread, moving or growing the buffer first; false at the end of input. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) return false;
        end += read;
        return true;
    }
}
