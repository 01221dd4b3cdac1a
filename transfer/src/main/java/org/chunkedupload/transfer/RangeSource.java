package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;

/**
 * A source of known size whose byte ranges can be read independently, any number of times: what
 * {@link Uploader#uploadParts(org.chunkedupload.api.StorageBackend, org.chunkedupload.api.UploadHandle, RangeSource, int, int)}
 * reads the parts of a shared upload from when the source is not a local file (e.g. a Hadoop
 * {@code FileSystem} path read by a Spark executor). A retried part opens its range again.
 */
public interface RangeSource {
    /** @return the source's size in bytes */
    long size();

    /**
     * @param offset the first byte
     * @param length how many bytes
     * @return a fresh stream yielding exactly those bytes
     * @throws IOException when the source cannot be read
     */
    InputStream open(long offset, long length) throws IOException;

    /**
     * @param file a local file (its size is read once, now)
     * @return the file as a range source
     */
    static RangeSource of(java.nio.file.Path file) {
        long size = Uploader.sourceSize(file);
        return new RangeSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open(long offset, long length) throws IOException {
                return new FileRangeInputStream(file, offset, length);
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }
}
