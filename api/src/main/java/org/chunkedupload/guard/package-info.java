/**
 * The guard between the API and a provider: {@link org.chunkedupload.guard.GuardedBackend} and
 * {@link org.chunkedupload.guard.GuardedUpload} check every call against the provider's declared
 * capabilities, read each part body through a {@link org.chunkedupload.guard.PartInputStream}
 * (exact length, CRC-32C, the caller's checksum), check receipts and the whole object's CRC-32C,
 * and resolve a lost complete by looking at the store. Not exported; not for use outside this module.
 */
@NullMarked
package org.chunkedupload.guard;

import org.jspecify.annotations.NullMarked;
