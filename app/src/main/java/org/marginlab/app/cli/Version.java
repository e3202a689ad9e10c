package org.marginlab.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.Optional;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * The app's version for {@code marginlab --version}: the module's version when the module
 * descriptor records one, else the Maven build's {@code pom.properties} packaged in the jar,
 * else {@code dev} (running from an IDE or {@code target/classes}).
 */
public final class Version implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/org.marginlab/marginlab-app/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"MarginLab " + version()};
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev}; never null */
    public static String version() {
        ModuleDescriptor descriptor = Version.class.getModule().getDescriptor();
        Optional<String> fromModule = descriptor == null ? Optional.empty() : descriptor.rawVersion();
        if (fromModule.isPresent()) {
            return fromModule.get();
        }
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }
}
