package org.chunkedupload.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Makes files durable for many part writers with few syncs (group commit). A writer whose bytes are
 * written asks for its files to be synced and waits; one writer at a time syncs every file asked for
 * since the last sync began, so parts that finish together share one {@code fdatasync} of the shared
 * data file and one journal commit, instead of each waiting for its own behind the others'.
 *
 * <p>The guarantee each caller gets is the one its own {@code force} would give: when {@link #sync}
 * returns, every file it named was synced by a sync that began after the call (so after the caller's
 * writes). A file that fails to sync fails the callers that named it, and only them.
 */
final class GroupSync {
    /** Syncs one file or directory. */
    @FunctionalInterface
    interface Force {
        void force(Path file) throws IOException;
    }

    /** The files asked for while one sync runs; the next sync takes them all. */
    private static final class Batch {
        final Set<Path> files = new LinkedHashSet<>();
        final Map<Path, IOException> failures = new HashMap<>();
        boolean finished;
    }

    private final Force force;
    private Batch open = new Batch();
    private boolean running;

    /** A group sync that forces regular files' data ({@code fdatasync}) and directories' entries. */
    GroupSync() {
        this(GroupSync::forceOne);
    }

    GroupSync(Force force) {
        this.force = force;
    }

    /**
     * Returns once every file named is durable: synced by a sync that began after this call.
     *
     * @param files files (or directories) this caller wrote
     * @throws IOException the failure of syncing one of them; {@link InterruptedIOException} if interrupted
     *     while waiting (the files may then not be durable)
     */
    void sync(Collection<Path> files) throws IOException {
        Batch mine;
        boolean lead;
        synchronized (this) {
            mine = open;
            mine.files.addAll(files);
            try {
                while (running && !mine.finished) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the disk to confirm a part");
            }
            lead = !mine.finished;
            if (lead) { // nobody syncing: this caller syncs its batch, and the next one opens
                running = true;
                open = new Batch();
            }
        }
        if (lead) {
            Map<Path, IOException> failures = new HashMap<>();
            try {
                for (Path f : mine.files) {
                    try {
                        force.force(f);
                    } catch (IOException e) {
                        failures.put(f, e);
                    }
                }
            } catch (RuntimeException | Error e) { // the batch fails, and the next writer may lead again
                for (Path f : mine.files) {
                    failures.putIfAbsent(f, new IOException("syncing failed: " + e, e));
                }
                throw e;
            } finally {
                synchronized (this) {
                    mine.failures.putAll(failures);
                    mine.finished = true;
                    running = false;
                    notifyAll();
                }
            }
        }
        for (Path f : files) {
            IOException e = mine.failures.get(f);
            if (e != null) {
                IOException mineToThrow = e instanceof NoSuchFileException
                        ? new NoSuchFileException(f.toString(), null, e.getMessage())
                        : new IOException("could not sync " + f + ": " + e.getMessage());
                mineToThrow.initCause(e);
                throw mineToThrow;
            }
        }
    }

    private static void forceOne(Path file) throws IOException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            Staging.fsyncDirectory(file);
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(false); // fdatasync: the data and the size needed to read it back
        }
    }
}
