package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The temporary files an upload's complete joins its parts into, next to the target and named
 * {@code .<name>.<uploadId>-<random>.cu-tmp}. Before a join creates one, a marker naming it is left in
 * the staging directory, so a temporary left by a crash is found by its marker (a look at the small
 * staging directory) instead of by listing the target's directory on every complete.
 */
final class JoinTemporaries {
    private static final String MARKER = "joining-";

    private final Path target;
    private final String prefix;

    JoinTemporaries(Path target, String uploadId) {
        this.target = target;
        this.prefix = "." + target.getFileName() + "." + uploadId + "-";
    }

    /** @return a new temporary's path (nothing is created) */
    Path next() {
        return target.resolveSibling(prefix + Staging.randomId(4) + FilesystemUpload.TMP_SUFFIX);
    }

    /** Leaves the marker of {@code tmp} in {@code stagingDir}, before {@code tmp} is created. */
    void mark(Path stagingDir, Path tmp) throws IOException {
        Files.createFile(stagingDir.resolve(MARKER + tmp.getFileName()), Staging.ownerOnlyFile());
    }

    /** Removes the temporaries the markers in {@code stagingDir} name (none is left after a clean join). */
    void deleteMarked(Path stagingDir) throws IOException {
        try (Stream<Path> s = Files.list(stagingDir)) {
            for (Path marker : (Iterable<Path>) s::iterator) {
                String n = marker.getFileName().toString();
                if (n.startsWith(MARKER)) {
                    deleteIfRegular(target.resolveSibling(n.substring(MARKER.length())));
                }
            }
        }
    }

    /** Removes every temporary of this upload by listing the target's directory: for abort, which frees all. */
    void deleteAll() throws IOException {
        if (!Containment.isRealDirectory(target.getParent())) {
            return;
        }
        try (Stream<Path> s = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.endsWith(FilesystemUpload.TMP_SUFFIX)) {
                    deleteIfRegular(p);
                }
            }
        }
    }

    private static void deleteIfRegular(Path p) throws IOException {
        if (Containment.isRegularFile(p)) { // never a link
            Files.deleteIfExists(p);
        }
    }
}
