package org.chunkedupload.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The CLI's {@code --json} output: JSON lines, one object per line, each with a {@code schema} field
 * naming its documented shape ({@code docs/cli-json.md}), written with Jackson's generator.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the fields of one object. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    /**
     * @param out where the line goes
     * @param schema e.g. {@code chunked-upload.pending/1}
     * @param fields the object's other fields
     */
    static void line(PrintWriter out, String schema, Fields fields) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("schema", schema);
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(w);
        out.flush();
    }

    /** Writes a string field, or null. */
    static void str(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value.toString());
        }
    }

    /**
     * The fields every command writes about an unfinished upload, under the same names everywhere.
     *
     * @param g the generator, inside an object
     * @param u the upload
     * @param now the time ages are measured at
     */
    static void upload(JsonGenerator g, org.chunkedupload.api.PendingUpload u, java.time.Instant now) throws IOException {
        g.writeStringField("provider", u.handle().providerId());
        g.writeStringField("bucket", u.handle().bucket());
        g.writeStringField("key", u.handle().key());
        g.writeStringField("uploadId", u.handle().uploadId());
        str(g, "initiated", u.initiated());
        if (u.initiated() == null) {
            g.writeNullField("ageSeconds");
        } else {
            g.writeNumberField("ageSeconds", java.time.Duration.between(u.initiated(), now).toSeconds());
        }
        if (u.bytesHeld().isPresent()) {
            g.writeNumberField("bytesHeld", u.bytesHeld().getAsLong());
        } else {
            g.writeNullField("bytesHeld");
        }
        g.writeStringField("handle", u.handle().serialize());
    }

    /** Writes a setting a provider accepts: name, description, default, secret. */
    static void setting(JsonGenerator g, org.chunkedupload.api.ConfigKey k) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", k.name());
        g.writeStringField("description", k.description());
        str(g, "default", k.defaultValue());
        g.writeBooleanField("secret", k.secret());
        g.writeEndObject();
    }

    /** Writes capabilities as an object of plain values. */
    static void capabilities(JsonGenerator g, org.chunkedupload.api.Capabilities c) throws IOException {
        g.writeStartObject();
        g.writeNumberField("minPartSize", c.minPartSize());
        g.writeNumberField("maxPartSize", c.maxPartSize());
        g.writeNumberField("minPartNumber", c.minPartNumber());
        g.writeNumberField("maxPartNumber", c.maxPartNumber());
        g.writeNumberField("maxPartCount", c.maxPartCount());
        g.writeNumberField("maxObjectSize", c.maxObjectSize());
        g.writeBooleanField("equalPartSizes", c.requiresEqualPartSizes());
        g.writeNumberField("preferredPartSize", c.preferredPartSize());
        strings(g, "checksumAlgorithms", c.checksumAlgorithms().stream().map(Enum::name).toList());
        strings(g, "features", c.features().stream().map(Enum::name).toList());
        strings(g, "objectSettings", c.objectSettings().stream().map(Enum::name).toList());
        strings(g, "providerOptions", new java.util.TreeSet<>(c.providerOptions()));
        g.writeObjectFieldStart("abort");
        g.writeStringField("kind", c.abortGuarantee().kind().name());
        if (c.abortGuarantee().delay() == null) {
            g.writeNullField("delaySeconds");
        } else {
            g.writeNumberField("delaySeconds", c.abortGuarantee().delay().toSeconds());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
