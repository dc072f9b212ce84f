package org.opengovinfo.service.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * A client that sends its request a byte at a time is never idle; it is cut off when its request has not arrived in
 * full within the read timeout, with a 408 problem, while a prompt client on the same server is served as usual.
 */
class RequestDeadlineTest {

    @Test
    void aRequestTrickledInTooSlowlyGets408AndItsConnectionClosed() throws Exception {
        try (ServiceUnderTest service = ServiceUnderTest.start(TestDatabase.H2, Map.of("reports.request-read-timeout", "1s"))) {
            URI base = URI.create(service.request("/").build().uri().toString());
            try (Socket slow = new Socket(base.getHost(), base.getPort())) {
                slow.setSoTimeout(10_000);
                OutputStream out = slow.getOutputStream();
                String head = "PUT /api/v1/units/x/figures/2021 HTTP/1.1\r\nHost: localhost\r\n";
                long started = System.nanoTime();
                String answer = null;
                // one byte every 200 ms: the idle timeout never fires, the request deadline must
                for (byte b : head.getBytes(StandardCharsets.US_ASCII)) {
                    try {
                        out.write(b);
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                    if (slow.getInputStream().available() > 0) {
                        break;
                    }
                    Thread.sleep(200);
                }
                answer = new String(readAll(slow.getInputStream()), StandardCharsets.UTF_8);
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("application/problem+json") && answer.contains("\"code\":\"request.timeout\""), answer);
                assertTrue(millis < 8_000, millis + " ms");
            }
            assertEquals(200, service.get("/api/v1/templates").status(), "a prompt client is served");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
