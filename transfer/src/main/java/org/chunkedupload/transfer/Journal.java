package org.chunkedupload.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.api.WritePrecondition;

/**
 * The resume journal of one file upload: a small properties file holding the upload handle, the part
 * size, the source's {@link SourceFingerprint}, the precondition for complete and every receipt
 * received so far. It never holds credentials (handles cannot carry them). It is created owner-only
 * and rewritten by atomic replace + fsync; rewrites are coalesced to at most one per
 * {@value #MIN_WRITE_INTERVAL_MS} ms, because a receipt missing from the journal costs nothing on
 * resume: the server's part list, checked against the source's CRC-32C, restores it. Thread-safe.
 */
final class Journal {
    static final long MIN_WRITE_INTERVAL_MS = 200;
    /** Version 2 journals end with {@link #END} and the CRC-32C of what precedes it, so a torn copy is recognised. */
    static final String VERSION = "2";
    private static final String END = "#end crc32c=";
    /** Journals owned by a running transfer of this JVM: a journal belongs to one transfer at a time. */
    private static final java.util.Set<Path> IN_USE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    final Path path;
    final UploadHandle handle;
    final Path source;
    final SourceFingerprint fingerprint;
    final long partSize;
    final WritePrecondition precondition;
    /** When the upload began, or null for journals written before this was recorded. */
    final java.time.Instant initiated;
    private final Map<Integer, PartReceipt> receipts = new TreeMap<>();
    private long lastWrite;
    private boolean dirty;

    Journal(Path path, UploadHandle handle, Path source, SourceFingerprint fingerprint, long partSize,
            WritePrecondition precondition, java.time.Instant initiated) {
        this.initiated = initiated;
        this.path = path;
        this.handle = handle;
        this.source = source;
        this.fingerprint = fingerprint;
        this.partSize = partSize;
        this.precondition = precondition;
    }

    synchronized void record(PartReceipt r) throws IOException {
        receipts.put(r.partNumber(), r);
        dirty = true;
        if (System.currentTimeMillis() - lastWrite >= MIN_WRITE_INTERVAL_MS) {
            write();
        }
    }

    synchronized Map<Integer, PartReceipt> receipts() {
        return new TreeMap<>(receipts);
    }

    synchronized void flush() throws IOException {
        if (dirty || lastWrite == 0) {
            write();
        }
    }

    synchronized void write() throws IOException {
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("handle", handle.serialize());
        p.setProperty("target", handle.target().toString());
        p.setProperty("source", source.toAbsolutePath().toString());
        p.setProperty("source-size", Long.toString(fingerprint.size()));
        p.setProperty("source-mtime", Long.toString(fingerprint.modifiedMillis()));
        p.setProperty("source-sample", fingerprint.sample());
        p.setProperty("part-size", Long.toString(partSize));
        if (initiated != null) {
            p.setProperty("initiated", initiated.toString());
        }
        p.setProperty("precondition", precondition.kind().name());
        if (precondition.etag() != null) {
            p.setProperty("precondition-etag", precondition.etag());
        }
        receipts.forEach((n, r) -> p.setProperty("receipt." + n, r.serialize()));
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + path.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs);
                 OutputStream out = Channels.newOutputStream(ch)) {
                out.write(withEndMark(p));
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing was written there, or the directory is gone
            }
            throw new IOException("cannot write the resume journal " + path + " (" + reason(e) + "): "
                    + (String.valueOf(e.getMessage()).contains("No space left") ? "free space on its disk"
                    : "give --journal a writable file path") + " and try again", e);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // directories cannot be synced on every filesystem; the file itself was
        }
        lastWrite = System.currentTimeMillis();
        dirty = false;
    }

    /**
     * Makes {@code path} the journal of one transfer until {@link #release(Path)}.
     *
     * @throws ConfigurationException when another running transfer of this process owns it
     */
    static void claim(Path path) {
        if (!IN_USE.add(path.toAbsolutePath().normalize())) {
            throw new ConfigurationException("journal " + path + " belongs to another transfer that is still running"
                    + " in this process: give each concurrent upload its own journal");
        }
    }

    /** @param path a journal claimed with {@link #claim(Path)}, free again */
    static void release(Path path) {
        IN_USE.remove(path.toAbsolutePath().normalize());
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    /** The properties in a stable order, then an end mark holding the CRC-32C of everything before it. */
    private static byte[] withEndMark(Properties p) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        p.store(b, "chunked-upload resume journal; holds no credentials");
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b.toByteArray());
        b.write((END + Long.toHexString(crc.getValue()) + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                ? (f.getFile() != null ? f.getFile() + ": " : "") + f.getReason()
                : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way" : String.valueOf(e.getMessage());
    }

    static Journal load(Path path) {
        Properties p = new Properties();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new ConfigurationException(path + " is a directory, not a journal: give the file passed to put --journal");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("no journal at " + path + ": give the path passed to put --journal", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read journal " + path + " (" + reason(e) + "): check its path and"
                    + " permissions", e);
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int mark = text.lastIndexOf(END);
        if (mark >= 0) {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, mark);
            if (!text.substring(mark + END.length()).strip().equals(Long.toHexString(crc.getValue()))) {
                throw new ConfigurationException("journal " + path + " is damaged (its content does not match its"
                        + " checksum: it was edited or corrupted); abort the upload it names and put the file again");
            }
        }
        try {
            p.load(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("journal " + path + " is damaged (" + e.getMessage() + "); abort the upload"
                    + " it names and put the file again", e);
        }
        if (mark < 0 && !"1".equals(p.getProperty("version"))) {
            throw new ConfigurationException(p.getProperty("version") == null && p.isEmpty()
                    ? path + " is not a chunked-upload journal (it is empty or not a properties file): give the file"
                    + " passed to put --journal"
                    : "journal " + path + " is torn (its end is missing: it was cut short while copied or written);"
                    + " abort the upload it names and put the file again");
        }
        try {
            if (!"1".equals(p.getProperty("version")) && !VERSION.equals(p.getProperty("version"))) {
                throw new IllegalArgumentException("unknown journal version " + p.getProperty("version"));
            }
            String etag = p.getProperty("precondition-etag");
            WritePrecondition.Kind kind = WritePrecondition.Kind.valueOf(p.getProperty("precondition"));
            Journal j = new Journal(path, UploadHandle.parse(p.getProperty("handle")), Path.of(p.getProperty("source")),
                    new SourceFingerprint(Long.parseLong(p.getProperty("source-size")),
                            Long.parseLong(p.getProperty("source-mtime")), p.getProperty("source-sample")),
                    Long.parseLong(p.getProperty("part-size")), new WritePrecondition(kind, etag),
                    p.getProperty("initiated") == null ? null : java.time.Instant.parse(p.getProperty("initiated")));
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("receipt.")) {
                    PartReceipt r = PartReceipt.parse(p.getProperty(name));
                    j.receipts.put(r.partNumber(), r);
                }
            }
            j.lastWrite = System.currentTimeMillis();
            return j;
        } catch (RuntimeException e) {
            throw new ConfigurationException("journal " + path + " is damaged (" + e.getMessage()
                    + "); abort the upload it names and put the file again", e);
        }
    }
}
