/** The transfer engine: parallel parts, per-part retry, journals for resume, bounded memory. */
module org.chunkedupload.transfer {
    requires transitive org.chunkedupload.api;

    exports org.chunkedupload.transfer;
}
