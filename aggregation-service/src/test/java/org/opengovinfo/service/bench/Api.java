package org.opengovinfo.service.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP to the service under measurement on 127.0.0.1, with the administrator token; each reply timed. */
final class Api {

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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, byte[] json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    Reply put(String path, byte[] json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), System.nanoTime() - start);
    }
}
