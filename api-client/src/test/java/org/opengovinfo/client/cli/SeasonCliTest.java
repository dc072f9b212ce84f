package org.opengovinfo.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/**
 * A county's reporting season run through {@code ogi} against a real service on H2 and on PostgreSQL: hand-ins, a
 * return and a correction, acceptances, a rollup over accepted reports, a publication, a write refused after it, the
 * administrator's reopening, a second publication and the diff of the two. Time is the service's test clock.
 */
class SeasonCliTest extends OnBothDatabases {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10:00 China time on 15 January 2022, before the 2021 reports are due (1 February 2022, 00:00). */
    private static final Instant JANUARY = Instant.parse("2022-01-15T02:00:00Z");

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

    /** Runs ogi and checks that it succeeded. */
    private static Run ok(String... args) {
        Run run = ogi(args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + " failed:\n" + run.err() + run.out());
        return run;
    }

    private static void refused(Run run, int exit, String problem) {
        assertEquals(exit, run.exit(), run.err() + run.out());
        assertTrue(run.err().contains(problem), problem + " in\n" + run.err());
    }

    /** A unit's figures file: penalty and enforcement decisions, and (for the county) a declared penalty count. */
    private static String figures(Path dir, String unit, int penalties, String declared) throws Exception {
        Path file = dir.resolve(unit + "-" + penalties + ".json");
        Files.writeString(file, "{\"unit\": \"" + unit + "\", \"year\": 2021, \"figures\": {\"s2_6.penalty.decisions\": "
                + penalties + ", \"s2_6.enforcement.decisions\": 1}" + declared + "}");
        return file.toString();
    }

    private static String figures(Path dir, String unit, int penalties) throws Exception {
        return figures(dir, unit, penalties, "");
    }

    private static String token(String principal, String role, String scope) {
        var reply = service.post("/api/v1/tokens", Map.of("principal", principal, "role", role, "scope", scope));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("token").asText();
    }

