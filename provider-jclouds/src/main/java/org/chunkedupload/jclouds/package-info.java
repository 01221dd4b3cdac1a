/**
 * The optional Apache jclouds bridge (provider id and scheme {@code jclouds}): {@link
 * org.chunkedupload.jclouds.JcloudsProvider}. Settings: {@code jclouds.provider}, {@code endpoint},
 * {@code identity}, {@code credential} (secret), {@code filesystem.basedir}, the timeouts, and any
 * other {@code jclouds.*} property. What each jclouds store does, and what the bridge fences off, is
 * in {@code docs/providers/jclouds.md}.
 */
@NullMarked
package org.chunkedupload.jclouds;

import org.jspecify.annotations.NullMarked;
