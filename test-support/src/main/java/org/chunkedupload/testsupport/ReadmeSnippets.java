package org.chunkedupload.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles the README's Java snippets against the calling test's class path, so that they cannot
 * drift. The variables a snippet assumes are declared in an HTML comment just before it:
 * {@code <!-- compile-with: Type name; ... -->}; a snippet that needs a module the caller's class path
 * lacks is tagged with it, {@code <!-- compile-with(spark): ... -->}, and compiled by that module's test.
 */
public final class ReadmeSnippets {
    private static final Pattern SNIPPET = Pattern.compile(
            "(?:<!-- compile-with(?:\\((\\w+)\\))?: ([^>]*?) -->\\s*\n)?```java\n(.*?)```", Pattern.DOTALL);

    /**
     * @param snippets how many snippets with the tag were compiled
     * @param failures each failing snippet with the compiler's diagnostics
     */
    public record Result(int snippets, List<String> failures) {
    }

    private ReadmeSnippets() {
    }

    /**
     * @param readme the README
     * @param tag the snippets to compile: {@code ""} for untagged ones, else a module's tag
     * @param imports import lines every snippet gets
     * @param work a directory for the sources and classes
     * @return what was compiled and what failed
     * @throws IOException when the README or the directory cannot be used
     */
    public static Result compile(Path readme, String tag, String imports, Path work) throws IOException {
        Matcher m = SNIPPET.matcher(Files.readString(readme));
        List<String> failures = new ArrayList<>();
        int n = 0;
        int compiled = 0;
        while (m.find()) {
            n++;
            if (!tag.equals(m.group(1) == null ? "" : m.group(1))) {
                continue;
            }
            compiled++;
            String context = m.group(2) == null ? "" : m.group(2);
            String snippet = m.group(3);
            String name = "Snippet" + n;
            String fields = context.isBlank() ? "" : "    static " + String.join(";\n    static ", context.split(";\\s*"))
                    + ";\n";
            String source = snippet.lines().anyMatch(l -> l.matches("(public |abstract |final )*class \\w+.*"))
                    ? imports + "class " + name + " {\n" + fields + snippet + "\n}\n"
                    : imports + "class " + name + " {\n" + fields + "    void run() throws Exception {\n" + snippet
                    + "\n    }\n}\n";
            Path file = Files.writeString(work.resolve(name + ".java"), source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (var fm = javac.getStandardFileManager(diagnostics, null, null)) {
                boolean ok = javac.getTask(null, fm, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
                        "-d", work.toString(), "-proc:none"), null, fm.getJavaFileObjects(file)).call();
                if (!ok) {
                    failures.add("snippet " + n + ":\n" + snippet + "\n" + diagnostics.getDiagnostics());
                }
            }
        }
        return new Result(compiled, failures);
    }
}
