/** The chunked-upload compatibility kit, on JUnit 5. */
module org.chunkedupload.tck {
    requires transitive org.chunkedupload.api;
    requires transitive org.junit.jupiter.api;

    exports org.chunkedupload.tck;
    opens org.chunkedupload.tck to org.junit.platform.commons;
}
