package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;

/**
 * One limit for a body however it is read, the documented 16 MB: a 12 MB batch is read to its end (the framework's
 * own buffer limit of 10 MiB used to refuse it), a 17 MB one is 413 naming the limit as people write it.
 */
class OversizeBodyTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void theDocumentedSixteenMegabytesIsTheLimitForEveryBody(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of())) {
            assertEquals(201, service.post("/api/v1/units", Map.of("id", "u", "name", "单位", "kind", "town",
                    "fromYear", 2015)).status());

            Reply twelve = service.post("/api/v1/figures/batch", batchOf(12));
            Reply seventeen = service.post("/api/v1/figures/batch", batchOf(17));

            assertEquals(List.of(400, "request.unknown_field"), List.of(twelve.status(), twelve.code()),
                    "12 MB are read to the field at their end");
            assertEquals(413, seventeen.status());
            assertEquals("request.too_large", seventeen.code());
            assertEquals("application/problem+json", seventeen.contentType());
            String detail = seventeen.json().get("detail").asText();
            assertTrue(detail.contains("16 MB"), detail);
            assertFalse(detail.contains("max-request") || detail.contains("micronaut"), detail);
            assertEquals(0, service.get("/api/v1/units/u/figures/2021/versions").json().size());

            // a form is a body like any other: 17 MB of workbook or CSV are refused the same way, before being parsed
            for (String type : List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "text/csv")) {
                byte[] big = new byte[17 * 1024 * 1024];
                Arrays.fill(big, (byte) '1');
                Reply form = service.send(service.request("/api/v1/units/u/figures/2021").header("Content-Type", type)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(big)).build());
                assertEquals(List.of(413, "request.too_large"), List.of(form.status(), form.code()), type);
            }
            assertEquals(0, service.get("/api/v1/units/u/figures/2021/versions").json().size());
        }
    }

    /** A batch of about {@code megabytes} MB whose last field is unknown, so that only reading all of it finds that. */
    private static String batchOf(int megabytes) {
        String item = "{\"unit\": \"u\", \"figures\": {\"s2_6.penalty.decisions\": 1, \"s2_5.licensing.decisions\": 2}},";
        StringBuilder body = new StringBuilder(megabytes * 1024 * 1024 + 100).append("{\"year\": 2021, \"submissions\": [");
        while (body.length() < megabytes * 1024 * 1024) {
            body.append(item);
        }
        body.setLength(body.length() - 1);
        return body.append("], \"unknown\": 1}").toString();
    }
}
