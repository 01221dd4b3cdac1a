/**
 * Spring Boot auto-configuration: {@link org.chunkedupload.spring.ChunkedUploadAutoConfiguration},
 * its properties {@link org.chunkedupload.spring.ChunkedUploadProperties} and the
 * {@link org.chunkedupload.spring.StoreHealthIndicator}.
 */
@NullMarked
package org.chunkedupload.spring;

import org.jspecify.annotations.NullMarked;
