package dev.ack.runner.suite;

import dev.ack.runner.spec.FeatureIndex;
import dev.ack.runner.spec.ScenarioInfo;
import dev.ack.runner.spec.Tags;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The feature files a run executes, in teaching order: by the chapter of their scenarios, so that a
 * level's scenarios run before the levels built on it. Either the suite bundled in the kit or a
 * folder the user gave.
 */
public final class FeatureSet {
    private static final String BUNDLED = "ack/features";

    private final URI rootUri;
    private final boolean bundled;
    private FeatureIndex index;

    private FeatureSet(URI rootUri, boolean bundled) {
        this.rootUri = rootUri;
        this.bundled = bundled;
    }

    public static FeatureSet bundled() {
        URL url = FeatureSet.class.getResource("/" + BUNDLED);
        if (url == null) throw new IllegalStateException("the kit was built without its features (" + BUNDLED + ")");
        try {
            return new FeatureSet(url.toURI(), true);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled features: " + e.getMessage(), e);
        }
    }

    public static FeatureSet directory(Path directory) {
        return new FeatureSet(directory.toAbsolutePath().toUri(), false);
    }

    /** Every scenario, parsed once (for ordering, parse errors and {@code explain}). */
    public synchronized FeatureIndex index() {
        if (index == null) index = withRoot(FeatureIndex::fromDirectory);
        return index;
    }

    /**
     * One selector per feature file, ordered by chapter, then by path. Files that do not parse are
     * left out (they are reported from {@link #index()}), so one broken file does not stop the rest.
     */
    public List<DiscoverySelector> selectors() {
        FeatureIndex index = index();
        return withRoot(root -> {
            Map<String, Integer> chapterOfFile = index.scenarios().stream()
                    .collect(Collectors.toMap(ScenarioInfo::uri, FeatureSet::chapter, Math::min));
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.toString().endsWith(".feature"))
                        .filter(p -> !index.broken(uriOf(root, p)))
                        .sorted(Comparator.<Path>comparingInt(p -> chapterOfFile.getOrDefault(uriOf(root, p), Integer.MAX_VALUE))
                                .thenComparing(Path::toString))
                        .map(p -> selector(root, p))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Runs {@code body} on the features' root folder. Bundled features live inside the kit's jar: the
     * jar is opened as a file system for the call and closed after it, since Cucumber opens it again.
     */
    private <T> T withRoot(Function<Path, T> body) {
        if (!rootUri.getScheme().equals("jar")) return body.apply(Path.of(rootUri));
        try (FileSystem jar = FileSystems.newFileSystem(rootUri, Map.of())) {
            return body.apply(jar.provider().getPath(rootUri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uriOf(Path root, Path file) {
        return root.getParent() == null ? file.toString() : root.getParent().relativize(file).toString();
    }

    private DiscoverySelector selector(Path root, Path file) {
        return bundled
                ? DiscoverySelectors.selectUri("classpath:" + BUNDLED + "/" + root.relativize(file).toString().replace('\\', '/'))
                : DiscoverySelectors.selectFile(file.toFile());
    }

    /** A scenario's chapter from its {@code @chN} tag; the protocol's scenarios, which have none, come first. */
    static int chapter(ScenarioInfo scenario) {
        return Tags.chapter(scenario.tags()).orElse(0);
    }
}
