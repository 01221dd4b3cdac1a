package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.chunkedupload.api.Checksum;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.PreconditionFailedException;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.spi.PartContent;
import org.chunkedupload.spi.ProviderUpload;

/**
 * One upload on the filesystem. Its staging directory holds {@code upload.properties} (key,
 * initiation time, content type, metadata) and one {@link PartFile} per part. Every file appears
 * by atomic rename, so readers see a part whole or not at all.
 *
 * <p>Complete claims the upload by renaming its staging directory to a dot-name (so a concurrent
 * abort or second complete finds nothing), publishes the joined temporary file, then removes the
 * claimed directory. Abort likewise renames the directory away before deleting it, so in-flight
 * part writes fail with no-such-upload instead of recreating it.
 */
final class FilesystemUpload implements ProviderUpload {
    static final String MANIFEST = "upload.properties";
    static final String TMP_SUFFIX = ".cu-tmp";

    private final FilesystemBackend backend;
    private final UploadHandle handle;
    private final Path target;
    private final Path dir;
    private final JoinTemporaries temporaries;
    private final GroupSync syncs;

    FilesystemUpload(FilesystemBackend backend, UploadHandle handle, Path target, Path dir) {
        this.backend = backend;
        this.handle = handle;
        this.target = target;
        this.dir = dir;
        this.temporaries = new JoinTemporaries(target, handle.uploadId());
        this.syncs = backend.fsync ? new GroupSync() : null;
    }

    @Override
    public UploadHandle handle() {
        return handle;
    }

    private NoSuchUploadException gone(Throwable cause) {
        return new NoSuchUploadException("no upload " + handle.uploadId() + " for " + handle.target()
                + ": it was completed or aborted, or never existed", cause);
    }

    private Properties manifest() {
        try {
            Properties p = Staging.readProperties(dir.resolve(MANIFEST));
            if (!handle.key().equals(p.getProperty("key"))) {
                throw new NoSuchUploadException("upload " + handle.uploadId() + " is for key '" + p.getProperty("key")
                        + "', not '" + handle.key() + "'");
            }
            return p;
        } catch (NoSuchFileException e) {
            throw gone(e);
        } catch (IOException e) {
            throw Staging.map("read upload " + handle.uploadId(), e);
        }
    }

    @Override
    public PartReceipt uploadPart(PartContent part) {
        Properties manifest = manifest();
        long hint = Long.parseLong(manifest.getProperty("part-size-hint", "0"));
        try {
            return PartWriter.write(dir, part, hint, syncs).receipt();
        } catch (NoSuchFileException e) {
            throw gone(e);
        } catch (IOException e) {
            throw Staging.map("upload part " + part.partNumber() + " of " + handle.target(), e);
        }
    }

