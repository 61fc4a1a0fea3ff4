package dev.ack.runner.suite;

import dev.ack.runner.spec.FeatureIndex;
import dev.ack.runner.spec.ScenarioInfo;
import dev.ack.runner.spec.Tags;
import io.cucumber.core.resource.HeldJar;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The feature files a run executes, in teaching order: by the chapter of their scenarios, so that a
 * level's scenarios run before the levels built on it. Either the suite bundled in the kit or a
 * folder the user gave. Bundled features live inside the kit's jar, which stays open as a file system
 * until {@link #close()}, for Cucumber's readings of it too ({@link HeldJar}).
 */
public final class FeatureSet implements AutoCloseable {
    private static final String BUNDLED = "ack/features";

    private final Path root;
    private final boolean bundled;
    private final Optional<HeldJar> jar;
    private FeatureIndex index;

    private FeatureSet(Path root, boolean bundled, Optional<HeldJar> jar) {
        this.root = root;
        this.bundled = bundled;
        this.jar = jar;
    }

    public static FeatureSet bundled() {
        URL url = FeatureSet.class.getResource("/" + BUNDLED);
        if (url == null) throw new IllegalStateException("the kit was built without its features (" + BUNDLED + ")");
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) return new FeatureSet(Path.of(uri), true, Optional.empty());
            HeldJar jar = HeldJar.open(uri);
            return new FeatureSet(jar.path(), true, Optional.of(jar));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled features: " + e.getMessage(), e);
        }
    }

    public static FeatureSet directory(Path directory) {
        return new FeatureSet(directory.toAbsolutePath(), false, Optional.empty());
    }

    /** Every scenario, parsed once (for ordering, parse errors and {@code explain}). */
    public synchronized FeatureIndex index() {
        if (index == null) index = FeatureIndex.fromDirectory(root);
        return index;
    }

    /**
     * One selector per feature file, ordered by chapter, then by path. Files that do not parse are
     * left out (they are reported from {@link #index()}), so one broken file does not stop the rest.
     */
    public List<DiscoverySelector> selectors() {
        FeatureIndex index = index();
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
    }

    /** Closes the kit's jar, if the features were read from it; the features are not readable after. */
    @Override
    public void close() throws IOException {
        if (jar.isPresent()) jar.get().close();
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
