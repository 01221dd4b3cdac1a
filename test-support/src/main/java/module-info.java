/** Test support, not published: starts the emulators the tests use on free loopback ports and stops them. */
module org.chunkedupload.testsupport {
    requires java.compiler;
    exports org.chunkedupload.testsupport;
}
