package org.chunkedupload.testsupport;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes what the harness created in the temporary directory: a file, or a tree whose links are removed, not followed. */
public final class ScratchFiles {
    private ScratchFiles() {
    }

    /**
     * Deletes {@code path} and, for a directory, everything under it; a link is deleted itself, never
     * what it points at. Best effort: what cannot be deleted stays (a test's outcome does not depend on it).
     *
     * @param path a file or directory, or {@code null} (nothing to do)
     */
    public static void delete(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted (close is idempotent)
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
