package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.config.ToolkitConfig;
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
        Matcher m = Pattern.compile("(?:<!-- compile-with: ([^>]*?) -->\\s*\n)?```java\n(.*?)```", Pattern.DOTALL)
                .matcher(readme());
        List<String> failures = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            n++;
            String context = m.group(1) == null ? "" : m.group(1);
            String snippet = m.group(2);
            String name = "Snippet" + n;
            String fields = context.isBlank() ? "" : "    static " + String.join(";\n    static ", context.split(";\\s*"))
                    + ";\n";
            String source = snippet.lines().anyMatch(l -> l.matches("(public |abstract |final )*class \\w+.*"))
                    ? IMPORTS + "class " + name + " {\n" + fields + snippet + "\n}\n"
                    : IMPORTS + "class " + name + " {\n" + fields + "    void run() throws Exception {\n" + snippet
                    + "\n    }\n}\n";
            Path file = Files.writeString(tmp.resolve(name + ".java"), source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (var fm = javac.getStandardFileManager(diagnostics, null, null)) {
                boolean ok = javac.getTask(null, fm, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
                        "-d", tmp.toString(), "-proc:none"), null, fm.getJavaFileObjects(file)).call();
                if (!ok) {
                    failures.add("snippet " + n + ":\n" + snippet + "\n" + diagnostics.getDiagnostics());
                }
            }
        }
        assertTrue(n >= 5, "the README's Java snippets were found: " + n);
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }
}
