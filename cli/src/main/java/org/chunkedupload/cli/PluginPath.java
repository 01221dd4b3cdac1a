package org.chunkedupload.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ProviderRegistry;

/**
 * Providers the CLI does not bundle, loaded from {@code CHUNKED_UPLOAD_PLUGIN_PATH}: directories (every
 * {@code .jar} in them) and jar files, separated like a class path. The optional jclouds bridge is used
 * this way ({@code provider-jclouds/target/plugin} holds its jar and jclouds), so no other module of the
 * toolkit depends on jclouds. The CLI's own classes come first: a plugin cannot replace them.
 */
final class PluginPath {
    /** The environment variable naming the plugins. */
    static final String VARIABLE = "CHUNKED_UPLOAD_PLUGIN_PATH";

    private PluginPath() {
    }

    /**
     * @param value the variable's value, or {@code null}
     * @return the installed providers: the bundled ones and those of the plugins
     * @throws ConfigurationException naming an entry that is neither a directory nor a jar
     */
    static ProviderRegistry registry(String value) {
        if (value == null || value.isBlank()) {
            return ProviderRegistry.load();
        }
        List<URL> jars = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.strip());
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                        jars.add(url(f));
                    }
                } catch (IOException e) {
                    throw new ConfigurationException(VARIABLE + " names the directory " + p + ", which cannot be read ("
                            + e.getMessage() + "); fix its permissions or remove it from the variable", e);
                }
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                jars.add(url(p));
            } else {
                throw new ConfigurationException(VARIABLE + " names " + p + ", which is neither a directory nor a .jar"
                        + " file; fix the path (e.g. provider-jclouds/target/plugin) or unset the variable");
            }
        }
        URLClassLoader loader = new URLClassLoader("chunked-upload-plugins", jars.toArray(URL[]::new),
                PluginPath.class.getClassLoader());
        return ProviderRegistry.load(loader);
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ConfigurationException(VARIABLE + " names " + p + ", which is not a usable path", e);
        }
    }
}
