package dev.ack.runner.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's version, stamped into the jar at build time; sent in {@code hello} and shown in reports. */
public final class SuiteVersion {
    public static final String VALUE = load();

    private SuiteVersion() {}

    private static String load() {
        try (InputStream in = SuiteVersion.class.getResourceAsStream("/ack/suite.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
