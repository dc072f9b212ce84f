package org.opengovinfo.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results.ImportedReport;
import org.opengovinfo.client.Results.StandardText;
import org.opengovinfo.client.Results.TextCheck;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/** The report's text through {@code ogi} and the client, against a real service on H2 and PostgreSQL. */
class TextCliTest extends OnBothDatabases {

    private record Run(int exit, String out, String err) {
    }

    private static Run ogi(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("OGI_SERVER", server(), "OGI_TOKEN", ServiceUnderTest.ADMIN_TOKEN));
        int exit = cli.run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String server() {
        return service.request("/").build().uri().toString().replaceAll("/$", "");
    }

    private static ReportsClient client() {
        return ReportsClient.builder(java.net.URI.create(server())).token(ServiceUnderTest.ADMIN_TOKEN).build();
    }

    private static Path file(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("ogi-text");
            Path p = dir.resolve(name);
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = TextCliTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeParameterizedClassInvocation
    static void seed() {
        service.post("/api/v1/units", Map.of("id", "tx", "name", "临淄区", "kind", "district", "fromYear", 2015)).ok();
        service.post("/api/v1/units", Map.of("id", "tx-a", "name", "某街道", "kind", "street", "fromYear", 2015,
                "parent", "tx")).ok();
    }

    @Test
    void aClerkImportsAPublishedReportChecksItsTextAndPrintsTheStandardText() {
        Path report = file("临淄区-2021.txt", fixture("linzi-2021.txt"));
        Run dry = ogi("import", "tx", "2021", report.toString());
        assertEquals(0, dry.exit(), dry.err() + dry.out());
        assertTrue(dry.out().startsWith("tx 2021 年报告（格式 2021）：读出 200 个单元格，未保存（加 --store 保存）"), dry.out());
        Run stored = ogi("import", "tx", "2021", report.toString(), "--store");
        assertEquals(0, stored.exit(), stored.err() + stored.out());
        assertTrue(stored.out().contains("已保存（accepted，版本 1）"), stored.out());

        Run text = ogi("text", "tx", "2021");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("本年制发行政规范性文件8件，废止25件"), text.out());
        assertTrue(text.out().contains("本年度新收政府信息公开申请151件，上年结转政府信息公开申请5件"), text.out());
        Run report2 = ogi("report", "--unit", "tx", "--year", "2021", "--text", "-o", "-");
        assertEquals(text.out(), report2.out());
        Run english = ogi("--lang", "en", "text", "tx", "2021");
        assertTrue(english.out().contains("New requests this year: 151"), english.out());

        Run clean = ogi("check-text", "tx", "2021", report.toString());
        assertEquals(0, clean.exit(), clean.out());
        assertEquals("tx 2021 年报告文本与表格（报告中的表格）比对：错误 0 条，提醒 0 条\n", clean.out());
        Path changed = file("changed.txt", fixture("linzi-2021.txt").replace("按时办结数154件", "按时办结数153件"));
        Run wrong = ogi("check-text", "tx", "2021", changed.toString());
        assertEquals(2, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("错误  text.contradicts_table  第 9 行"), wrong.out());
        assertTrue(wrong.out().contains("s3.results_total.total  表三 · 总计 · （七）总计"), wrong.out());
        Path prose = file("prose.txt", "本年度新收政府信息公开申请151件。\n");
        assertEquals(0, ogi("check-text", "tx", "2021", prose.toString(), "--source", "own").exit());
    }

    @Test
    void theClientImportsAPageAndChecksProseAgainstStoredFigures() {
        String html = "<table><tr><td rowspan=\"2\">信息内容</td><td>本年处理决定数量</td></tr>"
                + "<tr><td><p><span>本年处理决定数量</span></p></td></tr>"
                + "<tr><td><p><span>行政许可</span></p></td><td><p><span>&nbsp;３２&nbsp;</span></p></td></tr></table>";
        ImportedReport r = client().importReport("tx-a", 2021, html.getBytes(StandardCharsets.UTF_8), "text/html", false);
        assertEquals("html", r.from());
        assertEquals(0, new BigDecimal(32).compareTo(r.figures().get("s2_5.licensing.decisions")));
        assertEquals(false, r.stored());
        service.put("/api/v1/units/tx-a/figures/2021", Map.of("figures", Map.of("s3.new.natural_person", 5,
                "s3.carried_over.natural_person", 0, "s3.granted.natural_person", 5, "s3.carried_forward.natural_person", 0))).ok();
        TextCheck check = client().checkText("tx-a", 2021, "本年度新收政府信息公开申请6件。", null);
        assertEquals("own", check.tables());
        assertEquals(1, check.errors());
        assertEquals(0, new BigDecimal(5).compareTo(check.findings().get(0).tableValue()));
        StandardText t = client().standardText("tx-a", 2021, false, null);
        assertTrue(t.text().contains("本年度新收政府信息公开申请5件"), t.text());
        assertTrue(t.text().contains("（未填报）"), t.text());
    }
}
