package dev.ack.runner.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into {@code \n}-terminated lines of raw bytes, in large reads, with a bound on a
 * line's length: a line past the bound is reported once, as soon as it passes it (a flooding process
 * may never write its newline), and the rest of it is skipped.
 */
final class Lines {
    /** What the splitter found. */
    interface Sink {
        void bytesRead(int count);

        /** A whole line without its {@code \n}; {@code bytes} is reused after the call. */
        void line(byte[] bytes, int length);

        /** A line grew past the bound; {@code head} holds its first bytes. */
        void overlong(byte[] head, int length);

        /** The stream ended with an unterminated line. */
        void unterminated(byte[] bytes, int length);
    }

    private static final int HEAD_BYTES = 300;

    private Lines() {}

    /** Reads {@code in} until its end (or an error, taken as its end). */
    static void split(InputStream in, int maxLineBytes, Sink sink) {
        byte[] chunk = new byte[1 << 16];
        byte[] line = new byte[1 << 12];
        int length = 0;
        boolean overlong = false;
        try (in) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                sink.bytesRead(n);
                int start = 0;
                for (int i = 0; i <= n; i++) {
                    boolean end = i < n && chunk[i] == '\n';
                    if (!end && i < n) continue;
                    int take = i - start;
                    if (!overlong && length + take > maxLineBytes) {
                        overlong = true;
                        int head = Math.min(HEAD_BYTES, length);
                        if (head < HEAD_BYTES) {
                            int more = Math.min(HEAD_BYTES - head, take);
                            line = ensure(line, head + more);
                            System.arraycopy(chunk, start, line, head, more);
                            head += more;
                        }
                        sink.overlong(line, head);
                        length = 0;
                    } else if (!overlong) {
                        line = ensure(line, length + take);
                        System.arraycopy(chunk, start, line, length, take);
                        length += take;
                    }
                    if (end) {
                        if (!overlong) sink.line(line, length);
                        length = 0;
                        overlong = false;
                    }
                    start = i + 1;
                }
            }
        } catch (IOException ignored) {
            // the stream broke: the same as its end
        }
        if (!overlong && length > 0) sink.unterminated(line, length);
    }

    private static byte[] ensure(byte[] buffer, int size) {
        return size <= buffer.length ? buffer : Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
    }
}
