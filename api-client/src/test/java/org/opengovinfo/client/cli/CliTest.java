package org.opengovinfo.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.testing.PublishedReport;
import org.opengovinfo.model.testing.ReportSplitter;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/** The command-line tool as a clerk runs it, against a real service on H2 and on PostgreSQL. */
class CliTest extends OnBothDatabases {

    /** What one run printed, and its exit code. */
    private record Run(int exit, String out, String err) {
    }

    private static Run ogiAs(String token, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String server = service.request("/").build().uri().toString().replaceAll("/$", "");
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("OGI_SERVER", server, "OGI_TOKEN", token));
        int exit = cli.run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ogi(String... args) {
        return ogiAs(ServiceUnderTest.ADMIN_TOKEN, args);
    }

    /** Fills the empty form that 'ogi template csv' prints, as a clerk would from the printed tables. */
    private static String fill(String form, String unit, int year, Figures figures) {
        Map<String, Object> cells = figures.given();
        StringBuilder out = new StringBuilder();
        String table = null;
        List<String> columns = List.of();
        for (String line : form.split("\n")) {
            List<String> f = FiguresCsv.fields(line);
            if (line.startsWith("unit,")) {
                out.append("unit,").append(unit).append('\n');
            } else if (line.startsWith("year,")) {
                out.append("year,").append(year).append('\n');
            } else if (line.isBlank() || line.startsWith("#")) {
                out.append(line).append('\n');
            } else if (line.endsWith(",label")) {
                table = f.get(0);
                columns = f.subList(1, f.size() - 1);
                out.append(line).append('\n');
            } else {
                StringBuilder row = new StringBuilder(f.get(0));
                for (String c : columns) {
                    Object v = cells.get(c.equals("value") ? table + "." + f.get(0) : table + "." + f.get(0) + "." + c);
                    row.append(',').append(v == null ? "" : v.toString());
                }
                row.append(",\"").append(f.get(f.size() - 1).replace("\"", "\"\"")).append('"');
                out.append(row).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void aCountySubmitsADirectoryOfFilledFormsRollsUpAndPullsThePublishedTables(@TempDir Path dir) throws Exception {
        assertEquals(0, ogi("units", "import", write(dir.resolve("units.csv"), String.join("\n",
                "id,name,kind,divisionCode,fromYear,toYear,parent",
                "lz,临淄区,district,370305,2015,,",
                "lz-office,区政府办公室,own_office,,2015,,lz",
                "lz-street,辛店街道,street,,2015,,lz",
                "lz-dept,区教育局,department,,2015,,lz", "")).toString()).exit());
        Run form = ogi("template", "csv", "2021");
        assertTrue(form.out().contains("\ns3,natural_person,business,research,nonprofit,legal_service,other_org,total,label\n"));
        PublishedReport linzi = PublishedReport.linzi2021();
        List<Figures> parts = ReportSplitter.split(linzi.figures(), 3, new Random(3));
        Path forms = Files.createDirectory(dir.resolve("forms"));
        List<String> units = List.of("lz-office", "lz-street", "lz-dept");
        for (int i = 0; i < 3; i++) {
            write(forms.resolve(units.get(i) + ".csv"), fill(form.out(), units.get(i), 2021, parts.get(i)));
        }

        Run submit = ogi("--progress", "submit", forms.toString());
        Run rollup = ogi("rollup", "lz", "2021");
        Run pull = ogi("pull", "lz", "2021");

        assertEquals(0, submit.exit(), submit.err());
        assertTrue(submit.out().contains("3 accepted, 0 unchanged, 0 valid, 0 rejected"), submit.out());
        assertTrue(submit.err().contains("] 3/3 units"), submit.err());
        assertEquals(0, rollup.exit(), rollup.err());
        assertTrue(rollup.out().contains("3 of 4 units reported"), rollup.out());
        JsonNode figures = new ObjectMapper().readTree(pull.out()).get("figures");
        linzi.figures().toMap().forEach((cell, value) -> assertEquals(0,
                new BigDecimal(value.toString()).compareTo(figures.get(cell).decimalValue()), cell));
        assertTrue(ogi("pull", "lz", "2021", "--csv").out().startsWith("cell,value,unit,label\n"));
    }

    @Test
    void aRejectedSubmissionIsPrintedCellByCellWithItsOwnExitCode(@TempDir Path dir) throws Exception {
        ogi("units", "import", write(dir.resolve("u.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\nr1,某镇,town,,2015,,\n").toString());
        Path file = write(dir.resolve("r1.json"),
                "{\"unit\": \"r1\", \"year\": 2021, \"figures\": {\"s4.reconsideration.upheld\": 3, \"s4.reconsideration.total\": 4}}");

        Run validate = ogi("validate", file.toString());
        Run json = ogi("--json", "submit", file.toString());

        assertEquals(Cli.REJECTED, validate.exit());
        assertTrue(validate.err().contains("✗ error  s4.total  s4.reconsideration.total, s4.reconsideration.upheld"), validate.err());
        assertTrue(validate.err().contains("filled 4, should be 3 (difference 1)"), validate.err());
        assertTrue(validate.err().contains("总计应等于结果维持、结果纠正、其他结果、尚未审结之和"), validate.err());
        assertEquals(Cli.REJECTED, json.exit());
        assertEquals("s4.total", new ObjectMapper().readTree(json.out()).get("findings").get(0).get("rule").asText());
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
        assertEquals(Cli.API_ERROR, ogi("completeness", "nobody", "2021").exit());
        Run help = ogi("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes"));
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
