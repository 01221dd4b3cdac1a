/** The {@code chunked-upload} command line: put, resume, pending, abort, sweep, backstop, providers, config, tck. */
module org.chunkedupload.cli {
    requires org.chunkedupload.config;
    requires org.chunkedupload.tck;
    requires org.junit.platform.launcher;
    requires org.junit.platform.reporting;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    requires jdk.unsupported;

    opens org.chunkedupload.cli to info.picocli;

    uses org.chunkedupload.spi.StorageProvider;
}
