package org.chunkedupload.cli;

import java.util.concurrent.Callable;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.api.ProviderInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code providers}: lists installed providers, their settings and, where they open offline, their capabilities. */
@Command(name = "providers", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload providers",
                "  chunked-upload providers --config upload.properties",
                "  CHUNKED_UPLOAD_PLUGIN_PATH=provider-jclouds/target/plugin chunked-upload providers   (optional plugins)"},
        description = "List installed providers with their settings and capabilities.")
final class ProvidersCommand implements Callable<Integer> {
    @picocli.CommandLine.Option(names = "--json", description = "One JSON object per provider (schema"
            + " chunked-upload.providers/1).")
    boolean json;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ProviderRegistry registry = backendOptions.registry();
        for (ProviderInfo p : registry.providers()) {
            if (json) {
                Json.line(out, "chunked-upload.providers/1", g -> {
                    g.writeStringField("id", p.id());
                    g.writeStringField("description", p.description());
                    g.writeArrayFieldStart("settings");
                    for (ConfigKey k : p.configKeys()) {
                        Json.setting(g, k);
                    }
                    g.writeEndArray();
                    g.writeFieldName("capabilities");
                    if (p.capabilities().isPresent()) {
                        Json.capabilities(g, p.capabilities().get());
                    } else {
                        g.writeNull();
                    }
                });
                continue;
            }
            out.println(p.id() + "  " + p.description());
            for (ConfigKey k : p.configKeys()) {
                out.println("    -o " + k.name() + "=...  " + k.description()
                        + (k.defaultValue() == null ? "" : " (default " + k.defaultValue() + ")")
                        + (k.secret() ? " [secret]" : ""));
            }
            var caps = p.capabilities();
            if (caps.isPresent()) {
                out.println("    capabilities (settings may narrow them):");
                CapabilityWords.describe(caps.get()).forEach(l -> out.println("      " + l));
            } else {
                try (StorageBackend b = backendOptions.open(p.id())) {
                    out.println("    capabilities:");
                    CapabilityWords.describe(b.capabilities()).forEach(l -> out.println("      " + l));
                } catch (RuntimeException e) {
                    out.println("    capabilities: known once configured (" + Main.message(e) + ")");
                }
            }
        }
        for (String e : registry.loadErrors()) {
            out.println("warning: " + e);
        }
        return Main.OK;
    }
}
