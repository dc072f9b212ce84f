package org.opengovinfo.client.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;

/**
 * A local HTTP server on 127.0.0.1 that answers from a script: each request takes the next answer queued, the last
 * one repeats. It records every request (method, path, body), so a test can count them.
 */
public final class StubServer implements AutoCloseable {

    /** One answer: status, content type and body ({@code null} body: none). */
    public record Answer(int status, String contentType, String body) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        public static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", body);
        }

        public static Answer status(int status) {
            return new Answer(status, null, null);
        }
    }

    /** A request as the stub received it. */
    public record Request(String method, String path, String body) {
    }

    private final HttpServer server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = Answer.status(500);
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
                Answer a = next();
                if (a.contentType() != null) {
                    exchange.getResponseHeaders().add("Content-Type", a.contentType());
                }
                byte[] bytes = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        server.start();
    }

    public static StubServer start() throws IOException {
        return new StubServer();
    }

    /** Queues answers, in order; the last one given is repeated once the queue is empty. */
    public StubServer answer(Answer... answers) {
        for (Answer a : answers) {
            script.add(a);
            last = a;
        }
        return this;
    }

    private synchronized Answer next() {
        Answer a = script.poll();
        return a != null ? a : last;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
