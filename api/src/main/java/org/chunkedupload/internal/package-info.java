/** Implementation details of the API; not exported, not for use outside this module. */
package org.chunkedupload.internal;
