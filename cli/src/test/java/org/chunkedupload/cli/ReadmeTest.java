package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.config.ToolkitConfig;
import org.chunkedupload.testsupport.ReadmeSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README cannot drift: its configuration block is loaded as a configuration file is, and every
 * Java snippet is compiled against the toolkit (the variables a snippet assumes are declared in an
 * HTML comment {@code <!-- compile-with: Type name; ... -->} just before it).
 */
class ReadmeTest {
    private static final String IMPORTS = String.join("\n", "import java.io.*;", "import java.nio.file.*;",
            "import java.util.*;", "import org.chunkedupload.api.*;", "import org.chunkedupload.transfer.*;",
            "import org.chunkedupload.s3.*;", "import org.chunkedupload.gcs.*;", "import org.chunkedupload.azure.*;",
            "import org.chunkedupload.tck.*;", "");

    @TempDir
    Path tmp;

    private static String readme() throws IOException {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../README.md");
        return Files.readString(p);
    }

    @Test
    void everyConfigurationBlockIsAValidConfiguration() throws IOException {
        Matcher m = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(readme());
        int n = 0;
        while (m.find()) {
            n++;
            Properties p = new Properties();
            p.load(new StringReader(m.group(1)));
            Map<String, String> values = new LinkedHashMap<>();
            // the configuration file's keys, or the same keys under chunked-upload. (Spring Boot)
            p.stringPropertyNames().forEach(k -> values.put(k.replaceFirst("^chunked-upload\\.", ""), p.getProperty(k)));
            ToolkitConfig c = ToolkitConfig.of(values, "README.md block " + n, Map.of(), ProviderRegistry.load());
            assertEquals("s3", c.provider());
            assertEquals(16L << 20, c.transfer().partSize());
        }
        assertTrue(n >= 2, "the file's and the Spring Boot block: " + n);
    }

    @Test
    void everyJavaSnippetCompiles() throws IOException {
        ReadmeSnippets.Result r = ReadmeSnippets.compile(Path.of(System.getProperty("user.dir")).resolve("../README.md"), "",
                IMPORTS, tmp);
        assertTrue(r.snippets() >= 5, "the README's Java snippets were found: " + r.snippets());
        assertTrue(r.failures().isEmpty(), String.join("\n\n", r.failures()));
    }
}
