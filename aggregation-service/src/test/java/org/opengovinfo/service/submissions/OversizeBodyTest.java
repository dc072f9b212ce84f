package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;

class OversizeBodyTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void aBodyOverTheLimitIsRefusedWith413AndNothingIsStored(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("micronaut.server.max-request-size", "4KB"))) {
            service.post("/api/v1/units", Map.of("id", "u", "name", "单位", "kind", "town", "fromYear", 2015));
            Map<String, Object> figures = new HashMap<>();
            for (int i = 0; i < 400; i++) {
                figures.put("s3.unknown_row_" + i + ".natural_person", i);
            }

            Reply reply = service.put("/api/v1/units/u/figures/2021", Map.of("figures", figures));

            assertEquals(413, reply.status());
            assertEquals("request.too_large", reply.code());
            assertEquals("application/problem+json", reply.contentType());
            assertEquals(0, service.get("/api/v1/units/u/figures/2021/versions").json().size());
        }
    }
}