    @Test
    void aCountyRunsAWholeSeasonThroughOgi(@TempDir Path dir) throws Exception {
        service.clock().set(JANUARY);
        Files.writeString(dir.resolve("units.csv"), "id,name,kind,divisionCode,fromYear,toYear,parent\n"
                + "sc,某县,county,,2015,,\nsc-t1,东镇,town,,2015,,sc\nsc-t2,西镇,town,,2015,,sc\n");
        ok("units", "import", dir.resolve("units.csv").toString());
        ok("submit", figures(dir, "sc-t1", 2));
        ok("submit", figures(dir, "sc-t2", 5));
        // The county's own figures, and a declared penalty count that disagrees with the sum: a stored finding.
        ok("submit", figures(dir, "sc", 1, ", \"declared\": {\"s2_6.penalty.decisions\": 5}"));

        assertEquals("""
                sc 2021 年度报告报送进度（截止 2022-02-01 00:00 (UTC+8)）
                  单位   名称  类型  本级状态  单位数  未报送  暂存  已报送  已退回  已通过  按时  逾期  按时率  最多逾期天数
                  sc-t1  东镇  乡镇  暂存           1       0     1       0       0       0     0     0    0.0%             0
                  sc-t2  西镇  乡镇  暂存           1       0     1       0       0       0     0     0    0.0%             0
                  sc     合计                       3       0     3       0       0       0     0     0    0.0%             0
                催报（逾期最久在前）：
                  单位   名称  类型  上级  状态  逾期天数
                  sc     某县  县          暂存         0
                  sc-t1  东镇  乡镇  sc    暂存         0
                  sc-t2  西镇  乡镇  sc    暂存         0
                """, ok("status", "sc", "2021").out());

        assertEquals("sc-t1 2021 年报告：已报送（版本 1），admin 于 2022-01-15 10:00 (UTC+8)\n", ok("handin", "sc-t1", "2021").out());
        ok("handin", "sc-t2", "2021");
        // The county cannot hand in before the towns are accepted; every town in the way is named.
        Run early = ogi("handin", "sc", "2021");
        refused(early, Cli.API_ERROR, "409 report.subtree_not_accepted");
        assertTrue(early.err().contains("\n  sc-t1  ") && early.err().contains("\n  sc-t2  "), early.err());
        // --missing reaches the service: a unit that is not below the county is refused by name.
        Run notBelow = ogi("handin", "sc", "2021", "--missing", "nowhere");
        refused(notBelow, Cli.API_ERROR, "422 report.missing_invalid");
        assertTrue(notBelow.err().contains("nowhere"), notBelow.err());

        // A reporter of a town may not review its own report: the token's exit code.
        refused(ogiAs(token("东镇填报员", "reporter", "sc-t1"), "accept", "sc-t1", "2021"), Cli.AUTH, "403 access.forbidden");
        refused(ogi("return", "sc-t2", "2021"), Cli.USAGE, "Missing required option: '--comment=TEXT'");
        assertEquals("""
                sc-t2 2021 年报告：已退回（版本 1），admin 于 2022-01-15 10:00 (UTC+8)
                  说明：行政处罚决定数与台账不符
                """, ok("return", "sc-t2", "2021", "--comment", "行政处罚决定数与台账不符").out());
        ok("submit", figures(dir, "sc-t2", 4));
        ok("handin", "sc-t2", "2021");
        ok("accept", "sc-t1", "2021");
        ok("accept", "sc-t2", "2021");
        // The county hands in two weeks late; the city (here the administrator) accepts it.
        service.clock().set(JANUARY.plus(Duration.ofDays(30)));
        ok("handin", "sc", "2021");
        ok("accept", "sc", "2021");

        assertEquals("""
                sc 2021 年度报告报送进度（截止 2022-02-01 00:00 (UTC+8)）
                  单位   名称  类型  本级状态  单位数  未报送  暂存  已报送  已退回  已通过  按时  逾期  按时率  最多逾期天数
                  sc-t1  东镇  乡镇  已通过         1       0     0       0       0       1     1     0  100.0%             0
                  sc-t2  西镇  乡镇  已通过         1       0     0       0       0       1     1     0  100.0%             0
                  sc     合计                       3       0     0       0       0       3     2     1   66.7%            14
                无需催报
                """, ok("status", "sc", "2021").out());
        assertEquals(3, JSON.readTree(ok("--json", "status", "sc", "2021").out()).get("total").get("byState").get("accepted").asInt());
        assertEquals("sc,合计,,,3,0,0,0,0,3,2,1,0.6667,14", ok("status", "sc", "2021", "--csv").out().split("\n")[3]);
        // over the years: nothing was reported for 2020, everything is accepted for 2021
        assertEquals("""
                sc 2020–2021 年报送情况
                  单位   名称  类型  2020    2021
                  sc     某县  县    未报送  已通过（警告 5）
                  sc-t1  东镇  乡镇  未报送  已通过（警告 5）
                  sc-t2  西镇  乡镇  未报送  已通过（警告 5）
                合计：
                  2020：已通过 0，有警告 0，已报送 0，未报送 3
                  2021：已通过 3，有警告 0，已报送 0，未报送 0
                """, ok("progress", "sc", "--from", "2020", "--to", "2021").out());
        assertEquals("""
                unit,name,kind,2020,2021
                sc,某县,county,missing,accepted
                sc-t1,东镇,town,missing,accepted
                sc-t2,西镇,town,missing,accepted
                """, ok("progress", "sc", "--from", "2020", "--to", "2021", "--csv").out());
        assertEquals(5, JSON.readTree(ok("--json", "progress", "sc", "--from", "2020", "--to", "2021").out())
                .get("units").get(0).get("years").get(1).get("warnings").asInt());

        Run rollup = ok("rollup", "sc", "2021", "--accepted");
        assertTrue(rollup.out().contains("\n  口径：仅已通过\n"), rollup.out());
        assertEquals("accepted", JSON.readTree(ok("--json", "rollup", "sc", "2021", "--accepted").out()).get("basis").asText());
        assertEquals("all", JSON.readTree(ok("--json", "rollup", "sc", "2021").out()).get("basis").asText());

        assertTrue(ok("publish", "sc", "2021").out().startsWith("sc 2021 年第 1 次发布：快照 "));
        // After the publication every report of the county locks: a write is refused with the service's code and detail.
        Run locked = ogi("submit", figures(dir, "sc-t1", 3));
        refused(locked, Cli.API_ERROR, "409 figures.locked");
        assertTrue(locked.err().contains("sc-t1 2021 年的报告已随 sc 的报告于 2022-02-14 10:00 (UTC+8) 发布而锁定"), locked.err());
        Run lockedEn = ogi("--lang", "en", "submit", figures(dir, "sc-t1", 3));
        refused(lockedEn, Cli.API_ERROR, "ogi: refused: 409 figures.locked: The report of sc-t1 for 2021 is locked by the "
                + "publication of sc at 2022-02-14 10:00 (UTC+8)");

        refused(ogi("reopen-publication", "sc", "2021"), Cli.USAGE, "Missing required option: '--reason=TEXT'");
        assertTrue(ok("reopen-publication", "sc", "2021", "--reason", "东镇行政处罚漏报 1 件").out()
                .contains("\n  更正：admin 于 2022-02-14 10:00 (UTC+8)，理由：东镇行政处罚漏报 1 件\n"));
        ok("reopen", "sc-t1", "2021", "--reason", "行政处罚决定数漏报 1 件");
        ok("submit", figures(dir, "sc-t1", 3));
        ok("handin", "sc-t1", "2021");
        ok("accept", "sc-t1", "2021");
        service.clock().advance(Duration.ofHours(1));
        assertTrue(ok("publish", "sc", "2021").out().startsWith("sc 2021 年第 2 次发布：快照 "));

        Run diff = ok("diff", "sc", "2021", "--from", "1", "--to", "2");
        List<String> lines = diff.out().lines().toList();
        assertEquals("sc 2021 年第 1 次发布 → 第 2 次", lines.get(0));
        assertTrue(lines.get(2).matches("  2022-02-14 10:00 \\(UTC\\+8\\)  admin  重新打开发布  sc  .*reason=东镇行政处罚漏报 1 件.*"),
                lines.get(2));
        assertEquals("  2022-02-14 10:00 (UTC+8)  admin  解锁  sc-t1  reason=行政处罚决定数漏报 1 件 version=1", lines.get(3));
        assertEquals(List.of(
                "  变动单位 sc-t1：版本 1 → 2",
                "  单位  单元格                  原值  新值  变化  因为",
                "  sc    s2_6.penalty.decisions     7     8    +1  sc-t1"), lines.subList(4, 7));
        assertEquals(7, lines.size(), diff.out());

        List<String> publications = ok("publications", "sc", "2021").out().lines().toList();
        assertTrue(publications.get(0).endsWith("（已重新打开）") && publications.get(2).endsWith("（现行）"), publications.toString());
        String history = ok("history", "sc-t1", "2021").out();
        assertEquals(List.of("存入数据", "报送", "审核通过", "解锁", "存入数据", "报送", "审核通过"),
                history.lines().skip(2).map(l -> l.split(" {2,}")[3]).toList());
        assertTrue(history.startsWith("sc-t1 2021 年报告：已通过（版本 2）\n"), history);
        assertTrue(history.contains("  admin   存入数据  第 2 版：s2_6.penalty.decisions 2 → 3\n"), history);
        Run events = ok("events", "sc", "--limit", "1000");
        assertTrue(events.out().matches("(?s).*\n2022-02-14 11:00 \\(UTC\\+8\\)  admin  +发布  +sc  +2021  .*"), events.out());
        assertTrue(events.out().contains("\n下次请用 --since "), events.out());
        // newest first: the two publications', the preview, the two rollups over accepted reports
        assertEquals(List.of("口径", "仅已通过", "仅已通过", "全部（预览）", "仅已通过", "仅已通过"),
                ok("snapshots", "sc", "2021").out().lines().map(l -> l.split(" {2,}")[2]).toList());

        // the findings on the current figures: the county's declared penalty count against its towns' sum
        Run findings = ok("findings", "sc", "2021");
        assertTrue(findings.out().contains("\n某县  sc  县\n"), findings.out());
        assertTrue(findings.out().contains("\n  提醒  consolidation.declared_differs（汇总核对）\n"
                + "    s2_6.penalty.decisions  "), findings.out());
        // and those stored in the last snapshot
        String latest = JSON.readTree(ok("--json", "snapshots", "sc", "2021").out()).get(0).get("id").asText();
        Run stored = ok("findings", "sc", "2021", "--snapshot", latest);
        assertTrue(stored.out().contains("：发现 1 个问题\nsc:\n  ! 警告  consolidation.declared_differs  s2_6.penalty.decisions\n"),
                stored.out());
        refused(ogi("findings", "sc", "2021", "--snapshot", latest, "--rule", "s3.balance"), Cli.USAGE, "--snapshot");

        String pulled = ok("pull", "sc", "2021").out();
        assertTrue(pulled.contains("""

                s2_6  二、主动公开政府信息情况 / 第二十条第（六）项
                  (1) 本年处理决定数量
                  栏目（单位：件）  (1)
                  行政处罚            8
                  行政强制            3
                """), pulled);
        assertTrue(pulled.contains("\n  (2) 申请人情况 / 法人或其他组织 / 商业企业\n"), pulled);
        assertTrue(pulled.contains("\n  行政诉讼 / 复议后起诉          —    —    —    —    —\n"), pulled);
        assertEquals(8, JSON.readTree(ok("pull", "sc", "2021", "--json").out()).get("figures").get("s2_6.penalty.decisions").asInt());

        assertEquals("""
                sc 2021 reporting status (due 2022-02-01 00:00 (UTC+8))
                  unit   name   kind  own state  units  not reported  draft  submitted  returned  accepted  on time  late  on-time rate  most days late
                  sc-t1  东镇   town  accepted       1             0      0          0         0         1        1     0        100.0%               0
                  sc-t2  西镇   town  accepted       1             0      0          0         0         1        1     0        100.0%               0
                  sc     total                       3             0      0          0         0         3        2     1         66.7%              14
                nobody to chase
                """, ok("--lang", "en", "status", "sc", "2021").out());
    }

