package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Claims of an upload's staging directory by complete and abort, and the recovery of claims whose
 * owner died. Complete locks {@value #LOCK} inside the directory before renaming it to
 * {@code .completing-<id>} and holds the lock until it is done, so a claim nobody holds any more is
 * known to be an interrupted complete: it is rolled back to a live upload (the parts are intact),
 * or, when the data file already became the object, removed. An abort's {@code .aborting-*}
 * directory is only ever removed.
 */
final class Claims {
    static final String LOCK = ".complete.lock";
    /** Claimed directories whose complete runs in this JVM (file locks cannot tell within one JVM). */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private Claims() {
    }

    /** A complete's claim; close releases it. */
    static final class Held implements AutoCloseable {
        final Path claimed;
        private final FileChannel lockChannel;

        private Held(Path claimed, FileChannel lockChannel) {
            this.claimed = claimed;
            this.lockChannel = lockChannel;
        }

        @Override
        public void close() throws IOException {
            LIVE.remove(claimed);
            lockChannel.close();
        }
    }

    /**
     * Locks and renames a live upload's directory for complete.
     *
     * @throws NoSuchFileException when the upload is gone
     */
    static Held claimForComplete(Path dir, String uploadId) throws IOException {
        Path claimed = dir.resolveSibling(StagedUpload.COMPLETING_PREFIX + uploadId);
        FileChannel lock = FileChannel.open(dir.resolve(LOCK), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), Staging.ownerOnlyFile());
        try {
            try {
                lock.lock();
            } catch (OverlappingFileLockException e) { // another thread of this JVM is completing it: it wins
                throw new NoSuchFileException(dir + " is being completed by another call");
            }
            LIVE.add(claimed);
            Files.move(dir, claimed, StandardCopyOption.ATOMIC_MOVE);
            return new Held(claimed, lock);
        } catch (IOException | RuntimeException e) {
            LIVE.remove(claimed);
            lock.close();
            throw e;
        }
    }

    /** @return whether a complete still works on {@code claimed} (here or in another process) */
    static boolean completeRunning(Path claimed) throws IOException {
        if (LIVE.contains(claimed)) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(claimed.resolve(LOCK), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false; // no lock: nobody can hold it
        }
    }

    /**
     * Waits (at most {@code limit}) while another complete of {@code uploadId} works on its claim, so
     * that a caller that lost the race looks at the store only once the winner published or rolled back.
     *
     * @param dir the upload's live directory
     * @param uploadId the upload
     * @param limit the longest wait
     * @return whether the live directory is back (the other complete rolled back: try again)
     */
    static boolean awaitOtherComplete(Path dir, String uploadId, java.time.Duration limit) {
        Path claimed = dir.resolveSibling(StagedUpload.COMPLETING_PREFIX + uploadId);
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (Files.isDirectory(claimed, LinkOption.NOFOLLOW_LINKS) && completeRunning(claimed)
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (IOException e) {
            // the claim changed under us: look at the store as it is now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Finishes an interrupted complete of {@code uploadId}: when its live directory {@code dir} is
     * gone and a {@code .completing-<id>} directory is left by a dead complete, rolls it back to
     * {@code dir}, or removes it when its data file was already published in place.
     *
     * @return true when a claim was rolled back or removed
     */
    static boolean recoverComplete(Path dir, String uploadId) throws IOException {
        Path claimed = dir.resolveSibling(StagedUpload.COMPLETING_PREFIX + uploadId);
        if (Containment.attributes(dir).isPresent() || !Containment.isRealDirectory(claimed) || completeRunning(claimed)) {
            return false;
        }
        try {
            if (publishedInPlace(claimed)) {
                Staging.deleteTree(claimed);
            } else {
                Files.move(claimed, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return false; // another recovery got there first
        }
    }

    /** The data file of parts placed in place is gone while their regions were claimed: it is the object now. */
    private static boolean publishedInPlace(Path claimed) throws IOException {
        if (Containment.attributes(claimed.resolve(PartWriter.DATA)).isPresent()) {
            return false;
        }
        try (Stream<Path> s = Files.list(claimed)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("region-"));
        }
    }

    /** Removes what interrupted aborts of {@code uploadId} left in the staging directory of its bucket. */
    static void removeAbortLeftovers(Path stagingBucketDir, String uploadId) throws IOException {
        if (!Containment.isRealDirectory(stagingBucketDir)) {
            return;
        }
        String prefix = StagedUpload.ABORTING_PREFIX + uploadId + "-";
        try (Stream<Path> s = Files.list(stagingBucketDir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(prefix) && Containment.isRealDirectory(p)) {
                    Staging.deleteTree(p);
                }
            }
        }
    }
}
