package org.chunkedupload.api;

/** Checksum algorithms a provider may accept per part or report for a whole object. */
public enum ChecksumAlgorithm {
    /** CRC-32C (Castagnoli), 4 bytes; combinable across parts. The toolkit's default. */
    CRC32C,
    /** CRC-32 (IEEE), 4 bytes. */
    CRC32,
    /** MD5, 16 bytes. */
    MD5,
    /** SHA-256, 32 bytes. */
    SHA256
}
