package org.chunkedupload.cli;

import org.chunkedupload.config.ByteSizes;
import picocli.CommandLine.ITypeConverter;

/** Byte sizes on the command line ({@code 16MiB}, {@code 64MB}, ...): picocli's converter over {@link ByteSizes}. */
final class Sizes implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static long parse(String value) {
        return ByteSizes.parse(value);
    }

    static String format(double bytes) {
        return ByteSizes.format(bytes);
    }
}
