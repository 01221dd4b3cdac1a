package org.chunkedupload.api;

/**
 * A property of the object that {@link UploadOptions} can set at initiate, beyond the content type
 * and user metadata that every provider keeps. A provider lists those it applies in
 * {@link Capabilities#objectSettings()}; asking for another fails before anything is uploaded
 * ({@link UnsupportedFeatureException}), never silently.
 */
public enum ObjectSetting {
    /** {@code Content-Encoding} (e.g. {@code gzip}). */
    CONTENT_ENCODING,
    /** {@code Cache-Control} (e.g. {@code max-age=3600}). */
    CACHE_CONTROL,
    /** The storage class or access tier, in the store's own words (S3 {@code STANDARD_IA}, GCS {@code NEARLINE}, Azure {@code Cool}). */
    STORAGE_CLASS,
    /** Object tags: key-value pairs apart from metadata (S3 object tags, Azure blob index tags). */
    TAGS
}
