package org.chunkedupload.spark;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.chunkedupload.transfer.RangeSource;

/**
 * A source every executor can read: a local path (on storage shared by the nodes, or {@code file:})
 * read with positional reads, or any Hadoop {@code FileSystem} URI ({@code hdfs://}, {@code s3a://},
 * ...) opened with each executor's own Hadoop configuration (so no credential travels with a task).
 * Serializable: it is only a string.
 */
public record SourcePath(String path) implements Serializable {
    /** @return whether the path is read as a local file (no scheme, or {@code file:}) */
    boolean local() {
        URI u = URI.create(path.replace(" ", "%20"));
        return u.getScheme() == null || u.getScheme().length() == 1 || "file".equals(u.getScheme());
    }

    private java.nio.file.Path localPath() {
        return path.startsWith("file:") ? java.nio.file.Path.of(URI.create(path)) : java.nio.file.Path.of(path);
    }

    /** @return the source's byte ranges, read where this runs */
    RangeSource open() {
        if (local()) {
            return RangeSource.of(localPath());
        }
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(new Configuration());
            long size = fs.getFileStatus(p).getLen();
            return new RangeSource() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public InputStream open(long offset, long length) throws IOException {
                    FSDataInputStream in = fs.open(p);
                    in.seek(offset);
                    return bounded(in, length);
                }

                @Override
                public String toString() {
                    return path;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (" + e.getMessage() + "): check that every"
                    + " executor can reach it", e);
        }
    }

    private static InputStream bounded(InputStream in, long length) {
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b >= 0 ? 1 : 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }
}