    @Test
    void aCityOfficeWorksThroughTheFindingsBelowAUnit() throws Exception {
        service.post("/api/v1/units/import", Map.of("units", List.of(
                Map.of("id", "fc", "name", "罗庄区", "kind", "district", "fromYear", 2015),
                Map.of("id", "fc-a", "name", "盛庄街道", "kind", "street", "fromYear", 2015, "parent", "fc"),
                Map.of("id", "fc-b", "name", "区司法局", "kind", "department", "fromYear", 2015, "parent", "fc")))).ok();
        // 2019: 10 licensing items and 2 more during the year, so 2020 should start from 12, not 11
        service.put("/api/v1/units/fc-a/figures/2019", Map.of("figures",
                Map.of("s2_5.licensing.previous_items", 10, "s2_5.licensing.change", 2))).ok();
        service.put("/api/v1/units/fc-a/figures/2020", Map.of("figures",
                Map.of("s2_5.licensing.previous_items", 11))).ok();
        service.put("/api/v1/units/fc-b/figures/2020", Map.of("figures", Map.of("s2_6.penalty.decisions", 1))).ok();

        String cells = """
                    s2_5.licensing.previous_items  行政许可 / 上一年项目数量
                    previous:s2_5.licensing.previous_items  上年 行政许可 / 上一年项目数量
                    previous:s2_5.licensing.change  上年 行政许可 / 本年增/减
                """;
        // the messages are the service's (their wording is the rules'): the last line of each finding, as answered;
        // one rule at a time (the towns' test figures leave most sections blank, each a warning of its own)
        String[] followOn = {"--rule", "s2_5.items_follow_on"};
        JsonNode json = JSON.readTree(ok(with(followOn, "--json", "findings", "fc", "2020")).out());
        JsonNode warning = json.get("findings").get(0).get("finding");
        String messageZh = warning.get("messageZh").asText();
        String messageEn = warning.get("messageEn").asText();
        assertTrue(messageZh.contains("上一年项目数量"), messageZh);
        assertEquals("""
                fc 2020 年问题清单（模板 2019）：3 个单位，1 个有问题；错误 0 个，提醒 1 个
                最多的规则：s2_5.items_follow_on 1

                盛庄街道  fc-a  街道
                  提醒  s2_5.items_follow_on
                """ + cells + """
                    填报 11，应为 12，相差 -1
                """ + "    " + messageZh + "\n", ok(with(followOn, "findings", "fc", "2020")).out());
        assertFalse(messageEn.isBlank());
        assertEquals("""
                fc 2020 findings (template 2019): 3 units, 1 with findings; 0 error(s), 1 warning(s)
                top rules: s2_5.items_follow_on 1

                盛庄街道  fc-a  street
                  warning  s2_5.items_follow_on
                """ + cells + """
                    actual 11, expected 12, difference -1
                """ + "    " + messageEn + "\n", ok(with(followOn, "--lang", "en", "findings", "fc", "2020")).out());
        // --json is the service's answer as is
        assertEquals(1, json.get("unitsWithFindings").asInt());
        assertEquals(3, json.get("units").asInt());
        assertEquals(1, json.get("byRule").get("s2_5.items_follow_on").asInt());
        assertEquals("own", json.get("findings").get(0).get("source").asText());
        assertEquals(11, json.get("findings").get(0).get("finding").get("actual").asInt());
        assertEquals(3, json.get("findings").get(0).get("finding").get("labels").size());

        // the filters reach the service
        assertEquals(ok(with(followOn, "findings", "fc", "2020")).out(), ok("findings", "fc", "2020", "--rule",
                "s2_5.items_follow_on", "--severity", "warning", "--kind", "street", "--unit", "fc-a").out());
        for (String[] none : List.of(new String[] {"--severity", "error"}, new String[] {"--kind", "department"},
                new String[] {"--unit", "fc-b"}, new String[] {"--rule", "s3.balance"})) {
            List<String> args = new ArrayList<>(List.of("findings", "fc", "2020"));
            args.addAll(List.of(none));
            if (!none[0].equals("--rule")) {
                args.addAll(List.of(followOn));
            }
            assertEquals("""
                    fc 2020 年问题清单（模板 2019）：3 个单位，0 个有问题；错误 0 个，提醒 0 个
                    未发现问题
                    """, ok(args.toArray(String[]::new)).out(), String.join(" ", none));
        }
        // a filter that cannot match is refused, not answered with nothing
        refused(ogi("findings", "fc", "2020", "--severity", "fatal"), Cli.API_ERROR, "400 request.invalid_parameter");
        refused(ogi("findings", "fc", "2020", "--unit", "sc-t1"), Cli.API_ERROR, "400 request.invalid_parameter");

        List<String> csv = ok(with(followOn, "findings", "fc", "2020", "--csv")).out().lines().toList();
        assertEquals("unit,name,kind,parent,source,rule,severity,cells,labels,actual,expected,difference,message,consequences",
                csv.get(0));
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("fc-a,盛庄街道,street,fc,own,s2_5.items_follow_on,warning,"), csv.get(1));
        assertTrue(csv.get(1).contains(",11,12,-1,"), csv.get(1));
    }

    @Test
    void everyCommandsHelpShowsOnlyItsOwnOptions() {
        Run template = ok("template", "--help");
        assertTrue(template.out().startsWith("Usage: ogi template COMMAND\n"), template.out());
        assertFalse(template.out().contains("Exit codes") || template.out().contains("--server=URL"), template.out());

        Map<String, String> own = Map.of(
                "status", "Usage: ogi status [--csv] UNIT YEAR\n",
                "handin", "Usage: ogi handin [--version=N] [--missing=UNIT] UNIT YEAR\n",
                "accept", "Usage: ogi accept [--version=N] UNIT YEAR\n",
                "return", "Usage: ogi return --comment=TEXT [--version=N] UNIT YEAR\n",
                "reopen", "Usage: ogi reopen --reason=TEXT UNIT YEAR\n",
                "reopen-publication", "Usage: ogi reopen-publication --reason=TEXT UNIT YEAR\n",
                "diff", "Usage: ogi diff --from=FROM --to=TO [UNIT] [YEAR]\n",
                "rollup", "Usage: ogi rollup [--accepted] UNIT YEAR\n",
                "pull", "Usage: ogi pull [--csv] [--sdmx] [--snapshot=ID] [--out=FILE] UNIT YEAR\n",
                "findings", "Usage: ogi findings [--rule=RULE] [--severity=error|warning] [--kind=KIND] [--unit=UNIT] [--csv] "
                        + "[--snapshot=ID] UNIT YEAR\n");
        own.forEach((command, usage) -> {
            Run help = ok(command, "--help");
            assertTrue(help.out().startsWith(usage), help.out());
            assertFalse(help.out().contains("--token=TOKEN") || help.out().contains("--server=URL"), help.out());
            assertTrue(help.out().contains("see 'ogi --help'"), help.out());
        });
        assertTrue(ok("progress", "--help").out().startsWith("Usage: ogi progress --from=YEAR --to=YEAR [--csv] UNIT\n"));
        for (String command : List.of("status UNIT YEAR", "handin UNIT YEAR", "return UNIT YEAR --comment TEXT",
                "reopen UNIT YEAR --reason TEXT", "publish UNIT YEAR", "publications UNIT [YEAR]",
                "reopen-publication UNIT YEAR --reason TEXT", "diff [UNIT] [YEAR] --from FROM --to TO", "snapshots UNIT YEAR",
                "history UNIT YEAR", "findings UNIT YEAR", "events UNIT")) {
            assertTrue(ok("--help").out().contains("\n  " + command + " "), command);
        }
        refused(ogi("diff", "sc", "--from", "1", "--to", "2"), Cli.USAGE, "比较发布需要 UNIT 和 YEAR");
        refused(ogi("--lang", "en", "diff", "sc", "2021", "--from", "x", "--to", "2"), Cli.USAGE, "publication numbers");
        refused(ogi("--lang", "fr", "status", "sc", "2021"), Cli.USAGE, "--lang");
    }

    /** The arguments with some more at the end. */
    private static String[] with(String[] more, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