    @Override
    public List<PartReceipt> listParts() {
        manifest();
        List<PartReceipt> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!PartFile.isPartFile(name)) {
                    continue;
                }
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(PartFile.readHeader(ch, PartFile.partNumberOf(name)).receipt());
                } catch (NoSuchFileException e) {
                    // replaced between list and open: the replacement is listed under the same name
                }
            }
        } catch (NoSuchFileException e) {
            throw gone(e);
        } catch (IOException e) {
            throw Staging.map("list parts of " + handle.target(), e);
        }
        return out;
    }

    /**
     * Completes; a call that lost the race against another complete of this upload waits for that one
     * to end, then tries again if it rolled back, or reports the upload gone (the API then finds the
     * object the winner published).
     */
    @Override
    public UploadResult complete(List<PartReceipt> receipts, WritePrecondition precondition) {
        try {
            return completeOnce(receipts, precondition);
        } catch (NoSuchUploadException gone) {
            if (Claims.awaitOtherComplete(dir, handle.uploadId(), java.time.Duration.ofMinutes(10))) {
                return completeOnce(receipts, precondition);
            }
            throw gone;
        }
    }

    private UploadResult completeOnce(List<PartReceipt> receipts, WritePrecondition precondition) {
        Properties manifest = manifest();
        long hint = Long.parseLong(manifest.getProperty("part-size-hint", "0"));
        List<FileChannel> channels = new ArrayList<>();
        Path tmp = temporaries.next();
        try {
            List<PartFile> parts = openParts(receipts, channels);
            Staging.createDirectories(target.getParent(), false);
            Containment.checkDirectory(backend.root, target.getParent(), handle.target().toString());
            long size = parts.stream().mapToLong(PartFile::length).sum();
            boolean inPlace = inPlace(parts, hint);
            if (!inPlace) {
                join(parts, channels, tmp, dir);
            }
            Claims.Held claim;
            try {
                claim = Claims.claimForComplete(dir, handle.uploadId());
            } catch (NoSuchFileException e) {
                throw gone(e);
            }
            try (claim) {
                return publishClaimed(claim.claimed, manifest, parts, channels, size, inPlace, tmp, precondition);
            }
        } catch (java.nio.file.NotDirectoryException | FileAlreadyExistsException e) {
            throw new InvalidTargetException("cannot create " + handle.target() + ": a file is in the way of its path", e);
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                // another complete (or an abort) took the upload while this one read or joined its parts:
                // the caller looks at the object at the key (the guard does) instead of failing on a lost file
                throw gone(e);
            }
            throw Staging.map("complete " + handle.target(), e);
        } catch (IOException e) {
            throw Staging.map("complete " + handle.target(), e);
        } finally {
            for (FileChannel ch : channels) {
                closeQuietly(ch);
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // best effort; abort and the next complete remove it too
            }
        }
    }

    /** Publishes a claimed upload's object; on failure before the object is published, the claim is rolled back. */
    private UploadResult publishClaimed(Path claimed, Properties manifest, List<PartFile> parts,
                                        List<FileChannel> channels, long size, boolean inPlace, Path tmp,
                                        WritePrecondition precondition) throws IOException {
        if (inPlace && regions(claimed) != parts.size()) {
            // a part upload claimed a region of the data file before the claim above: it may still write
            // there, so the data file must not become the object; join a copy instead
            join(parts, channels, tmp, claimed);
            inPlace = false;
        }
        Path source = tmp;
        if (inPlace) { // parts 1..k lie in order in the data file: publish it without copying
            source = claimed.resolve(PartWriter.DATA);
            try (FileChannel data = FileChannel.open(source, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                data.truncate(size);
                if (backend.fsync) {
                    data.force(true);
                }
            }
        }
        try {
            publish(source, precondition);
        } catch (RuntimeException | IOException e) {
            Files.move(claimed, dir, StandardCopyOption.ATOMIC_MOVE); // the upload stays as it was
            throw e;
        }
        writeAttributes(manifest);
        temporaries.deleteMarked(claimed); // what earlier, interrupted joins of this upload left next to the target
        Staging.deleteTree(claimed);
        BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long crc = 0;
        for (PartFile p : parts) {
            crc = org.chunkedupload.spi.Crc32c.combine(crc, p.crc32c(), p.length());
        }
        return new UploadResult(new ObjectTarget(FilesystemProvider.ID, handle.bucket(), handle.key()), size,
                FilesystemBackend.etag(a), null, Checksum.crc32c(crc), parts.size());
    }

    /**
     * Whether the object is exactly the data file's prefix: parts 1..k, all placed by offset, all but
     * the last of the hinted size, and no other part staged (its region would be cut off).
     */
    private boolean inPlace(List<PartFile> parts, long hint) throws IOException {
        if (hint <= 0) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            PartFile p = parts.get(i);
            if (p.inline() || p.partNumber() != i + 1 || p.dataOffset() != i * hint
                    || (i < parts.size() - 1 && p.length() != hint)) {
                return false;
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> PartFile.isPartFile(f.getFileName().toString())).count() == parts.size()
                    && regions(dir) == parts.size();
        }
    }

    /**
     * Regions of the data file claimed so far (each by exactly one writer, before it writes). Once the
     * staging directory is claimed by complete no new region can be claimed, so counting them in the
     * claimed directory tells whether a writer might still be writing to the data file.
     */
    private static long regions(Path stagingDir) throws IOException {
        try (Stream<Path> s = Files.list(stagingDir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("region-")).count();
        }
    }

    /** Opens every part named by a receipt and checks the receipt against the part's header. */
    private List<PartFile> openParts(List<PartReceipt> receipts, List<FileChannel> channels) throws IOException {
        List<PartFile> parts = new ArrayList<>();
        FileChannel data = null;
        for (PartReceipt r : receipts) {
            PartFile p;
            FileChannel ch;
            try {
                ch = FileChannel.open(dir.resolve(PartFile.fileName(r.partNumber())), StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (!Containment.isRealDirectory(dir)) {
                    throw gone(e);
                }
                throw new InvalidPartException("no part " + r.partNumber() + " was uploaded to " + handle.target()
                        + " (upload " + handle.uploadId() + ")", e);
            }
            try {
                p = PartFile.readHeader(ch, r.partNumber());
            } catch (IOException e) {
                closeQuietly(ch);
                throw e;
            }
            if (!p.token().equals(r.token()) || p.length() != r.size()) {
                closeQuietly(ch);
                throw new InvalidPartException("the receipt for part " + r.partNumber() + " is stale: the part was"
                        + " uploaded again; use the receipt of the latest upload (see listParts())");
            }
            if (!p.inline()) {
                closeQuietly(ch);
                if (data == null) {
                    data = FileChannel.open(dir.resolve(PartWriter.DATA), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                }
                ch = data;
            }
            channels.add(ch);
            parts.add(p);
        }
        return parts;
    }

    /**
     * Joins the parts into {@code tmp} next to the target, first leaving a marker naming it in the
     * staging directory, so that a temporary left by a crash is found without listing the target's directory.
     */
    private void join(List<PartFile> parts, List<FileChannel> channels, Path tmp, Path stagingDir) throws IOException {
        temporaries.mark(stagingDir, tmp);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < parts.size(); i++) {
                FileChannel in = channels.get(i);
                long pos = parts.get(i).dataStart();
                long end = pos + parts.get(i).length();
                while (pos < end) {
                    pos += in.transferTo(pos, end - pos, out);
                }
            }
            if (backend.fsync) {
                out.force(true);
            }
        }
    }

    private void publish(Path tmp, WritePrecondition precondition) throws IOException {
        backend.underPublishLock(dir.getParent(), () -> {
            switch (precondition.kind()) {
                case IF_ABSENT -> {
                    try {
                        Files.createLink(target, tmp);
                    } catch (FileAlreadyExistsException e) {
                        throw new PreconditionFailedException("an object already exists at " + handle.target()
                                + " and complete was create-only", e);
                    }
                }
                case IF_MATCH -> {
                    String current = Containment.attributes(target).filter(BasicFileAttributes::isRegularFile)
                            .map(FilesystemBackend::etag).orElse(null);
                    if (!precondition.etag().equals(current)) {
                        throw new PreconditionFailedException("the object at " + handle.target() + " has ETag " + current
                                + ", not " + precondition.etag() + " as complete required");
                    }
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                case NONE -> Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            if (backend.fsync) {
                Staging.fsyncDirectory(target.getParent());
            }
            return null;
        });
    }

    private void writeAttributes(Properties manifest) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(target, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        for (String name : manifest.stringPropertyNames()) {
            if (name.equals("content-type") || name.startsWith("meta.")) {
                try {
                    view.write("chunked-upload." + name, StandardCharsets.UTF_8.encode(manifest.getProperty(name)));
                } catch (IOException | UnsupportedOperationException e) {
                    return; // the filesystem keeps no extended attributes; metadata stays in no sidecar
                }
            }
        }
    }

    /** Rolls back (or finishes) a complete of this upload that was interrupted by a crash. */
    void recoverInterruptedComplete() {
        try {
            Claims.recoverComplete(dir, handle.uploadId());
        } catch (IOException e) {
            throw Staging.map("recover the interrupted complete of " + handle.target(), e);
        }
    }

    @Override
    public void abort() {
        Path doomed = dir.resolveSibling(".aborting-" + handle.uploadId() + "-" + Staging.randomId(4));
        try {
            Claims.recoverComplete(dir, handle.uploadId()); // an interrupted complete becomes a live upload again
            try {
                Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
                Staging.deleteTree(doomed);
            } catch (NoSuchFileException e) {
                // already aborted or completed: abort is idempotent; an interrupted abort's leftovers go below
            }
            Claims.removeAbortLeftovers(dir.getParent(), handle.uploadId());
            temporaries.deleteAll();
        } catch (IOException e) {
            throw Staging.map("abort " + handle.target(), e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // read-only channel
        }
    }
}
