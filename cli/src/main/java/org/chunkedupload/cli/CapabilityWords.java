package org.chunkedupload.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.ChecksumAlgorithm;

/** A provider's capabilities in words, for people: sizes with units, limits, features, the abort guarantee. */
final class CapabilityWords {
    private static final long UNLIMITED = Long.MAX_VALUE / 4;

    private CapabilityWords() {
    }

    /** @return a few lines, each starting with what it is about */
    static List<String> describe(Capabilities c) {
        List<String> out = new ArrayList<>();
        out.add("parts: " + (c.minPartSize() == 0 ? "any size" : Sizes.format(c.minPartSize()) + " at least")
                + (c.maxPartSize() >= UNLIMITED ? "" : ", " + Sizes.format(c.maxPartSize()) + " at most")
                + " (the last part may be smaller)" + (c.requiresEqualPartSizes() ? ", all but the last of one size" : "")
                + "; numbered " + String.format(Locale.ROOT, "%,d..%,d", c.minPartNumber(), c.maxPartNumber())
                + String.format(Locale.ROOT, ", %,d per object", c.maxPartCount())
                + (c.preferredPartSize() == 0 ? "" : "; files are cut in parts of " + Sizes.format(c.preferredPartSize())
                        + " unless --part-size says otherwise"));
        out.add("objects: " + (c.maxObjectSize() >= UNLIMITED ? "no size limit of their own"
                : "up to " + Sizes.format(c.maxObjectSize())));
        out.add("checksums the store verifies per part: " + (c.checksumAlgorithms().isEmpty() ? "none (the toolkit"
                + " still checks each part's CRC-32C and the whole object's)" : c.checksumAlgorithms().stream()
                .map(ChecksumAlgorithm::name).collect(Collectors.joining(", "))));
        // the API's names, as the TCK's reports and Capabilities.Feature use them
        out.add("features: " + (c.features().isEmpty() ? "none beyond the contract" : c.features().stream()
                .map(Enum::name).collect(Collectors.joining(", "))));
        out.add("object settings: content type, metadata" + c.objectSettings().stream()
                .map(o -> ", " + o.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining())
                + (c.providerOptions().isEmpty() ? "" : "; provider options " + String.join(", ", c.providerOptions())));
        out.add("abort: " + abort(c.abortGuarantee()));
        return out;
    }

    private static String abort(AbortGuarantee a) {
        return switch (a.kind()) {
            case IMMEDIATE -> "frees the parts at once";
            case EVENTUAL -> "the store frees the parts within " + org.chunkedupload.api.Durations.human(a.delay());
            case NONE -> "cannot free the parts: the store's own expiry does (see 'backstop')";
        };
    }
}
