package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code providers} and {@code config show} say what a provider can do and takes, in words, without configuration. */
class ProvidersOutputTest {
    @TempDir
    Path tmp;

    private static String out(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        return out.toString();
    }

    @Test
    void everyProvidersCapabilitiesAreInWords() {
        String o = out("providers");
        for (String id : new String[] {"az", "fs", "gs", "s3"}) {
            assertTrue(o.contains("\n" + id + "  ") || o.startsWith(id + "  "), id + " is listed:\n" + o);
        }
        assertEquals(4, o.lines().filter(l -> l.trim().startsWith("parts: ")).count(), "every provider's parts:\n" + o);
        assertEquals(4, o.lines().filter(l -> l.trim().startsWith("abort: ")).count(), o);
        assertTrue(o.contains("5.0 MiB at least, 5.0 GiB at most"), "S3's part sizes with units:\n" + o);
        assertFalse(o.contains("unavailable") || o.contains("4611686018427387903") || o.contains("Capabilities["),
                "no raw records, no 'unavailable':\n" + o);
    }

    @Test
    void configShowListsTheSettingsTheProviderTakes() throws Exception {
        Path conf = Files.writeString(tmp.resolve("c.properties"), "provider = fs\nfs.root = " + tmp.resolve("store") + "\n");
        String o = out("config", "show", "--config", conf.toString());
        assertTrue(o.contains("#   root (default ./chunked-store): root directory")
                && o.contains("#   fsync (default true)") && o.contains("#   create-buckets"), o);
    }
}
