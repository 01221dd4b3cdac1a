package org.chunkedupload.jclouds;

import java.time.Duration;
import java.util.Locale;
import org.chunkedupload.api.AbortGuarantee;
import org.chunkedupload.api.Capabilities;
import org.chunkedupload.api.Capabilities.Feature;

/**
 * What the bridge knows about a family of jclouds blob stores, read from the jclouds 2.7.0 sources
 * and, for the families the kit runs on, proven by it: which multipart features jclouds gets right
 * there (the others are not declared, so the API refuses them instead of faking them), how far its
 * reported limits can be trusted, and what abort guarantees. See {@code docs/providers/jclouds.md}.
 */
enum StoreKind {
    /**
     * {@code transient} and {@code filesystem} ({@code LocalBlobStore}): parts are blobs named
     * {@code .mpus-<id>-<key>-<n>} beside a {@code -stub} blob. jclouds accepts made-up ETags, throws a
     * NullPointerException on complete after abort, stores parts after abort, and leaves unnamed
     * parts behind at complete: the bridge fences all four ({@link LocalUploads}).
     */
    LOCAL(true, true, true, AbortGuarantee.immediate(), Integer.MAX_VALUE),
    /**
     * {@code s3}, {@code aws-s3} and the other S3 providers: real S3 multipart. jclouds' part listing
     * reads one page (1,000 parts) and its upload listing does not follow the next markers, so the
     * part count is narrowed to 1,000 and pending uploads are listed through the S3 API directly.
     */
    S3(true, true, true, AbortGuarantee.immediate(), 1000),
    /**
     * {@code azureblob}: the upload id is invented on the client, two uploads to one blob share
     * block ids, abort does nothing (Azure drops uncommitted blocks after 7 days) and part ETags are
     * empty, so stale receipts cannot be told apart. Untested here.
     */
    AZURE(false, false, false, AbortGuarantee.eventual(Duration.ofDays(7)), 50_000),
    /**
     * {@code google-cloud-storage}: parts are objects joined by compose, at most 32 of them; the
     * part listing is not paginated and uploads cannot be listed. Untested here.
     */
    GCS(false, false, true, AbortGuarantee.immediate(), 32),
    /** {@code openstack-swift}, {@code rackspace-cloudfiles-*}: Static Large Objects. Untested here. */
    SWIFT(false, false, true, AbortGuarantee.none(), 1000),
    /** {@code b2}: large files; complete returns no usable hash, the upload listing may loop. Untested here. */
    B2(false, false, true, AbortGuarantee.immediate(), 10_000),
    /** Any other jclouds store: nothing beyond the basic upload is assumed; abort is not trusted. */
    OTHER(false, false, false, AbortGuarantee.none(), 10_000);

    private final boolean listParts;
    private final boolean listPending;
    private final boolean isolated;
    private final AbortGuarantee abort;
    private final int partCountCap;

    StoreKind(boolean listParts, boolean listPending, boolean isolated, AbortGuarantee abort, int partCountCap) {
        this.listParts = listParts;
        this.listPending = listPending;
        this.isolated = isolated;
        this.abort = abort;
        this.partCountCap = partCountCap;
    }

    /**
     * @param jcloudsId a jclouds provider or api id
     * @return its family
     */
    static StoreKind of(String jcloudsId) {
        String id = jcloudsId.toLowerCase(Locale.ROOT);
        if (id.equals("transient") || id.equals("filesystem")) {
            return LOCAL;
        }
        if (id.equals("s3") || id.endsWith("-s3") || id.startsWith("aws-s3")) {
            return S3;
        }
        if (id.equals("azureblob")) {
            return AZURE;
        }
        if (id.equals("google-cloud-storage")) {
            return GCS;
        }
        if (id.contains("swift") || id.contains("cloudfiles")) {
            return SWIFT;
        }
        return id.equals("b2") ? B2 : OTHER;
    }

    /** @return whether the bridge can check receipts against the store's part list (it refuses to complete otherwise) */
    boolean listsParts() {
        return listParts;
    }

    /**
     * Capabilities from jclouds' reported limits, narrowed where jclouds is known to misbehave.
     *
     * @param minPart jclouds' minimum part size
     * @param maxPart jclouds' maximum part size
     * @param maxParts jclouds' maximum number of parts
     * @return what the bridge declares for a store of this family
     */
    Capabilities capabilities(long minPart, long maxPart, int maxParts) {
        int parts = Math.max(1, Math.min(maxParts, partCountCap));
        long max = Math.max(1, maxPart);
        long min = Math.min(Math.max(0, minPart), max);
        Capabilities.Builder b = Capabilities.builder().partSize(min == 1 ? 0 : min, max).partNumbers(1, parts)
                .maxPartCount(parts).maxObjectSize(Math.multiplyHigh(max, parts) == 0 ? max * parts : Long.MAX_VALUE)
                .abortGuarantee(abort);
        if (listParts) {
            b.addFeature(Feature.LIST_PARTS);
        }
        if (listPending) {
            b.addFeature(Feature.LIST_PENDING);
        }
        if (isolated) {
            b.addFeature(Feature.ISOLATED_UPLOADS);
        }
        if (this == LOCAL || this == S3) { // putBlob is atomic there: a temporary renamed, one PutObject
            b.addFeature(Feature.SINGLE_REQUEST_PUT);
        }
        return b.build();
    }
}
