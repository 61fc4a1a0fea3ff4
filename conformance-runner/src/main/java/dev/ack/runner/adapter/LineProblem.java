package dev.ack.runner.adapter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Why a line on the adapter's stdout is not a protocol message, and what to change in the adapter:
 * the byte-level faults (a byte-order mark, NUL and other control bytes, bytes that are not UTF-8)
 * found before the line is parsed, and the hint for a line that parsed but has the wrong shape.
 */
record LineProblem(String reason, String hint) {

    /** The first byte-level fault of a line, if any. */
    static Optional<LineProblem> inBytes(byte[] line, int length) {
        if (length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
            return Optional.of(new LineProblem("the line starts with a UTF-8 byte-order mark (bytes EF BB BF)",
                    "write UTF-8 without a byte-order mark: JSON text never starts with one (Python: encoding=\"utf-8\", "
                            + "not \"utf-8-sig\"; .NET: new UTF8Encoding(false); PowerShell: -Encoding utf8NoBOM)"));
        }
        for (int i = 0; i < length; i++) {
            int b = line[i] & 0xff;
            if (b >= 0x20 || b == '\t') continue;
            if (b == 0 && afterTheMessage(line, length, i)) {
                return Optional.of(new LineProblem("a NUL byte (0x00) after the end of the message, at byte " + (i + 1) + " of " + length,
                        "write exactly the JSON text and \"\\n\": the C string's terminating NUL (or a fixed-size buffer) went out too"));
            }
            return Optional.of(new LineProblem(String.format("a raw control byte 0x%02X (%s) at byte %d of %d", b, controlName(b), i + 1, length),
                    "JSON allows no raw control characters: escape them inside strings (\\u" + String.format("%04x", b)
                            + "); terminal colour codes and other console output belong on stderr"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(line, 0, length);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                return Optional.of(new LineProblem(String.format("not valid UTF-8: byte 0x%02X at byte %d of %d", line[at] & 0xff, at + 1, length),
                        "write stdout as UTF-8: was a Latin-1 or Windows-1252 string, or raw binary data, written as it is?"));
            }
            if (result.isUnderflow()) return Optional.empty();
            out.clear();
        }
    }

    /** The hint for a line that is not a message of the protocol's shape (the reason is the parser's). */
    static String hintForShape(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) return "an empty line: write nothing but messages, each ended by one \"\\n\"";
        if (!trimmed.startsWith("{")) return "only protocol messages may go to stdout; debug output belongs on stderr";
        if (!trimmed.endsWith("}")) return "each message must be whole on one line; was it split, or written without its newline?";
        if (trimmed.contains("}{") || trimmed.contains("} {")) return "two messages on one line: end each with a newline and flush";
        return "see spec/protocol.md §2 for the shape of replies and events";
    }

    /** Only NUL bytes (and white space) follow position {@code at}, and a closing brace comes before it. */
    private static boolean afterTheMessage(byte[] line, int length, int at) {
        for (int i = at; i < length; i++) if (line[i] != 0 && line[i] != ' ') return false;
        for (int i = at - 1; i >= 0; i--) {
            if (line[i] == '}') return true;
            if (line[i] != ' ' && line[i] != '\t') return false;
        }
        return false;
    }

    private static String controlName(int b) {
        return switch (b) {
            case 0 -> "NUL";
            case 0x1b -> "ESC, as in a terminal colour code";
            case '\r' -> "a carriage return inside the line";
            case 0x08 -> "backspace";
            case 0x07 -> "bell";
            case 0x0c -> "form feed";
            default -> "a C0 control character";
        };
    }
}
