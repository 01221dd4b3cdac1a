package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --json} output against {@code docs/cli-json.md}: each line one JSON object,
 * its {@code schema} documented, its field names exactly the documented ones, each of a documented type.
 */
class CliJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** schema → field → allowed JSON types, from the documentation's tables. */
    private static Map<String, Map<String, Set<String>>> documented() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../docs/cli-json.md"));
        Map<String, Map<String, Set<String>>> out = new HashMap<>();
        Matcher section = Pattern.compile("### `(chunked-upload\\.[a-z]+/\\d+)`(.*?)(?=\n### |\\z)", Pattern.DOTALL)
                .matcher(doc);
        while (section.find()) {
            Map<String, Set<String>> fields = new LinkedHashMap<>();
            Matcher row = Pattern.compile("\n\\| (\\w+) \\| ([a-z, ]+) \\|").matcher(section.group(2));
            while (row.find()) {
                if (!row.group(1).equals("field")) {
                    fields.put(row.group(1), new TreeSet<>(List.of(row.group(2).split(",\\s*"))));
                }
            }
            out.put(section.group(1), fields);
        }
        return out;
    }

    private static String type(JsonNode n) {
        return n.isNull() ? "null" : n.isTextual() ? "string" : n.isNumber() ? "number" : n.isBoolean() ? "boolean"
                : n.isArray() ? "array" : "object";
    }

    private List<JsonNode> run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            nodes.add(JSON.readTree(line)); // a line that is not JSON fails here
        }
        assertFalse(nodes.isEmpty(), String.join(" ", args) + " printed JSON: " + err);
        return nodes;
    }

    @Test
    void everyCommandsJsonMatchesItsDocumentedSchema() throws Exception {
        Map<String, Map<String, Set<String>>> schemas = documented();
        assertEquals(8, schemas.size(), "documented schemas: " + schemas.keySet());
        Path root = tmp.resolve("store");
        String fs = "root=" + root;
        Path conf = Files.writeString(tmp.resolve("c.properties"), "provider = fs\nbucket = demo\nfs.root = " + root
                + "\nfs.fsync = false\n");
        Path src = Files.write(tmp.resolve("src"), new byte[3000]);
        try (StorageBackend store = ProviderRegistry.load().open(BackendConfig.of("fs", Map.of("root", root.toString())))) {
            store.initiate(ObjectTarget.parse("fs://demo/open"));
        }
        Thread.sleep(1100); // the upload above is older than the sweep's 1 s
        List<JsonNode> all = new ArrayList<>();
        all.addAll(run("put", src.toString(), "fs://demo/obj", "--json", "--quiet", "-o", fs));
        List<JsonNode> pending = run("pending", "fs://demo", "--json", "-o", fs);
        all.addAll(pending);
        all.addAll(run("sweep", "fs://demo", "--older-than", "1s", "--dry-run", "--json", "-o", fs));
        all.addAll(run("abort", "fs://demo/open", "--upload-id", pending.get(0).get("uploadId").asText(), "--json", "-o", fs));
        all.addAll(run("providers", "--json"));
        all.addAll(run("config", "show", "--json", "--config", conf.toString()));
        all.addAll(run("backstop", "fs://demo", "--abort-after", "7d", "--json", "-o", fs));
        all.addAll(run("tck", "--json", "--config", conf.toString(), "--report", tmp.resolve("report").toString()));

        Set<String> seen = new TreeSet<>();
        for (JsonNode n : all) {
            String schema = n.path("schema").asText();
            Map<String, Set<String>> fields = schemas.get(schema);
            assertTrue(fields != null, "documented schema: " + n);
            seen.add(schema);
            Set<String> names = new TreeSet<>();
            n.fieldNames().forEachRemaining(names::add);
            assertEquals(new TreeSet<>(fields.keySet()), names, schema + " fields: " + n);
            fields.forEach((f, types) -> assertTrue(types.contains(type(n.get(f))),
                    schema + "." + f + " is one of " + types + ": " + n.get(f)));
        }
        assertEquals(new TreeSet<>(schemas.keySet()), seen, "every documented schema was produced");
        assertEquals(List.of("fs://demo/open"), pending.stream().map(p -> "fs://" + p.get("bucket").asText() + "/"
                + p.get("key").asText()).toList(), "pending names the bucket and the key");
    }
}
