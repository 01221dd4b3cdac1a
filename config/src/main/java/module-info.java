/** One configuration for every provider: a properties file plus the environment, read into backend and transfer settings. */
module org.chunkedupload.config {
    requires transitive org.chunkedupload.api;
    requires transitive org.chunkedupload.transfer;

    exports org.chunkedupload.config;
}
