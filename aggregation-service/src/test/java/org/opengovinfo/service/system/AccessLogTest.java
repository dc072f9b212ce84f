package org.opengovinfo.service.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/** The access log: one line per request, milliseconds that are milliseconds, and never a secret. */
class AccessLogTest {

    @Test
    void aRequestOfFortyOneSecondsIsLoggedAsFortyOneThousandMilliseconds() {
        assertEquals("10.0.0.7 \"PUT /api/v1/units/x/figures/2021\" 200 512 41000 ms",
                AccessLog.line("10.0.0.7", "PUT", "/api/v1/units/x/figures/2021", 200, 512, 41_000_000_000L));
        assertEquals("10.0.0.7 \"GET /health\" 200 - 3 ms", AccessLog.line("10.0.0.7", "GET", "/health", 200, -1, 3_400_000L));
    }

    @Test
    void aTokenSentInTheQueryStringIsRefusedAndNeverWrittenToTheLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("HTTP_ACCESS_LOGGER");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try (ServiceUnderTest service = ServiceUnderTest.start(TestDatabase.H2, Map.of())) {
            String secret = ServiceUnderTest.ADMIN_TOKEN;
            Reply inQuery = service.anonymous().get("/api/v1/templates?access_token=" + secret + "&year=2021");
            Reply inPath = service.anonymous().get("/api/v1/units/" + secret);
            Reply password = service.anonymous().get("/api/v1/templates?password=hunter2");

            assertEquals(List.of(401, 401, 401), List.of(inQuery.status(), inPath.status(), password.status()));
            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("access_token=[redacted]&year=2021") && l.contains(" 401 ")),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("/api/v1/units/ogi_[redacted]")), lines.toString());
            assertFalse(lines.stream().anyMatch(l -> l.contains(secret.substring(4)) || l.contains("hunter2")),
                    lines.toString());
        } finally {
            logger.detachAppender(captured);
        }
    }
}
