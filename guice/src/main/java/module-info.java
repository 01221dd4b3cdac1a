/** Guice bindings for the toolkit: the configured backend, uploader and settings. */
module org.chunkedupload.guice {
    requires transitive org.chunkedupload.config;
    requires transitive com.google.guice;
    requires static org.chunkedupload.metrics;

    exports org.chunkedupload.guice;
    opens org.chunkedupload.guice to com.google.guice;
}
