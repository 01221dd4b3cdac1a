/** Test support, not published: starts the emulators the tests use on free loopback ports and stops them. */
module org.chunkedupload.testsupport {
    exports org.chunkedupload.testsupport;
}
