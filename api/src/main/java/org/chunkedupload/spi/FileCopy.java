package org.chunkedupload.spi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.chunkedupload.api.Checksum;

/**
 * Copies a part that is a range of a local file into a provider's file, inside the kernel where the
 * platform can ({@code sendfile}), then reads the stored bytes once (mapped, not copied) for their
 * CRC-32C and checks them against the caller's checksum. Offered in {@link PartContent#fileCopy()} to
 * providers declaring {@code FILE_COPY}; implemented by the API.
 */
public interface FileCopy {
    /**
     * Copies the part into {@code target} at {@code position}. The channel must be open for reading
     * and writing; its own position is left unspecified.
     *
     * @param target the provider's file
     * @param position where the part goes
     * @return the CRC-32C of the bytes now stored there
     * @throws IOException when the copy fails, the source is shorter than the part, or the stored bytes
     *     do not match the caller's checksum (the API reports the last two as an IntegrityException)
     */
    Checksum copyTo(FileChannel target, long position) throws IOException;
}
