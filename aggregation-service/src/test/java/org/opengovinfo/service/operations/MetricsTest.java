package org.opengovinfo.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.ServiceUnderTest;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;
import org.opengovinfo.service.testing.TestDatabase;

/** /prometheus: who may scrape it, and that the series an operator alerts on move with what the service does. */
class MetricsTest {

    private static final String SCRAPE_TOKEN = "ogi_test-scrape-token-0123456789abcdef0123";
    private static final String FIGURES = "/api/v1/units/{id}/figures/{year}";

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void submissionsFindingsRollupsAndRequestsMoveTheirSeries(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.scrape-token", SCRAPE_TOKEN))) {
            ServiceUnderTest scraper = service.withToken(SCRAPE_TOKEN);
            service.post("/api/v1/units", Map.of("id", "metrics-county", "name", "罗庄区", "kind", "district",
                    "fromYear", 2015)).ok();
            service.post("/api/v1/units", Map.of("id", "metrics-town", "name", "某街道", "kind", "street",
                    "fromYear", 2015, "parent", "metrics-county")).ok();
            Scrape before = scrape(scraper);

            Map<String, Object> figures = new LinkedHashMap<>(PublishedReport.luozhuang2020().cells());
            String path = "/api/v1/units/metrics-town/figures/2020";
            assertEquals("accepted", service.put(path, Map.of("figures", figures)).ok().json().get("status").asText());
            assertEquals("unchanged", service.put(path, Map.of("figures", figures)).ok().json().get("status").asText());
            figures.put("s4.reconsideration.total", 14);
            assertEquals(422, service.put(path, Map.of("figures", figures)).status());
            Reply rollup = service.post("/api/v1/units/metrics-county/rollups/2020", Map.of()).ok();
            Scrape after = scrape(scraper);

            assertEquals(1, after.delta(before, "ogi_submissions_total", "outcome", "accepted"));
            assertEquals(1, after.delta(before, "ogi_submissions_total", "outcome", "unchanged"));
            assertEquals(1, after.delta(before, "ogi_submissions_total", "outcome", "rejected"));
            assertEquals(1, after.delta(before, "ogi_submission_findings_total", "rule", "s4.total", "severity", "error"));
            assertEquals(1, after.delta(before, "ogi_rollup_duration_seconds_count"));
            assertTrue(after.value("ogi_rollup_duration_seconds_sum") > 0);
            assertEquals(rollup.json().get("consolidatedUnits").asInt(),
                    after.delta(before, "ogi_rollup_units_consolidated_total"));
            // latency by route template and status, as a histogram (buckets), never by the raw path
            assertEquals(2, after.delta(before, "http_server_requests_seconds_count", "method", "PUT", "uri", FIGURES,
                    "status", "200"));
            assertEquals(1, after.delta(before, "http_server_requests_seconds_count", "method", "PUT", "uri", FIGURES,
                    "status", "422"));
            assertEquals(3, after.delta(before, "http_server_requests_seconds_bucket", "method", "PUT", "uri", FIGURES,
                    "le", "+Inf"));
            assertFalse(after.text().contains("metrics-town"), "a unit id in a label: every unit would be a series");
            assertTrue(after.value("hikaricp_connections_max") > 0, "the connection pool");
            for (String series : List.of("hikaricp_connections_active", "hikaricp_connections_pending",
                    "hikaricp_connections_timeout_total", "jvm_threads_live_threads", "process_cpu_usage")) {
                assertTrue(after.text().contains("\n" + series), series + " (the README lists it)");
            }
            assertTrue(after.value("jvm_memory_used_bytes") > 0, "the JVM");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(TestDatabase.class)
    void onlyTheScrapeTokenAndAdministratorsMayScrape(TestDatabase database) {
        try (ServiceUnderTest service = ServiceUnderTest.start(database, Map.of("reports.scrape-token", SCRAPE_TOKEN))) {
            Reply anonymous = service.anonymous().get("/prometheus");
            assertEquals(401, anonymous.status());
            assertEquals("application/problem+json", anonymous.contentType());
            assertEquals("auth.missing", anonymous.code());
            assertEquals("auth.invalid", service.withToken("ogi_not-the-scrape-token-0123456789abcdef").get("/prometheus").code());

            String reader = service.post("/api/v1/tokens", Map.of("principal", "dashboards", "role", "reader")).ok()
                    .json().get("token").asText();
            Reply forbidden = service.withToken(reader).get("/prometheus");
            assertEquals(403, forbidden.status());
            assertEquals("access.forbidden", forbidden.code());

            Reply scraped = service.withToken(SCRAPE_TOKEN).get("/prometheus");
            assertEquals(200, scraped.status());
            assertTrue(scraped.contentType().startsWith("text/plain"), scraped.contentType());
            assertEquals(200, service.get("/prometheus").status(), "administrators may scrape too");
            // the scrape token opens the metrics and nothing else
            assertEquals(403, service.withToken(SCRAPE_TOKEN).get("/api/v1/templates").status());

            String minted = service.post("/api/v1/tokens", Map.of("principal", "prometheus", "role", "scraper")).ok()
                    .json().get("token").asText();
            assertEquals(200, service.withToken(minted).get("/prometheus").status(), "a token of role scraper");
        }
    }

    private static Scrape scrape(ServiceUnderTest scraper) {
        Reply reply = scraper.get("/prometheus");
        assertEquals(200, reply.status(), reply.raw().body());
        return new Scrape(reply.raw().body());
    }

    /** A scrape in the Prometheus text format, read as series (name and labels) and their values. */
    private record Scrape(String text) {

        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

        /** The sum of every sample of {@code name} whose labels include the given name-value pairs. */
        double value(String name, String... labels) {
            double sum = 0;
            for (String line : text.split("\n")) {
                Matcher m = SAMPLE.matcher(line);
                if (!m.matches() || !m.group(1).equals(name)) {
                    continue;
                }
                String given = m.group(3) == null ? "" : m.group(3);
                boolean all = true;
                for (int i = 0; i < labels.length; i += 2) {
                    all &= given.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
                }
                if (all) {
                    sum += Double.parseDouble(m.group(4));
                }
            }
            return sum;
        }

        long delta(Scrape before, String name, String... labels) {
            return Math.round(value(name, labels) - before.value(name, labels));
        }
    }
}
