package org.opengovinfo.service.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * HTTP/1.1 to the service under measurement on 127.0.0.1, with the administrator token; each reply timed.
 *
 * <p>A few lines over plain sockets, each kept alive and reused, rather than {@code java.net.http}: the load
 * generator shares the machine's two cores with the service, and the JDK client spent about 1.4 ms of CPU per
 * request (more than half of what the service spends on a PUT), which the measured service had to go without.
 */
final class Api implements AutoCloseable {

    /** A reply and how long it took from sending to the whole body read. */
    record Reply(int status, String body, long nanos) {
        double millis() {
            return nanos / 1e6;
        }

        Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body.substring(0, Math.min(500, body.length())));
            }
            return this;
        }
    }

    /** Well under the server's idle timeout, so that a pooled connection is never one the server has closed. */
    private static final long MAX_IDLE_NANOS = 20_000_000_000L;
    private static final int TIMEOUT_MILLIS = 10 * 60 * 1000;

    private final int port;
    private final String token;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** A client with this one's token of another instance of the service (on the same database); the caller closes it. */
    Api at(Api instance) {
        return new Api(instance.port, token);
    }

    /** Another client of the same service, with a token of its own; the caller closes it. */
    Api as(String otherToken) {
        return new Api(port, otherToken);
    }

    Reply get(String path) throws IOException {
        return send("GET", path, null);
    }

    Reply post(String path, byte[] json) throws IOException {
        return send("POST", path, json);
    }

    Reply put(String path, byte[] json) throws IOException {
        return send("PUT", path, json);
    }

    private Reply send(String method, String path, byte[] json) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nAuthorization: Bearer ").append(token).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(json.length).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        Connection c = connection();
        long start = System.nanoTime();
        try {
            c.out.write(request);
            if (json != null) {
                c.out.write(json);
            }
            c.out.flush();
            Reply reply = c.read(start);
            c.lastUsed = System.nanoTime();
            if (c.open) {
                idle.push(c);
            } else {
                c.socket.close();
            }
            return reply;
        } catch (IOException e) {
            c.socket.close();
            throw e;
        }
    }

    private Connection connection() throws IOException {
        for (Connection c; (c = idle.poll()) != null; ) {
            if (System.nanoTime() - c.lastUsed < MAX_IDLE_NANOS) {
                return c;
            }
            c.socket.close();
        }
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new Connection(socket);
    }

    @Override
    public void close() throws IOException {
        for (Connection c; (c = idle.poll()) != null; ) {
            c.socket.close();
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long lastUsed;
        boolean open = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        Reply read(long start) throws IOException {
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> open = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers, if any
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body);
                open = false;
            }
            return new Reply(code, body.toString(StandardCharsets.UTF_8), System.nanoTime() - start);
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new EOFException("the answer ended early");
                }
                to.write(buffer, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("the connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
