/** Micrometer metrics of transfers, bound through the engine's listener; the core takes no dependency on it. */
module org.chunkedupload.metrics {
    requires transitive org.chunkedupload.transfer;
    requires transitive micrometer.core;

    exports org.chunkedupload.metrics;
}
