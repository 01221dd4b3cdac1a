package org.chunkedupload.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
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
        if (Containment.isRealDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent, ownerOnly);
        }
        try {
            Files.createDirectory(dir, ownerOnly ? ownerOnlyDir() : new FileAttribute<?>[0]);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Containment.isRealDirectory(dir)) { // a file or a link is in the way: never followed
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
        try {
            try (FileChannel ch = createOwnerOnly(tmp); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                p.store(out, null);
                out.flush();
                if (fsync) {
                    ch.force(true);
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // a failed write (a full disk) leaves no temporary
        }
    }

    static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * Removes a tree the provider created; tolerates concurrent removal and retries when a writer adds
     * a file meanwhile. Only real directories and regular files are removed: a link (at the top or
     * inside) is never followed nor removed, and stops the removal with a message naming it.
     */
    static void deleteTree(Path dir) throws IOException {
        var top = Containment.attributes(dir);
        if (top.isEmpty()) {
            return;
        }
        if (!top.get().isDirectory()) {
            throw new IOException(dir + " is not a directory fs created (a link or a file): fs does not remove it;"
                    + " remove it by hand if it is yours");
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Path> entries;
            try (Stream<Path> s = Files.list(dir)) {
                // the manifest goes last: an interrupted removal stays identifiable (pending lists it, sweep ends it)
                entries = s.sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals("upload.properties")))
                        .toList();
            } catch (NoSuchFileException e) {
                return;
            }
            for (Path p : entries) {
                var a = Containment.attributes(p);
                if (a.isEmpty()) {
                    continue;
                }
                if (a.get().isDirectory()) {
                    deleteTree(p);
                } else if (a.get().isRegularFile()) {
                    Files.deleteIfExists(p);
                } else {
                    throw new IOException(p + " is a link or special file that fs did not create: fs does not"
                            + " remove it; remove it by hand, then run abort or sweep again");
                }
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

    /** Maps an I/O failure onto the exception model, as a sentence naming the file and the fix. */
    static ChunkedUploadException map(String action, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new AccessDeniedException(action + ": permission denied on " + e.getMessage()
                    + "; give this user access or choose another root", e);
        }
        String file = e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : null;
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        String fix = "";
        if (reason != null && reason.contains("No space left")) {
            fix = "; the disk is full: free space on it (or choose a root on another disk) and try again";
        } else if (reason != null && reason.contains("Read-only file system")) {
            fix = "; the filesystem is read-only: choose a writable root";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            reason = "a file is in the way";
            fix = "; move it away or choose another key";
        }
        String what = (file != null ? file + ": " : "") + (reason != null ? reason : "I/O error");
        // a local I/O error (disk full, read-only filesystem, I/O error) does not go away by resending
        return new ChunkedUploadException(action + " failed: " + what + fix, e,
                org.chunkedupload.api.ErrorDetails.of(FilesystemProvider.ID, null));
    }
}
