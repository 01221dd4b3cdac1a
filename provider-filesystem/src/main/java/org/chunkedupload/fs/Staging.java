package org.chunkedupload.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;
import org.chunkedupload.api.AccessDeniedException;
import org.chunkedupload.api.ChunkedUploadException;

/** File helpers shared by the filesystem provider: owner-only creation, properties, fsync, removal. */
final class Staging {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault()
            .supportedFileAttributeViews().contains("posix");

    private Staging() {
    }

    static String randomId(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static FileAttribute<?>[] ownerOnlyDir() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Creates {@code dir} and missing parents; directories it creates under the staging root are owner-only. */
    static void createDirectories(Path dir, boolean ownerOnly) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent, ownerOnly);
        }
        try {
            Files.createDirectory(dir, ownerOnly ? ownerOnlyDir() : new FileAttribute<?>[0]);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    static FileChannel createOwnerOnly(Path file) throws IOException {
        return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ), ownerOnlyFile());
    }

    static void writeProperties(Path file, Properties p, boolean fsync) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + randomId(6));
        try (FileChannel ch = createOwnerOnly(tmp); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            p.store(out, null);
            out.flush();
            if (fsync) {
                ch.force(true);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some filesystems cannot open or sync directories; the data itself was synced
        }
    }

    /** Removes a tree; tolerates concurrent removal and retries when a writer adds a file meanwhile. */
    static void deleteTree(Path dir) throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(p);
                    } else {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (NoSuchFileException e) {
                return;
            }
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (DirectoryNotEmptyException e) {
                Thread.onSpinWait();
            }
        }
        throw new DirectoryNotEmptyException(dir.toString());
    }

    /** Maps an I/O failure onto the exception model. */
    static ChunkedUploadException map(String action, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new AccessDeniedException(action + ": permission denied on " + e.getMessage(), e);
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getFile() + ": " + fse.getReason() : e.toString();
        // a local I/O error (disk full, read-only filesystem, I/O error) does not go away by resending
        return new ChunkedUploadException(action + " failed: " + reason, e, "fs", -1, null);
    }
}
