package org.chunkedupload.jclouds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunkedupload.api.ConfigurationException;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;

/**
 * Opens jclouds contexts. A {@code transient} store lives inside its context, so backends opened
 * with the same settings share one context (and so one store) while any of them is open: a handle
 * written by one backend resumes in another, as on every other store. Other stores get a context of
 * their own, closed with their backend.
 */
final class JcloudsContexts {
    private static final Map<JcloudsSettings, Shared> SHARED = new HashMap<>();

    private JcloudsContexts() {
    }

    /** A context in use by one backend; {@link #close()} releases it. */
    interface Lease extends AutoCloseable {
        /** @return the context */
        BlobStoreContext context();

        @Override
        void close();
    }

    private static final class Shared {
        final BlobStoreContext context;
        int users;

        Shared(BlobStoreContext context) {
            this.context = context;
        }
    }

    static Lease open(JcloudsSettings s) {
        if (!s.jcloudsId().equals("transient")) {
            BlobStoreContext c = build(s);
            return lease(c, c::close);
        }
        synchronized (SHARED) {
            Shared shared = SHARED.computeIfAbsent(s, k -> new Shared(build(k)));
            shared.users++;
            return lease(shared.context, () -> {
                synchronized (SHARED) {
                    if (--shared.users == 0) {
                        SHARED.remove(s);
                        shared.context.close();
                    }
                }
            });
        }
    }

    private static Lease lease(BlobStoreContext c, Runnable release) {
        return new Lease() {
            private boolean closed;

            @Override
            public BlobStoreContext context() {
                return c;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    release.run();
                }
            }
        };
    }

    /**
     * Builds a context with this module's class loader as the thread's context loader: jclouds finds
     * its providers and apis through it, and a CLI that loaded the bridge as a plugin has them only there.
     */
    private static BlobStoreContext build(JcloudsSettings s) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(JcloudsContexts.class.getClassLoader());
        try {
            return buildHere(s);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private static BlobStoreContext buildHere(JcloudsSettings s) {
        ContextBuilder b;
        try {
            b = ContextBuilder.newBuilder(s.jcloudsId());
        } catch (java.util.NoSuchElementException e) {
            throw new ConfigurationException("setting 'jclouds.provider' is '" + s.jcloudsId() + "', which is not a"
                    + " jclouds provider or api on the class path: use transient, filesystem or s3, or add the jclouds"
                    + " jar of that provider (e.g. org.apache.jclouds.provider:aws-s3:2.7.0)", e);
        }
        if (s.endpoint() != null) {
            b.endpoint(s.endpoint());
        }
        if (s.identity() != null || s.credential() != null) {
            b.credentials(s.identity() == null ? "" : s.identity(), s.credential() == null ? "" : s.credential());
        }
        java.util.Properties p = new java.util.Properties();
        p.putAll(s.properties());
        return b.overrides(p).modules(List.of(new ExplicitAcceptModule(), new SLF4JLoggingModule())).buildView(BlobStoreContext.class);
    }
}
