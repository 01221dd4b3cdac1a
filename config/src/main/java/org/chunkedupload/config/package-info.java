/**
 * The configuration file and environment read into provider and transfer settings: {@link org.chunkedupload.config.ToolkitConfig}.
 * Null is never a value unless a type says {@code @Nullable}.
 */
@NullMarked
package org.chunkedupload.config;

import org.jspecify.annotations.NullMarked;
