package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --version} says the version the build wrote, not a string in the code. */
class VersionTest {
    @Test
    void theVersionComesFromTheBuild() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(new StringWriter())));
        String first = out.toString().lines().findFirst().orElse("");
        assertTrue(first.matches("chunked-upload \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), first);
        assertEquals("chunked-upload " + System.getProperty("project.version"), first);
    }
}
