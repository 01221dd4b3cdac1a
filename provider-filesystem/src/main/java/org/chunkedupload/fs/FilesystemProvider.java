package org.chunkedupload.fs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.ConfigKey;
import org.chunkedupload.spi.ProviderBackend;
import org.chunkedupload.spi.StorageProvider;

/**
 * The embedded default provider, scheme {@code fs}: a bucket is a directory under a root
 * directory, parts are staged under {@code <root>/.chunked-uploads/<bucket>/<uploadId>/} and
 * complete joins them into a temporary file next to the target that is then renamed into place,
 * so a crash leaves either no object or the whole object.
 *
 * <p>Settings: {@code root} (default {@code ./chunked-store}), {@code fsync} (default {@code true}:
 * data and directories are forced to disk before an object or part is published) and
 * {@code create-buckets} (default {@code true}: a missing bucket directory is created on initiate).
 */
public final class FilesystemProvider implements StorageProvider {
    /** The provider id and URI scheme. */
    public static final String ID = "fs";

    /** Creates the provider; does no I/O. */
    public FilesystemProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Local filesystem (embedded default): buckets are directories under a root";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                new ConfigKey("root", "root directory; buckets are its subdirectories", "./chunked-store", false),
                new ConfigKey("fsync", "force data to disk before publishing a part or an object", "true", false),
                new ConfigKey("create-buckets", "create a missing bucket directory on initiate", "true", false));
    }

    @Override
    public java.util.Optional<org.chunkedupload.api.Capabilities> capabilities() {
        return java.util.Optional.of(FilesystemBackend.CAPABILITIES);
    }

    @Override
    public ProviderBackend open(BackendConfig config) {
        String rootText = config.get("root").orElse("./chunked-store");
        Path root;
        try {
            root = Path.of(rootText).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigurationException("setting 'root' of provider fs is not a valid path: " + rootText, e);
        }
        if (java.nio.file.Files.exists(root) && !java.nio.file.Files.isDirectory(root)) {
            throw new ConfigurationException("setting 'root' of provider fs is " + root + ", which is a file, not a"
                    + " directory: choose a directory (it is created when missing)");
        }
        return new FilesystemBackend(root, config.getBoolean("fsync", true), config.getBoolean("create-buckets", true));
    }
}
