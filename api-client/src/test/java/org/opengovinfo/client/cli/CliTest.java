package org.opengovinfo.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.template.Table;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/** The command-line tool as a clerk runs it, against a real service on H2 and on PostgreSQL. */
class CliTest extends OnBothDatabases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    /** What one run printed, and its exit code. */
    private record Run(int exit, String out, String err) {
    }

    private static Run ogiWith(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        int exit = cli.run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String server() {
        return service.request("/").build().uri().toString().replaceAll("/$", "");
    }

    private static Run ogiAs(String token, String... args) {
        return ogiWith(Map.of("OGI_SERVER", server(), "OGI_TOKEN", token), args);
    }

    private static Run ogi(String... args) {
        return ogiAs(ServiceUnderTest.ADMIN_TOKEN, args);
    }

    /** Runs ogi and checks that it succeeded: for setup steps. */
    private static Run ok(String... args) {
        Run run = ogi(args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + " failed:\n" + run.err());
        return run;
    }

    /**
     * Fills the empty CSV form that 'ogi form --csv' wrote, as a clerk would from the printed tables: after each row's
     * Chinese label, its values in the columns its table's header line names.
     */
    private static String fill(String form, int year, Figures figures) throws Exception {
        Map<String, Object> cells = figures.given();
        Template template = Templates.bundled().forYear(year).orElseThrow();
        StringBuilder out = new StringBuilder();
        Table table = null;
        try (var lines = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(form.replace("\uFEFF", ""))) {
            while (lines.hasNextValue()) {
                List<String> f = lines.nextValue();
                List<String> row = new ArrayList<>(f);
                String label = f.get(0);
                Table next = template.tables().stream().filter(t -> String.join(" ", t.labels()).equals(label))
                        .findFirst().orElse(null);
                if (next != null) {
                    table = next;
                } else if (table != null) {
                    Table t = table;
                    String code = t.rows().stream().filter(r -> String.join(" ", t.rowLabels(r)).equals(label))
                            .findFirst().orElse(null);
                    if (code != null && t.columns().isEmpty()) {
                        Object v = cells.get(t.code() + "." + code);
                        row.set(1, v == null ? "" : v.toString());
                    } else if (code != null) {
                        for (int i = 0; i < t.columns().size(); i++) {
                            Object v = cells.get(t.code() + "." + code + "." + t.columns().get(i));
                            row.set(i + 1, v == null ? "" : v.toString());
                        }
                    }
                }
                out.append(CSV.writerFor(String[].class).writeValueAsString(row.toArray(String[]::new)));
            }
        }
        return out.toString();
    }

    @Test
    void aCountySubmitsADirectoryOfFilledFormsRollsUpAndPullsThePublishedTables(@TempDir Path dir) throws Exception {
        Run imported = ok("units", "import", write(dir.resolve("units.csv"), String.join("\n",
                "id,name,kind,divisionCode,fromYear,toYear,parent",
                "lz,临淄区,district,370305,2015,,",
                "lz-office,区政府办公室,own_office,,2015,,lz",
                "lz-street,辛店街道,street,,2015,,lz",
                "lz-dept,区教育局,department,,2015,,lz", "")).toString());
        assertEquals("新建 4 个单位，更新 0 个\n", imported.out());
        PublishedReport linzi = PublishedReport.linzi2021();
        List<Figures> parts = ReportSplitter.split(linzi.figures(), 3, new Random(3));
        Path forms = Files.createDirectory(dir.resolve("forms"));
        List<String> units = List.of("lz-office", "lz-street", "lz-dept");
        for (int i = 0; i < 3; i++) {
            Path empty = dir.resolve(units.get(i) + "-empty.csv");
            ok("form", "2021", "--csv", "--unit", units.get(i), "-o", empty.toString());
            String form = Files.readString(empty);
            assertTrue(form.startsWith("\uFEFF单位," + units.get(i) + ","), form);
            assertTrue(form.contains("三、收到和处理政府信息公开申请情况") && form.contains("申请人情况 自然人"), form);
            String filled = fill(form, 2021, parts.get(i));
            // one clerk's spreadsheet saves in GBK, as Excel does in China, with Windows line ends
            if (i == 1) {
                Files.write(forms.resolve(units.get(i) + ".csv"), filled.replace("\n", "\r\n").getBytes(java.nio.charset.Charset.forName("GBK")));
            } else {
                write(forms.resolve(units.get(i) + ".csv"), filled);
            }
        }

        Run submit = ogi("--progress", "submit", forms.toString());
        Run rollup = ogi("rollup", "lz", "2021");
        Run pull = ogi("--json", "pull", "lz", "2021");

        assertEquals(0, submit.exit(), submit.err());
        assertTrue(submit.out().contains("存入 3 个，无变化 0 个，校验通过 0 个，被拒 0 个"), submit.out());
        assertTrue(submit.err().contains("] 3/3 units"), submit.err());
        assertEquals(0, rollup.exit(), rollup.err());
        assertTrue(rollup.out().contains("下属及本级共 4 个单位，已报送 3 个"), rollup.out());
        JsonNode figures = JSON.readTree(pull.out()).get("figures");
        linzi.figures().toMap().forEach((cell, value) -> assertEquals(0,
                new BigDecimal(value.toString()).compareTo(figures.get(cell).decimalValue()), cell));
        assertTrue(ok("pull", "lz", "2021", "--csv").out().startsWith("cell,value,unit,label,declared,difference\n"));
        String sdmx = ok("pull", "lz", "2021", "--sdmx", "--snapshot", JSON.readTree(pull.out()).get("snapshot").asText()).out();
        assertTrue(sdmx.startsWith("DATAFLOW,REPORTING_UNIT,TIME_PERIOD,CELL,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,SNAPSHOT\n"), sdmx);
        assertTrue(sdmx.contains("\nOGI:OGI_REPORT_2021(1.0),lz,2021,s3.new.total,"
                + figures.get("s3.new.total").asText() + ",A,件,"), sdmx);
    }

    @Test
    void aRollupShowsTheHeadlineFiguresWithTheirLabelsAndEveryFinding(@TempDir Path dir) throws Exception {
        ok("units", "import", write(dir.resolve("u.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\n"
                + "hc,某县,county,,2015,,\nhc-town,某镇,town,,2015,,hc\n").toString());
        ok("submit", write(dir.resolve("town.json"), "{\"unit\": \"hc-town\", \"year\": 2021, \"figures\": {"
                + "\"s3.new.natural_person\": 40, \"s3.new.business\": 2, \"s3.carried_over.natural_person\": 3, "
                + "\"s3.granted.natural_person\": 41, \"s3.granted.business\": 2, \"s3.carried_forward.natural_person\": 2, "
                + "\"s4.reconsideration.upheld\": 3, \"s4.reconsideration.total\": 3, \"s2_6.penalty.decisions\": 7}}").toString());
        // The county declares a summed cell that disagrees with the sum below it: a warning on the consolidated report.
        ok("submit", write(dir.resolve("county.json"), "{\"unit\": \"hc\", \"year\": 2021, \"figures\": {"
                + "\"s2_6.enforcement.decisions\": 1}, \"declared\": {\"s2_6.penalty.decisions\": 5}}").toString());

        Run rollup = ogi("rollup", "hc", "2021");
        Run json = ogi("--json", "rollup", "hc", "2021");

        assertEquals(0, rollup.exit(), rollup.err());
        assertTrue(rollup.out().contains("下属及本级共 2 个单位，已报送 2 个"), rollup.out());
        assertTrue(rollup.out().matches("(?s).*\n  s3\\.new\\.total +42 件  一、本年新收政府信息公开申请数量 / [^\n]*总计\n.*"),
                rollup.out());
        assertTrue(rollup.out().matches("(?s).*\n  s3\\.carried_over\\.total +3 件  二、上年结转政府信息公开申请数量.*"), rollup.out());
        assertTrue(rollup.out().matches("(?s).*\n  s3\\.results_total\\.total +43 件  三、本年度办理结果 / （七）总计.*"), rollup.out());
        assertTrue(rollup.out().matches("(?s).*\n  s3\\.carried_forward\\.total +2 件  四、结转下年度继续办理.*"), rollup.out());
        assertTrue(rollup.out().matches("(?s).*\n  s4\\.reconsideration\\.total +3 件  行政复议 / .*"), rollup.out());
        assertTrue(rollup.out().matches("(?s).*\n  s4\\.litigation_direct\\.total +— +行政诉讼 / 未经复议直接起诉.*"), rollup.out());
        // declared 5 where the town alone gives 7: off the sum, and below a single unit's figure
        assertTrue(rollup.out().contains("发现 2 个问题："), rollup.out());
        assertTrue(rollup.out().contains("! 警告  consolidation.declared_differs  s2_6.penalty.decisions"), rollup.out());
        assertTrue(rollup.out().contains("声明的汇总数 5 与下级合计 7 相差 -2；贡献最多的单位：hc-town 7"), rollup.out());
        assertTrue(rollup.out().contains("! 警告  consolidation.declared_below_child  s2_6.penalty.decisions"), rollup.out());
        assertEquals(0, json.exit(), json.err());
        JsonNode result = JSON.readTree(json.out());
        assertEquals("consolidation.declared_differs", result.get("findings").get(0).get("rule").asText());
        assertEquals("s3.new.total", result.get("headline").get(0).get("cell").asText());
        assertEquals(42, result.get("headline").get(0).get("value").asInt());
        assertEquals(2, result.get("completeness").get("reported").asInt());
        assertEquals(7, result.get("figures").get("s2_6.penalty.decisions").asInt());
        assertEquals(result.get("snapshot").asText(), JSON.readTree(ok("pull", "hc", "2021", "--json").out()).get("snapshot").asText());
    }

    @Test
    void completenessShowsTheDeadlineAndLateSubmissionsInChinaStandardTime(@TempDir Path dir) throws Exception {
        ok("units", "import", write(dir.resolve("u.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\n"
                + "cc,某区,district,,2015,,\ncc-late,迟报镇,town,,2015,,cc\ncc-none,未报镇,town,,2015,,cc\n").toString());
        // Figures for 2020 sent today: after the deadline of 31 January 2021, so late.
        ok("submit", "--unit", "cc-late", "--year", "2020",
                write(dir.resolve("late.json"), "{\"figures\": {\"s2_6.penalty.decisions\": 1}}").toString());

        Run text = ogi("completeness", "cc", "2020");
        Run json = ogi("--json", "completeness", "cc", "2020");
        Run english = ogi("--lang", "en", "completeness", "cc", "2020");

        assertEquals(0, text.exit(), text.err());
        assertEquals(0, json.exit(), json.err());
        JsonNode answer = JSON.readTree(json.out());
        assertEquals("2021-01-31T16:00:00Z", answer.get("deadline").asText());
        Instant first = Instant.parse(answer.get("late").get(0).get("firstSubmitted").asText());
        String firstInChina = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(first.atOffset(ZoneOffset.ofHours(8)));
        assertTrue(text.out().startsWith("cc 2020：3 个单位中已报送 1 个；截止 2021-02-01 00:00 (UTC+8)\n"), text.out());
        assertTrue(text.out().contains("  未报送：cc-none 未报镇 (town)\n"), text.out());
        assertTrue(text.out().contains("  逾期：  cc-late 迟报镇 (town)，首次报送于 " + firstInChina + " (UTC+8)\n"), text.out());
        assertTrue(english.out().startsWith("cc 2020: 1 of 3 units have reported; due 2021-02-01 00:00 (UTC+8)\n"), english.out());
        assertTrue(english.out().contains("  late:    cc-late 迟报镇 (town), first submitted " + firstInChina + " (UTC+8)\n"),
                english.out());
    }

    @Test
    void aRejectedSubmissionIsPrintedCellByCellWithItsOwnExitCode(@TempDir Path dir) throws Exception {
        ok("units", "import", write(dir.resolve("u.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\nr1,某镇,town,,2015,,\n").toString());
        Path file = write(dir.resolve("r1.json"),
                "{\"unit\": \"r1\", \"year\": 2021, \"figures\": {\"s4.reconsideration.upheld\": 3, \"s4.reconsideration.total\": 4}}");

        Run validate = ogi("validate", file.toString());
        Run json = ogi("--json", "submit", file.toString());

        assertEquals(Cli.REJECTED, validate.exit());
        assertTrue(validate.err().contains("✗ 错误  s4.total  s4.reconsideration.total, s4.reconsideration.upheld"), validate.err());
        assertTrue(validate.err().contains("填报 4，应为 3（相差 1）"), validate.err());
        assertTrue(validate.err().contains("总计应等于结果维持、结果纠正、其他结果、尚未审结之和"), validate.err());
        assertEquals(Cli.REJECTED, json.exit());
        assertEquals("s4.total", JSON.readTree(json.out()).get("findings").get(0).get("rule").asText());
    }

    @Test
    void aRefusedImportListsEveryProblemAndJsonGivesTheWholeProblem(@TempDir Path dir) throws Exception {
        Path units = write(dir.resolve("bad.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\n"
                + "bad-1,某镇,village,,2015,,\n"
                + "bad-2,,street,,2015,,\n");

        Run text = ogi("units", "import", units.toString());
        Run json = ogi("--json", "units", "import", units.toString());

        assertEquals(Cli.API_ERROR, text.exit());
        assertTrue(text.err().contains("422 unit.invalid"), text.err());
        assertTrue(text.err().contains("\n  第 2 行：bad-1  unit.unknown_kind  kind 只能是 "), text.err());
        assertEquals(Cli.API_ERROR, json.exit());
        JsonNode problem = JSON.readTree(json.out());
        assertEquals("unit.invalid", problem.get("code").asText());
        assertEquals(problem.get("errors").size(), text.err().split("\n  ").length - 1, text.err());
        for (JsonNode e : problem.get("errors")) {
            assertTrue(text.err().contains("\n  第 " + e.get("line").asInt() + " 行：" + e.get("unit").asText() + "  "
                    + e.get("code").asText() + "  " + e.get("messageZh").asText() + "\n"), text.err());
        }
        assertEquals(2, problem.get("errors").size());
    }

    @Test
    void withoutATokenOgiSaysHowToSetOneBeforeCallingTheService() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Nothing listens on the port: had ogi called the service, it would have exited with 4 (unreachable).
        Map<String, String> unset = Map.of("OGI_SERVER", "http://127.0.0.1:" + port);
        Map<String, String> empty = new HashMap<>(unset);
        empty.put("OGI_TOKEN", "");

        for (Run run : List.of(ogiWith(unset, "completeness", "x", "2021"), ogiWith(empty, "rollup", "x", "2021"),
                ogiWith(unset, "--token", " ", "form", "2021", "--unit", "x", "--csv"))) {
            assertEquals(Cli.AUTH, run.exit(), run.err());
            assertTrue(run.err().contains("no token set: export OGI_TOKEN="), run.err());
            assertTrue(run.err().contains("--token"), run.err());
            assertTrue(run.err().contains("未设置令牌"), run.err());
        }
        Run given = ogiWith(unset, "--token", ServiceUnderTest.ADMIN_TOKEN, "--server", server(), "completeness", "x", "2021");
        assertEquals(Cli.API_ERROR, given.exit(), given.err());
    }

    @Test
    void badTokensUnreachableServersAndWrongCommandsHaveTheirOwnExitCodes() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertEquals(Cli.AUTH, ogiAs("ogi_not-a-token-of-this-service-0123456789", "template", "show", "2021").exit());
        Run nowhere = ogi("--server", "http://127.0.0.1:" + port, "completeness", "x", "2021");
        assertEquals(Cli.CONNECTION, nowhere.exit());
        assertTrue(nowhere.err().contains("cannot reach"), nowhere.err());
        assertEquals(Cli.USAGE, ogi("frobnicate").exit());
        assertEquals(Cli.USAGE, ogi("rollup", "x").exit());
        assertEquals(Cli.USAGE, ogi("rollup", "x", "twenty").exit());
        assertEquals(Cli.USAGE, ogi("units").exit());
        assertEquals(Cli.USAGE, ogi("submit", "/no/such/file.json").exit());
        assertEquals(Cli.USAGE, ogi().exit());
        assertEquals(Cli.API_ERROR, ogi("completeness", "nobody", "2021").exit());
        Run help = ogi("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes"));
        for (String command : List.of("submit FILE|DIR", "validate FILE|DIR", "completeness UNIT YEAR", "rollup UNIT YEAR",
                "pull UNIT YEAR", "units import FILE", "template show YEAR", "form YEAR --unit UNIT",
                "report --unit UNIT --year YEAR --out FILE")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
        Run rollupHelp = ogi("rollup", "--help");
        assertEquals(0, rollupHelp.exit());
        assertTrue(rollupHelp.out().contains("consolidate UNIT's subtree and show the result"), rollupHelp.out());
    }

    @Test
    void aWorkbookFormIsSentAsItIsItsFindingsNameTheirPlaceAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        ok("units", "import", write(dir.resolve("u.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\nwb,某镇,town,,2015,,\n").toString());
        Path form = dir.resolve("wb.xlsx");
        ok("form", "2021", "--unit", "wb", "-o", form.toString());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(form))) {
            var four = book.getSheet("表四");
            var figures = four.getRow(four.getLastRowNum());   // 表四 prints its figures on one line, the last
            figures.getCell(0).setCellValue(3);                  // 行政复议 结果维持
            figures.getCell(4).setCellValue(4);                  // 行政复议 总计
            try (var out = Files.newOutputStream(form)) {
                book.write(out);
            }
        }

        Run checked = ogi("submit", form.toString(), "--unit", "wb", "--year", "2021", "--dry-run");

        assertEquals(Cli.REJECTED, checked.exit(), checked.out() + checked.err());
        assertTrue(checked.err().contains("位置：表四 E10 · 行政复议 总计"), checked.err());
        assertEquals(Cli.USAGE, ogi("submit", form.toString()).exit(), "a workbook needs --unit and --year");
        ok("submit", write(dir.resolve("wb.json"), "{\"unit\": \"wb\", \"year\": 2021, \"figures\": "
                + "{\"s4.reconsideration.upheld\": 3}}").toString());
        Path html = dir.resolve("wb.html");
        ok("report", "--unit", "wb", "--year", "2021", "--html", "-o", html.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("data-cell=\"s4.reconsideration.upheld\"") && page.contains(">3</td>"), page);
        Path xlsx = dir.resolve("wb-report.xlsx");
        ok("report", "--unit", "wb", "--year", "2021", "--xlsx", "-o", xlsx.toString());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var four = book.getSheet("表四");
            assertEquals(3.0, four.getRow(four.getLastRowNum()).getCell(0).getNumericCellValue());
        }
    }

    @Test
    void templateShowListsEveryCellAndRule() {
        Run show = ogi("template", "show", "2020");

        assertEquals(0, show.exit());
        assertTrue(show.out().contains("s2_5.licensing.change  [项, signed_count, declared]"), show.out());
        assertTrue(show.out().contains("s3.balance  error  本列数据的勾稽关系"), show.out());
    }

    private static Path write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        return file;
    }
}
