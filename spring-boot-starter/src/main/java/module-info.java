/** Spring Boot auto-configuration of the toolkit: chunked-upload.* properties, backend, uploader, metrics, health. */
module org.chunkedupload.spring {
    requires transitive org.chunkedupload.config;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires static spring.boot.health;
    requires static org.chunkedupload.metrics;
    requires static micrometer.core;

    exports org.chunkedupload.spring;
    opens org.chunkedupload.spring to spring.core, spring.beans, spring.context;
}
