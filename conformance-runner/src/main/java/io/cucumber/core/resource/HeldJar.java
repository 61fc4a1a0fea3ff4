package io.cucumber.core.resource;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A folder inside a jar, opened as a file system through Cucumber's own reference-counted service
 * and held open until closed. Cucumber opens the jar once for every feature file it discovers and
 * closes it after, which for the kit's jar (some 16,000 entries, a central directory read in full at
 * every opening) costs seconds a run; while this holds the jar, every opening reuses it. It lives in
 * Cucumber's package because that service is package-private: a Cucumber upgrade that moves it breaks
 * the build, never a run.
 */
public final class HeldJar implements Closeable {
    private final CloseablePath held;

    private HeldJar(CloseablePath held) {
        this.held = held;
    }

    /** Opens {@code folder}, a {@code jar:} URI such as {@code jar:file:/kit/ack.jar!/ack/features}. */
    public static HeldJar open(URI folder) throws IOException {
        try {
            return new HeldJar(JarUriFileSystemService.open(folder));
        } catch (URISyntaxException e) {
            throw new IOException("not a jar folder: " + folder, e);
        }
    }

    /** The folder, readable as long as this is open. */
    public Path path() { return held.getPath(); }

    @Override
    public void close() throws IOException { held.close(); }
}
