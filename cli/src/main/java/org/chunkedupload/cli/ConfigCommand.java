package org.chunkedupload.cli;

import java.util.concurrent.Callable;
import org.chunkedupload.config.ToolkitConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code config show}: the effective configuration (file, then environment), secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload config show --config upload.properties"},
        description = "Show the effective configuration.",
        subcommands = ConfigCommand.Show.class)
final class ConfigCommand {

    /** {@code config show [--config FILE]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload config show --config upload.properties",
                "  CHUNKED_UPLOAD_PROVIDER=fs chunked-upload config show"},
        description = "Print the effective configuration with the source of each value; secrets"
            + " are masked.")
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--json", description = "Print one JSON object (schema chunked-upload.config/1).")
        boolean json;

        @Mixin
        BackendOptions backendOptions;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ToolkitConfig c = backendOptions.config();
            if (c == null) {
                throw new IllegalArgumentException("no configuration: give --config FILE or set CHUNKED_UPLOAD_PROVIDER");
            }
            var out = spec.commandLine().getOut();
            if (json) {
                Json.line(out, "chunked-upload.config/1", g -> {
                    g.writeStringField("provider", c.provider());
                    Json.str(g, "bucket", c.bucket());
                    g.writeArrayFieldStart("settings");
                    for (ToolkitConfig.Entry e : c.entries()) {
                        g.writeStartObject();
                        g.writeStringField("key", e.key());
                        g.writeStringField("value", e.value());
                        g.writeStringField("source", e.source());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("accepted");
                    for (var k : backendOptions.registry().require(c.provider()).configKeys()) {
                        Json.setting(g, k);
                    }
                    g.writeEndArray();
                });
                return Main.OK;
            }
            c.describe().forEach(out::println);
            out.println("# provider " + c.provider() + " accepts these settings (" + c.provider() + ".<setting> in the"
                    + " file, CHUNKED_UPLOAD_" + c.provider().toUpperCase(java.util.Locale.ROOT) + "_<SETTING>, or -o):");
            for (var k : backendOptions.registry().require(c.provider()).configKeys()) {
                out.println("#   " + k.name() + (k.defaultValue() == null ? "" : " (default " + k.defaultValue() + ")")
                        + (k.secret() ? " [secret]" : "") + ": " + k.description());
            }
            return Main.OK;
        }
    }
}
