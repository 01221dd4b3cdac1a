/**
 * An example provider kept in memory: what a third-party plugin ships. It is found both through
 * {@code META-INF/services} (class path) and through this {@code provides} clause (module path).
 */
module org.chunkedupload.examples.heap {
    requires org.chunkedupload.api;

    provides org.chunkedupload.spi.StorageProvider with org.chunkedupload.examples.heap.HeapProvider;
}
