package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class lists the launcher adds to its class-data archive ({@code cli/cds/*-upload.classlist},
 * made by {@code cli/cds/generate.sh} from puts to real S3, GCS and Azure servers) name only classes
 * and lambdas that still exist. A stale entry does not break the launcher (the JVM skips it with a
 * warning), it silently loses the start-up it was there to save: regenerate the lists when this
 * test fails.
 */
class CdsClassListTest {
    private static final Path CDS = Path.of(System.getProperty("user.dir")).resolve("cds");

    @ParameterizedTest
    @ValueSource(strings = {"s3", "gs", "az"})
    void everyClassAndLambdaItNamesExists(String scheme) throws Exception {
        Path list = CDS.resolve(scheme + "-upload.classlist");
        List<String> stale = new ArrayList<>();
        int classes = 0;
        int lambdas = 0;
        for (String line : Files.readAllLines(list)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("@lambda-form-invoker")) {
                continue; // comments; the JDK's own method-handle holders
            }
            if (line.startsWith("@lambda-proxy ")) {
                // @lambda-proxy CALLER NAME TYPE ERASED KIND IMPL_CLASS IMPL_METHOD IMPL_TYPE INSTANTIATED
                String[] f = line.split(" ");
                lambdas++;
                if (load(f[1]) == null || !declares(load(f[6]), f[7])) {
                    stale.add(line);
                }
                continue;
            }
            classes++;
            if (load(line.split(" ")[0]) == null) {
                stale.add(line);
            }
        }
        assertTrue(classes > 100 && lambdas > 100, "the list names classes (" + classes + ") and lambdas (" + lambdas + ")");
        assertTrue(stale.isEmpty(), stale.size() + " entries of " + list + " no longer exist; run cli/cds/generate.sh: "
                + stale.subList(0, Math.min(5, stale.size())));
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, CdsClassListTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean declares(Class<?> type, String method) {
        if (type == null) {
            return false;
        }
        if (method.equals("<init>")) {
            return true;
        }
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals);
    }
}
