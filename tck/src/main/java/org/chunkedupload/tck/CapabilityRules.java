package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.UnsupportedFeatureException;
import org.chunkedupload.api.UploadHandle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rules CAP-* and INIT-*: the declaration and the start of an upload. */
public abstract class CapabilityRules extends TckRules {

    /** For the kit only: a provider extends {@link ChunkedUploadTck}. */
    protected CapabilityRules() {
    }

    @Hint("the limits in your {@code Capabilities.builder()} call (part sizes, part-number range, maximum part count and object size); that {@code capabilities()} returns the same value every time.")
    @Test
    @Tag("MUST")
    @DisplayName("CAP-01 declared capabilities are consistent and constant")
    final void cap01() {
        assertTrue(caps.minPartSize() >= 0 && caps.minPartSize() <= caps.maxPartSize(), "minPartSize <= maxPartSize");
        assertTrue(caps.minPartNumber() >= 1, "part numbers start at 1 or above");
        assertTrue(caps.maxPartNumber() >= caps.minPartNumber(), "part-number range not empty");
        assertTrue(caps.maxPartCount() <= caps.maxPartNumber() - caps.minPartNumber() + 1, "maxPartCount fits the range");
        assertTrue(caps.maxObjectSize() >= Math.min(caps.maxPartSize(), 1), "one part fits maxObjectSize");
        assertNotNull(caps.abortGuarantee(), "abort guarantee");
        assertEquals(caps, backend.capabilities(), "capabilities must not change");
        assertEquals(caps, freshBackend().capabilities(), "capabilities must not change between instances");
    }

    @Hint("nothing; the API's guard refuses undeclared features. A failure means the API itself is broken.")
    @Test
    @Tag("MUST")
    @DisplayName("CAP-02 undeclared optional features are refused with UnsupportedFeatureException")
    final void cap02() {
        boolean any = false;
        if (!caps.supports(Feature.LIST_PENDING)) {
            any = true;
            expect(UnsupportedFeatureException.class, () -> backend.listPending(bucket, prefix));
        }
        if (!caps.supports(Feature.LIST_PARTS)) {
            any = true;
            ChunkedUploadSession s = start(key("cap02"));
            expect(UnsupportedFeatureException.class, s::listParts);
        }
        Assumptions.assumeTrue(any, "SKIPPED: provider " + backend.providerId()
                + " declares every probed optional feature (LIST_PARTS, LIST_PENDING)");
    }

    @Hint("that {@code initiate} returns a handle with your provider id and the requested bucket and key; that initiate writes nothing at the key itself.")
    @Test
    @Tag("MUST")
    @DisplayName("INIT-01 initiate names provider, bucket and key; nothing visible before complete")
    final void init01() {
        String k = key("init01");
        ChunkedUploadSession s = start(k);
        UploadHandle h = s.handle();
        assertEquals(backend.providerId(), h.providerId());
        assertEquals(bucket, h.bucket());
        assertEquals(k, h.key());
        assertFalse(h.uploadId().isEmpty());
        upload(s, 1, 100);
        assertNoObject(k);
    }

    @Hint("that handle state holds only strings another process needs (never a credential, key or SAS), and that none of your configuration's secret values appear in it.")
    @Test
    @Tag("MUST")
    @DisplayName("INIT-02 handle round-trips through its serialized form and holds no secret")
    final void init02() {
        ChunkedUploadSession s = start(key("init02"));
        String text = s.handle().serialize();
        assertEquals(s.handle(), UploadHandle.parse(text));
        List<String> secrets = new ArrayList<>();
        kitConfigSecrets(secrets);
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(text.substring(text.indexOf('.') + 1)),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(decoded.contains(secret) || text.contains(secret), "a configured secret is in the handle");
        }
    }

    @Hint("that upload ids are unique per initiate (S3 gives one; a client-side scheme must use a random nonce, not the key).")
    @Test
    @Tag("MUST")
    @DisplayName("INIT-03 two uploads to one key get different upload ids")
    final void init03() {
        String k = key("init03");
        ObjectTarget t = new ObjectTarget(backend.providerId(), bucket, k);
        ChunkedUploadSession a = track(backend.initiate(t));
        ChunkedUploadSession b = track(backend.initiate(t));
        assertNotEquals(a.handle().uploadId(), b.handle().uploadId());
    }

    private void kitConfigSecrets(List<String> out) {
        backendConfig().settings().forEach((k, v) -> {
            if (org.chunkedupload.api.BackendConfig.isSecretKey(k) && v.length() >= 4) {
                out.add(v);
            }
        });
    }
}
