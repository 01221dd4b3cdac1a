/** An example application that swaps storage vendors through configuration alone, wired with Guice. */
module org.chunkedupload.examples.guice {
    requires org.chunkedupload.guice;
    requires jakarta.inject;

    opens org.chunkedupload.examples.guice to com.google.guice;
}
