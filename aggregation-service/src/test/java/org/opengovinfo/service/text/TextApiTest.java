package org.opengovinfo.service.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.model.published.ExpectedTables;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest.Reply;

/** The text feature over HTTP, on both databases: import, store, the standard text and the prose check. */
class TextApiTest extends OnBothDatabases {

    private static final AtomicInteger UNITS = new AtomicInteger();

    @BeforeParameterizedClassInvocation
    static void seed() {
        service.post("/api/v1/units", Map.of("id", "county", "name", "临淄区", "kind", "district", "fromYear", 2015)).ok();
    }

    private static String unit() {
        String id = "u-" + UNITS.incrementAndGet();
        service.post("/api/v1/units", Map.of("id", id, "name", "某街道", "kind", "street", "fromYear", 2015,
                "parent", "county")).ok();
        return id;
    }

    static String fixture(String name) {
        try (InputStream in = TextApiTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply post(String path, byte[] body, String type) {
        return service.send(service.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", type).build());
    }

    private static Reply post(String path, String body, String type) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static Map<String, String> figures(JsonNode json) {
        Map<String, String> out = new TreeMap<>();
        json.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().decimalValue().toPlainString()));
        return out;
    }

    @Test
    void aPublishedReportImportsAsADryRunAndStoresNothing() {
        String u = unit();
        Reply r = post("/api/v1/units/" + u + "/imports/2021", fixture("linzi-2021.txt"), "text/plain; charset=UTF-8");
        assertEquals(200, r.status(), r.raw().body());
        assertEquals(new TreeMap<>(ExpectedTables.linzi2021()), figures(r.json().get("figures")));
        assertEquals(0, r.json().get("unread").size());
        assertEquals(false, r.json().get("stored").asBoolean());
        assertEquals("2021", r.json().get("template").asText());
        assertEquals(404, service.get("/api/v1/units/" + u + "/figures/2021").status());
    }

    @Test
    void aReportImportedWithStoreGoesThroughTheSubmissionAndReadsBack() {
        String u = unit();
        Reply r = post("/api/v1/units/" + u + "/imports/2020?store=true", fixture("luozhuang-2020.txt").getBytes(
                Charset.forName("GB18030")), "text/plain");
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("accepted", r.json().get("status").asText().toLowerCase());
        assertEquals(1, r.json().get("version").asInt());
        Reply stored = service.get("/api/v1/units/" + u + "/figures/2020");
        assertEquals(200, stored.status());
        assertEquals(PublishedReport.luozhuang2020().figures().decimals().get("s3.new.total"),
                stored.json().get("figures").get("s3.new.total").decimalValue());
        // the same again is unchanged, as a PUT of the same figures is
        Reply again = post("/api/v1/units/" + u + "/imports/2020?store=true", fixture("luozhuang-2020.txt"), "text/plain");
        assertEquals("unchanged", again.json().get("status").asText().toLowerCase());
    }

    @Test
    void aStoreThatBreaksARuleIsRejectedLikeAPutAndStoresNothing() {
        String u = unit();
        String broken = fixture("linzi-2021.txt").replace("\t148\n", "\t149\n");
        Reply r = post("/api/v1/units/" + u + "/imports/2021?store=true", broken, "text/plain");
        assertEquals(422, r.status(), r.raw().body());
        assertEquals("submission.rejected", r.code());
        assertEquals(404, service.get("/api/v1/units/" + u + "/figures/2021").status());
    }

    @Test
    void aWebPageImportsToTheSameFigures() {
        String u = unit();
        Reply r = post("/api/v1/units/" + u + "/imports/2021", HtmlImportTest.page("linzi-2021.html"), "text/html; charset=UTF-8");
        assertEquals(200, r.status(), r.raw().body());
        assertEquals("html", r.json().get("from").asText());
        assertEquals(new TreeMap<>(ExpectedTables.linzi2021()), figures(r.json().get("figures")));
    }

    @Test
    void aTextWithoutTablesCannotBeImported() {
        String u = unit();
        Reply r = post("/api/v1/units/" + u + "/imports/2021", "一、总体情况\n本年度工作平稳。\n", "text/plain");
        assertEquals(422, r.status());
        assertEquals("import.no_tables", r.code());
        assertEquals("text.empty", post("/api/v1/units/" + u + "/imports/2021", "", "text/plain").code());
        Reply empty = post("/api/v1/units/" + u + "/imports/2021", " \n\n", "text/plain");
        assertEquals(400, empty.status());
        assertEquals("text.empty", empty.code());
        Reply badStore = post("/api/v1/units/" + u + "/imports/2021?store=yes", "x", "text/plain");
        assertEquals("request.invalid_parameter", badStore.code());
    }

    @Test
    void theWholePublishedReportsCheckWithoutAFindingAndAChangedNumberIsFound() {
        String u = unit();
        Reply clean = post("/api/v1/units/" + u + "/text-checks/2021", fixture("linzi-2021.txt"), "text/plain");
        assertEquals(200, clean.status(), clean.raw().body());
        assertEquals("report", clean.json().get("tables").asText());
        assertEquals(0, clean.json().get("findings").size(), clean.raw().body());
        Reply luozhuang = post("/api/v1/units/" + u + "/text-checks/2020", fixture("luozhuang-2020.txt"), "text/plain");
        assertEquals(0, luozhuang.json().get("findings").size(), luozhuang.raw().body());
        Reply changed = post("/api/v1/units/" + u + "/text-checks/2021",
                fixture("linzi-2021.txt").replace("共受理依申请公开信息151件", "共受理依申请公开信息152件"), "text/plain");
        assertEquals(1, changed.json().get("errors").asInt(), changed.raw().body());
        JsonNode f = changed.json().get("findings").get(0);
        assertEquals("text.contradicts_table", f.get("rule").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals(152, f.get("stated").asInt());
        assertEquals(151, f.get("tableValue").asInt());
        assertEquals("s3.new.total", f.get("cells").get(0).asText());
        assertTrue(f.get("labels").get(0).asText().startsWith("表三"), f.toString());
        assertTrue(f.get("message").asText().contains("“2021年，共受理依申请公开信息152件，2020年度结转5件。”"), f.toString());
        assertTrue(f.get("messageEn").asText().contains("152"), f.toString());
    }

    @Test
    void proseIsCheckedAgainstTheUnitsStoredFiguresAndTheStandardTextIsWrittenFromThem() {
        String u = unit();
        service.put("/api/v1/units/" + u + "/figures/2021", Map.of("figures", PublishedReport.linzi2021().cells())).ok();
        Reply r = post("/api/v1/units/" + u + "/text-checks/2021", "本年度新收政府信息公开申请150件。", "text/plain");
        assertEquals("own", r.json().get("tables").asText());
        assertEquals(1, r.json().get("findings").size(), r.raw().body());
        Reply json = service.get("/api/v1/units/" + u + "/text/2021");
        assertEquals(200, json.status(), json.raw().body());
        assertTrue(json.json().get("text").asText().contains("本年度新收政府信息公开申请151件"), json.raw().body());
        JsonNode first = json.json().get("sentences").get(0);
        assertEquals("stated", first.get("state").asText());
        Reply plain = service.send(service.request("/api/v1/units/" + u + "/text/2021").header("Accept", "text/plain").GET().build());
        assertEquals(200, plain.status());
        assertTrue(plain.contentType().startsWith("text/plain"), plain.contentType());
        assertTrue(plain.raw().body().contains("结转下年度继续办理2件"), plain.raw().body());
        // written and read back: no finding
        Reply back = post("/api/v1/units/" + u + "/text-checks/2021", plain.raw().body(), "text/plain");
        assertEquals(0, back.json().get("findings").size(), back.raw().body());
    }

    @Test
    void refusalsHaveStableCodes() {
        String u = unit();
        assertEquals("submission.none", service.get("/api/v1/units/" + u + "/text/2021").code());
        assertEquals("rollup.none", service.get("/api/v1/units/" + u + "/text/2021?source=consolidated").code());
        assertEquals("request.invalid_parameter", service.get("/api/v1/units/" + u + "/text/2021?source=x").code());
        assertEquals("request.unknown_format", service.get("/api/v1/units/" + u + "/text/2021?format=pdf").code());
        assertEquals("text.no_tables",
                post("/api/v1/units/" + u + "/text-checks/2021?source=report", "没有表格。", "text/plain").code());
        assertEquals("text.unreadable", post("/api/v1/units/" + u + "/text-checks/2021",
                new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}, "text/plain").code());
    }
}
