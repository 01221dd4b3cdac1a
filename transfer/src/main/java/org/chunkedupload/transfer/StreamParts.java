package org.chunkedupload.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.chunkedupload.api.ChecksumAlgorithm;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.PartReceipt;
import org.chunkedupload.api.ObjectTooLargeException;

/**
 * Cuts a stream of unknown length into parts following a {@link GrowthSchedule}. At most
 * {@code concurrency + 1} part buffers exist at once: one being filled, the others uploading; the
 * reader blocks until a buffer is free. A retried part is re-sent from its buffer.
 */
final class StreamParts {
    private StreamParts() {
    }

    static List<PartReceipt> upload(TransferRun run, InputStream in, GrowthSchedule schedule, int firstPartNumber,
                                    int maxParts, ChecksumAlgorithm algorithm) throws IOException, InterruptedException {
        Semaphore buffers = new Semaphore(run.settings().concurrency() + 1);
        Queue<byte[]> pool = new ConcurrentLinkedQueue<>(); // reused: no allocation per part once warm
        List<Future<PartReceipt>> futures = new ArrayList<>();
        List<Future<PartReceipt>> open = new ArrayList<>(); // not yet seen done; at most concurrency + 1
        long total = 0;
        int index = 0;
        while (true) {
            failFast(open);
            if (index == maxParts) {
                if (in.read() >= 0) {
                    throw new ObjectTooLargeException("the stream is longer than the " + total + " bytes that " + maxParts
                            + " parts can hold with this provider's limits (" + schedule + ")");
                }
                break;
            }
            while (!buffers.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                failFast(open);
            }
            long size = schedule.partSize(index);
            byte[] buf = take(pool, (int) size);
            int n = run.readSource(in, buf);
            if (n == 0 && index > 0) {
                pool.offer(buf);
                buffers.release();
                break;
            }
            int length = n;
            PartTask task = new PartTask(firstPartNumber + index, total, length,
                    () -> new ByteArrayInputStream(buf, 0, length));
            Future<PartReceipt> f = run.submit(task, algorithm, () -> {
                        pool.offer(buf);
                        buffers.release();
                    });
            futures.add(f);
            open.add(f);
            total += n;
            index++;
            if (n < size) {
                break;
            }
        }
        run.expect(index, total);
        List<PartReceipt> out = new ArrayList<>(futures.size());
        for (Future<PartReceipt> f : futures) {
            out.add(PartWorkers.await(f));
        }
        return out;
    }

    /** A free buffer of exactly {@code size} bytes; smaller ones left from an earlier tier are dropped. */
    private static byte[] take(Queue<byte[]> pool, int size) {
        for (byte[] b; (b = pool.poll()) != null; ) {
            if (b.length == size) {
                return b;
            }
        }
        return new byte[size];
    }

    private static void failFast(List<Future<PartReceipt>> open) throws InterruptedException {
        for (Future<PartReceipt> f : open) {
            if (f.isDone()) {
                PartWorkers.await(f); // rethrows a part's failure at once
            }
        }
        open.removeIf(Future::isDone);
    }

    /** {@link Uploader#start(StorageBackend, InputStream, org.chunkedupload.api.ObjectTarget)}. */
    static Transfer start(Uploader u, StorageBackend backend, InputStream in, org.chunkedupload.api.ObjectTarget target) {
        if (u.journal != null) {
            throw new IllegalArgumentException("a journal needs a file source; a stream cannot be re-read after a crash");
        }
        org.chunkedupload.api.Capabilities caps = backend.capabilities();
        GrowthSchedule g = GrowthSchedule.forStream(caps, u.partSize, backend.providerId());
        ChecksumAlgorithm alg = u.partChecksum(caps, backend.providerId());
        return new Transfer(new TransferRun(u.settings, backend).start(run -> {
            run.attach(backend.initiate(target, u.withHint(g.partSize(0))), null);
            u.settings.listener().onInitiated(run.upload().handle());
            return run.complete(upload(run, in, g, caps.minPartNumber(), caps.maxPartCount(), alg), u.precondition);
        }));
    }
}
