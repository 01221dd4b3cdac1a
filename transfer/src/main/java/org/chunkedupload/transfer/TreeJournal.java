package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The journal of a directory upload, in a directory of its own (owner-only): a manifest with one line
 * per file done ({@code relative path, size, modification time}), appended and forced as each file
 * completes, and the engine's journal of each file in flight under {@code files/}. Uploading the tree
 * again with the same journal skips the files done (unchanged since), resumes the files in flight
 * from their journals, and sends the rest; once every file is done the journal is removed.
 */
final class TreeJournal {
    private final Path dir;
    private final Path manifest;
    private final Set<String> done = new HashSet<>();

    private TreeJournal(Path dir) {
        this.dir = dir;
        this.manifest = dir.resolve("manifest");
    }

    /** @return the journal in {@code dir}, created (owner-only) when missing, with what an earlier run finished */
    static TreeJournal open(Path dir) {
        TreeJournal j = new TreeJournal(dir);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(dir.resolve("files"));
            if (Files.exists(j.manifest)) {
                j.done.addAll(Files.readAllLines(j.manifest, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot use " + dir + " as the directory upload's journal ("
                    + e.getMessage() + "): choose another --journal", e));
        }
        return j;
    }

    /** @return whether an earlier run finished this file, and it did not change since */
    synchronized boolean isDone(String relative, Path file) {
        return done.contains(line(relative, file));
    }

    /** Records a file as done, forced to disk before this returns. */
    synchronized void markDone(String relative, Path file) {
        String l = line(relative, file);
        try {
            Files.writeString(manifest, l + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        done.add(l);
    }

    /** @return where the engine keeps the journal of this file while it is in flight */
    Path fileJournal(String relative) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8));
            return dir.resolve("files").resolve(HexFormat.of().formatHex(h, 0, 16) + ".journal");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the journal: every file of the tree is done. */
    void delete() {
        try (Stream<Path> files = Files.list(dir.resolve("files"))) {
            List<Path> left = files.toList();
            if (!left.isEmpty()) {
                return; // a file's upload is still kept: leave everything for the next run
            }
            Files.deleteIfExists(dir.resolve("files"));
            Files.deleteIfExists(manifest);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String relative, Path file) {
        try {
            return relative.replace('\t', ' ') + "\t" + Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
