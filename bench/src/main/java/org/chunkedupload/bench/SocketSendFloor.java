package org.chunkedupload.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The least a JVM can spend sending a file to a loopback socket (bench/socket-floor.sh): with
 * {@code sendfile} ({@link FileChannel#transferTo}), or copying it through the heap in writes of a
 * given size (8192: what the SDK's Apache client writes; 65536: what curl writes).
 * Usage: {@code SocketSendFloor FILE PORT sendfile|BYTES}.
 */
public final class SocketSendFloor {
    private SocketSendFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long size = Files.size(file);
        try (FileChannel fc = FileChannel.open(file);
             SocketChannel sc = SocketChannel.open(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])))) {
            if (args[2].equals("sendfile")) {
                for (long pos = 0; pos < size; ) {
                    pos += fc.transferTo(pos, size - pos, sc);
                }
            } else {
                byte[] b = new byte[Integer.parseInt(args[2])];
                InputStream in = Channels.newInputStream(fc);
                OutputStream out = sc.socket().getOutputStream();
                for (int n; (n = in.read(b)) > 0; ) {
                    out.write(b, 0, n);
                }
                out.flush();
            }
        }
    }
}
