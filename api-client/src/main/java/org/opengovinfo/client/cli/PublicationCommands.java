package org.opengovinfo.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.opengovinfo.client.Finding;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results.CellChange;
import org.opengovinfo.client.Results.Change;
import org.opengovinfo.client.Results.ChangedUnit;
import org.opengovinfo.client.Results.Event;
import org.opengovinfo.client.Results.EventFeed;
import org.opengovinfo.client.Results.FindingsBelow;
import org.opengovinfo.client.Results.FindingsFilter;
import org.opengovinfo.client.Results.Publication;
import org.opengovinfo.client.Results.PublicationDiff;
import org.opengovinfo.client.Results.Reason;
import org.opengovinfo.client.Results.ReportDetail;
import org.opengovinfo.client.Results.RollupSummary;
import org.opengovinfo.client.Results.SnapshotDiff;
import org.opengovinfo.client.Results.Step;
import org.opengovinfo.client.Results.UnitFinding;
import org.opengovinfo.client.Results.Version;
import org.opengovinfo.client.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishing a year and looking back: publications, their diff, snapshots, a report's history, findings. */
final class PublicationCommands {

    private PublicationCommands() {}

    /** The publication as people read it. */
    private static void print(Cli cli, Publication p) {
        var out = cli.output.out;
        out.println(cli.say(
                p.unit() + " " + p.year() + " 年第 " + p.sequence() + " 次发布：快照 " + p.snapshot() + "，"
                        + p.publishedBy() + " 于 " + Output.time(p.publishedAt()) + (p.standing() ? "（现行）" : "（已重新打开）"),
                p.unit() + " " + p.year() + " publication " + p.sequence() + ": snapshot " + p.snapshot() + ", by "
                        + p.publishedBy() + " at " + Output.time(p.publishedAt()) + (p.standing() ? " (standing)" : " (reopened)")));
        if (!p.missing().isEmpty()) {
            out.println(cli.say("  缺报单位：", "  published without: ") + String.join(", ", p.missing()));
        }
        if (p.reopenedAt() != null) {
            out.println(cli.say("  更正：" + p.reopenedBy() + " 于 " + Output.time(p.reopenedAt()) + "，理由：" + p.reopenReason(),
                    "  reopened by " + p.reopenedBy() + " at " + Output.time(p.reopenedAt()) + ", reason: " + p.reopenReason()));
        }
    }

    @Command(name = "publish", description = "publish UNIT's YEAR (发布): a snapshot over accepted figures; the subtree locks")
    static final class Publish extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Option(names = "--missing", paramLabel = "UNIT", split = ",",
                description = "units below that are not accepted and are published without; repeat or comma-separate")
        List<String> missing = new ArrayList<>();

        Publish(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            Publication p = cli.client().publish(unit, year, missing);
            if (cli.json()) {
                cli.output.json(p);
            } else {
                print(cli, p);
            }
            return Cli.OK;
        }
    }

    @Command(name = "publications", description = "UNIT's publications of YEAR (or of every year it is in force)")
    static final class Publications implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "UNIT", description = "the unit's id")
        String unit;

        @Parameters(index = "1", paramLabel = "YEAR", arity = "0..1",
                description = "the report year; without it, every year from the unit's first to the last report year")
        Integer year;

        private final Cli cli;

        Publications(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ReportsClient client = cli.client();
            List<Publication> all = new ArrayList<>();
            if (year != null) {
                all.addAll(client.publications(unit, year));
            } else {
                // The service lists one year at a time; the last year a report can be due is the one just ended.
                Unit u = client.unit(unit);
                int last = Year.now(cli.clock.withZone(ZoneId.of("Asia/Shanghai"))).getValue() - 1;
                if (u.toYear() != null) {
                    last = Math.min(last, u.toYear());
                }
                int first = Math.max(u.fromYear() == null ? 2008 : u.fromYear(), 2008);
                for (int y = last; y >= first; y--) {
                    all.addAll(client.publications(unit, y));
                }
            }
            if (cli.json()) {
                cli.output.json(all);
                return Cli.OK;
            }
            if (all.isEmpty()) {
                cli.output.out.println(cli.say("尚无发布", "no publications"));
            }
            all.forEach(p -> print(cli, p));
            return Cli.OK;
        }
    }

    @Command(name = "reopen-publication",
            description = "reopen UNIT's standing publication of YEAR (更正; administrators) with a reason: the reports unlock")
    static final class ReopenPublication extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why it is reopened (required)")
        String reason;

        ReopenPublication(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            Publication p = cli.client().reopenPublication(unit, year, reason);
            if (cli.json()) {
                cli.output.json(p);
            } else {
                print(cli, p);
            }
            return Cli.OK;
        }
    }

    @Command(name = "diff", description = "what changed between two publications of UNIT's YEAR (or two snapshots), and why")
    static final class Diff implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "UNIT", arity = "0..1", description = "with YEAR: compare publications")
        String unit;

        @Parameters(index = "1", paramLabel = "YEAR", arity = "0..1")
        Integer year;

        @Option(names = "--from", paramLabel = "FROM", required = true,
                description = "publication number (with UNIT YEAR) or snapshot id")
        String from;

        @Option(names = "--to", paramLabel = "TO", required = true,
                description = "publication number (with UNIT YEAR) or snapshot id")
        String to;

        private final Cli cli;

        Diff(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (unit != null && year == null) {
                throw new UsageException(cli.say("比较发布需要 UNIT 和 YEAR；比较快照只给 --from 和 --to",
                        "comparing publications needs UNIT and YEAR; comparing snapshots needs only --from and --to"));
            }
            ReportsClient client = cli.client();
            if (unit == null) {
                SnapshotDiff d = client.snapshotDiff(from, to);
                if (cli.json()) {
                    cli.output.json(d);
                } else {
                    cli.output.out.println(cli.say("快照 " + d.from() + " → " + d.to() + "（" + d.unit() + " " + d.year() + "）",
                            "snapshot " + d.from() + " → " + d.to() + " (" + d.unit() + " " + d.year() + ")"));
                    printCells(cli, d);
                }
                return Cli.OK;
            }
            PublicationDiff d = client.publicationDiff(unit, year, sequence(from), sequence(to));
            if (cli.json()) {
                cli.output.json(d);
                return Cli.OK;
            }
            var out = cli.output.out;
            out.println(cli.say(d.unit() + " " + d.year() + " 年第 " + d.from().sequence() + " 次发布 → 第 " + d.to().sequence() + " 次",
                    d.unit() + " " + d.year() + " publication " + d.from().sequence() + " → " + d.to().sequence()));
            out.println(cli.say("原因：", "why:"));
            for (Reason r : d.reasons()) {
                out.println("  " + Output.time(r.at()) + "  " + r.principal() + "  " + action(cli, r.action()) + "  "
                        + r.unit() + "  " + detail(r.detail()));
            }
            printCells(cli, d.cells());
            return Cli.OK;
        }

        private int sequence(String value) {
            if (!value.matches("[1-9][0-9]{0,5}")) {
                throw new UsageException(cli.say("比较发布时 --from/--to 是发布序号（1、2、…），不是 '" + value + "'",
                        "with UNIT YEAR, --from/--to are publication numbers (1, 2, …), not '" + value + "'"));
            }
            return Integer.parseInt(value);
        }

        private static void printCells(Cli cli, SnapshotDiff d) {
            var out = cli.output.out;
            for (ChangedUnit u : d.changedUnits()) {
                out.println(cli.say("  变动单位 " + u.unit() + "：版本 " + v(u.versionBefore()) + " → " + v(u.versionAfter()),
                        "  changed unit " + u.unit() + ": version " + v(u.versionBefore()) + " → " + v(u.versionAfter())));
            }
            if (d.cells().isEmpty()) {
                out.println(cli.say("汇总数无变化", "no consolidated cell moved"));
                return;
            }
            TextTable t = new TextTable(false, false, true, true, true, false);
            t.row(cli.say("单位", "unit"), cli.say("单元格", "cell"), cli.say("原值", "before"), cli.say("新值", "after"),
                    cli.say("变化", "change"), cli.say("因为", "because of"));
            for (CellChange c : d.cells()) {
                t.row(c.unit(), c.cell(), n(c.before()), n(c.after()),
                        c.delta() == null ? "—" : (c.delta().signum() > 0 ? "+" : "") + c.delta().toPlainString(),
                        String.join(", ", c.because()));
            }
            t.lines("  ").forEach(out::println);
        }

        private static String v(Integer version) {
            return version == null ? "—" : version.toString();
        }

        private static String n(BigDecimal value) {
            return value == null ? "—" : value.toPlainString();
        }
    }

    /** A step's detail as the service stores it (JSON text), on one line. */
    static String detail(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            JsonNode node = Output.JSON.readTree(json);
            if (node.isObject()) {
                // in key order: the service does not promise one, and the same step should always print the same
                Map<String, String> parts = new TreeMap<>();
                node.fields().forEachRemaining(f -> parts.put(f.getKey(), f.getValue().isTextual()
                        ? f.getValue().asText() : f.getValue().toString()));
                List<String> text = new ArrayList<>();
                parts.forEach((k, v) -> text.add(k + "=" + v));
                return String.join(" ", text);
            }
            return node.isTextual() ? node.asText() : node.toString();
        } catch (IOException notJson) {
            return json;
        }
    }

    @Command(name = "events", description = "what happened below UNIT (hand-ins, reviews, rollups, publications) since a cursor")
    static final class Events implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "UNIT", description = "the unit's id")
        String unit;

        @Option(names = "--since", paramLabel = "CURSOR", defaultValue = "0",
                description = "the cursor the last call printed (default 0: from the start)")
        long since;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "at most N events (1–1000)")
        int limit;

        private final Cli cli;

        Events(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            EventFeed feed = cli.client().events(unit, since, limit);
            if (cli.json()) {
                cli.output.json(feed);
                return Cli.OK;
            }
            TextTable t = new TextTable();
            t.row(cli.say("时间", "at"), cli.say("操作人", "by"), cli.say("操作", "what"), cli.say("单位", "unit"),
                    cli.say("年度", "year"), cli.say("详情", "detail"));
            for (Event e : feed.events()) {
                t.row(Output.time(e.at()), e.principal(), action(cli, e.action()), e.unit(), e.year(), detail(e.detail()));
            }
            t.lines("").forEach(cli.output.out::println);
            // the cursor stays behind the last minute's events, so they may come again next time (tell them by id)
            cli.output.out.println(cli.say("下次请用 --since " + feed.next(), "next time use --since " + feed.next()));
            return Cli.OK;
        }
    }

    @Command(name = "snapshots", description = "UNIT's rollup snapshots of YEAR, newest first, with their basis")
    static final class Snapshots extends SeasonCommands.UnitYear implements Callable<Integer> {

        Snapshots(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            List<RollupSummary> list = cli.client().rollups(unit, year);
            if (cli.json()) {
                cli.output.json(list);
                return Cli.OK;
            }
            TextTable t = new TextTable();
            t.row(cli.say("快照", "snapshot"), cli.say("时间", "computed"), cli.say("口径", "basis"), cli.say("操作人", "by"));
            for (RollupSummary s : list) {
                t.row(s.id(), Output.time(s.computedAt()), basis(cli, s.basis()), s.triggeredBy());
            }
            t.lines("").forEach(cli.output.out::println);
            return Cli.OK;
        }
    }

    static String basis(Cli cli, String basis) {
        return "accepted".equals(basis) ? cli.say("仅已通过", "accepted only") : cli.say("全部（预览）", "all (preview)");
    }

    @Command(name = "history", description = "UNIT's report for YEAR: where it stands, every version stored and every move")
    static final class History extends SeasonCommands.UnitYear implements Callable<Integer> {

        History(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            ReportDetail d = cli.client().report(unit, year);
            if (cli.json()) {
                cli.output.json(d);
                return Cli.OK;
            }
            var out = cli.output.out;
            out.println(cli.say(d.unit() + " " + d.year() + " 年报告：" + SeasonCommands.state(cli, d.state())
                            + (d.report() == null ? "" : "（版本 " + d.report().version() + "）"),
                    d.unit() + " " + d.year() + " report: " + SeasonCommands.state(cli, d.state())
                            + (d.report() == null ? "" : " (version " + d.report().version() + ")")));
            // The history names each version stored; the versions endpoint says which cells it changed.
            Map<Integer, Version> versions = new HashMap<>();
            if (d.report() != null) {
                cli.client().versions(unit, year).forEach(v -> versions.put(v.version(), v));
            }
            TextTable t = new TextTable();
            t.row(cli.say("时间", "at"), cli.say("操作人", "by"), cli.say("操作", "what"), cli.say("详情", "detail"));
            for (Step s : d.history()) {
                String detail = detail(s.detail());
                if (s.action().equals("figures.accepted")) {
                    detail = changes(cli, versions.get(versionOf(s.detail())), detail);
                }
                t.row(Output.time(s.at()), s.principal(), action(cli, s.action()), detail);
            }
            t.lines("  ").forEach(out::println);
            return Cli.OK;
        }
    }

    /** The version a step's detail names ({@code {"version": 2}}), or {@code null}. */
    private static Integer versionOf(String json) {
        try {
            JsonNode v = Output.JSON.readTree(json).path("version");
            return v.canConvertToInt() ? v.asInt() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** A stored version's changed cells, the first few spelled out: {@code 第 2 版：s2_6.penalty.decisions 2 → 3}. */
    private static String changes(Cli cli, Version v, String otherwise) {
        if (v == null) {
            return otherwise;
        }
        List<String> moved = new ArrayList<>();
        for (Change c : v.changes()) {
            if (moved.size() == 3) {
                moved.add(cli.say("等 " + v.changes().size() + " 个单元格", "… " + v.changes().size() + " cells"));
                break;
            }
            moved.add(c.cell() + " " + side(c.before(), c.notApplicableBefore()) + " → " + side(c.after(), c.notApplicableAfter()));
        }
        return cli.say("第 " + v.version() + " 版：", "version " + v.version() + ": ") + String.join(", ", moved);
    }

    /** What a step of a report's history did, in words. */
    static String action(Cli cli, String action) {
        return switch (action) {
            case "figures.accepted" -> cli.say("存入数据", "figures stored");
            case "report.submitted" -> cli.say("报送", "handed in");
            case "report.accepted" -> cli.say("审核通过", "accepted");
            case "report.returned" -> cli.say("退回", "returned");
            case "report.reopened" -> cli.say("解锁", "reopened");
            case "publication.published" -> cli.say("发布", "published");
            case "publication.reopened" -> cli.say("重新打开发布", "publication reopened");
            default -> action;
        };
    }

    @Command(name = "findings", description = "every finding on the current figures below UNIT for YEAR (own figures and "
            + "rollup reconciliation), with the printed labels of the cells; or those stored in a snapshot")
    static final class Findings extends SeasonCommands.UnitYear implements Callable<Integer> {

        /** How many rules the headline names. */
        private static final int TOP_RULES = 3;

        @Option(names = "--rule", paramLabel = "RULE", description = "only this rule, e.g. s2_5.items_follow_on")
        String rule;

        @Option(names = "--severity", paramLabel = "error|warning", description = "only errors or only warnings")
        String severity;

        @Option(names = "--kind", paramLabel = "KIND", description = "only units of this kind, e.g. street, department")
        String kindFilter;

        @Option(names = "--unit", paramLabel = "UNIT", description = "only this unit of the subtree (or UNIT itself)")
        String only;

        @Option(names = "--csv", description = "the service's CSV: a line per finding with the labels, for Excel")
        boolean csv;

        @Option(names = "--snapshot", paramLabel = "ID", description = "the findings stored in this snapshot instead "
                + "(its consolidating units; no filters)")
        String snapshot;

        Findings(Cli cli) {
            super(cli);
        }

        /** One unit's findings in a snapshot. */
        record UnitFindings(String unit, List<Finding> findings) {
        }

        /** What {@code --json} prints for a snapshot. */
        record StoredFindings(String unit, int year, String snapshot, List<UnitFindings> units) {
        }

        @Override
        public Integer call() throws IOException {
            if (snapshot != null) {
                if (rule != null || severity != null || kindFilter != null || only != null || csv) {
                    throw new UsageException(cli.say("--snapshot 不能与 --rule、--severity、--kind、--unit、--csv 同用",
                            "--snapshot cannot be combined with --rule, --severity, --kind, --unit or --csv"));
                }
                return stored();
            }
            ReportsClient client = cli.client();
            FindingsFilter filter = new FindingsFilter(rule, severity, kindFilter, only);
            if (csv) {
                // the byte order mark is for Excel opening the service's download; a script reading stdout wants none
                cli.output.out.print(client.findingsBelowCsv(unit, year, filter).replaceFirst("^\uFEFF", ""));
                return Cli.OK;
            }
            if (cli.json()) {
                cli.output.json(client.findingsBelowJson(unit, year, filter));
                return Cli.OK;
            }
            cli.output.out.print(text(cli, client.findingsBelow(unit, year, filter)));
            return Cli.OK;
        }

        /** A headline, then a block per unit with its findings, each cell with its printed label. */
        static String text(Cli cli, FindingsBelow b) {
            StringBuilder text = new StringBuilder();
            int errors = b.bySeverity().getOrDefault("error", 0);
            int warnings = b.bySeverity().getOrDefault("warning", 0);
            text.append(cli.say(
                    b.unit() + " " + b.year() + " 年问题清单（模板 " + b.template() + "）：" + b.units() + " 个单位，"
                            + b.unitsWithFindings() + " 个有问题；错误 " + errors + " 个，提醒 " + warnings + " 个\n",
                    b.unit() + " " + b.year() + " findings (template " + b.template() + "): " + b.units() + " units, "
                            + b.unitsWithFindings() + " with findings; " + errors + " error(s), " + warnings
                            + " warning(s)\n"));
            if (b.findings().isEmpty()) {
                return text.append(cli.say("未发现问题\n", "no findings\n")).toString();
            }
            List<String> top = b.byRule().entrySet().stream().limit(TOP_RULES)
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            text.append(cli.say("最多的规则：", "top rules: ")).append(String.join(cli.say("，", ", "), top)).append('\n');
            Map<String, List<UnitFinding>> byUnit = new LinkedHashMap<>();
            b.findings().forEach(f -> byUnit.computeIfAbsent(f.unit(), u -> new ArrayList<>()).add(f));
            for (List<UnitFinding> findings : byUnit.values()) {
                UnitFinding first = findings.get(0);
                text.append('\n').append(first.name()).append("  ").append(first.unit()).append("  ")
                        .append(SeasonCommands.kind(cli, first.kind())).append('\n');
                for (UnitFinding uf : findings) {
                    finding(cli, uf, text);
                }
            }
            return text.toString();
        }

        private static void finding(Cli cli, UnitFinding uf, StringBuilder text) {
            Finding f = uf.finding();
            String severity = f.isError() ? cli.say("错误", "error") : "warning".equals(f.severity())
                    ? cli.say("提醒", "warning") : f.severity();
            String source = "rollup".equals(uf.source()) ? cli.say("（汇总核对）", " (rollup)") : "";
            text.append("  ").append(severity).append("  ").append(f.rule()).append(source).append('\n');
            List<String> labels = f.labels();
            for (int i = 0; i < f.cells().size(); i++) {
                String label = i < labels.size() ? labels.get(i) : null;
                text.append("    ").append(f.cells().get(i))
                        .append(label == null || label.equals(f.cells().get(i)) ? "" : "  " + label).append('\n');
            }
            if (f.limit() != null) {
                text.append(cli.say("    填报 " + plain(f.actual()) + "，上限 " + plain(f.limit()),
                        "    actual " + plain(f.actual()) + ", limit " + plain(f.limit()))).append('\n');
            } else if (f.actual() != null || f.expected() != null || f.difference() != null) {
                text.append(cli.say("    填报 " + plain(f.actual()) + "，应为 " + plain(f.expected()) + "，相差 "
                                + plain(f.difference()),
                        "    actual " + plain(f.actual()) + ", expected " + plain(f.expected()) + ", difference "
                                + plain(f.difference()))).append('\n');
            }
            String message = cli.english() ? first(f.messageEn(), f.messageZh()) : first(f.messageZh(), f.messageEn());
            if (message != null) {
                text.append("    ").append(message).append('\n');
            }
        }

        private static String plain(BigDecimal value) {
            return value == null ? "—" : value.toPlainString();
        }

        private static String first(String preferred, String otherwise) {
            return preferred != null && !preferred.isBlank() ? preferred : otherwise;
        }

        /** The findings a snapshot stored: those of every consolidating unit it holds. */
        private Integer stored() throws IOException {
            JsonNode document = cli.client().snapshot(snapshot);
            List<UnitFindings> units = new ArrayList<>();
            for (JsonNode part : document.path("units")) {
                List<Finding> findings = new ArrayList<>();
                for (JsonNode f : part.path("findings")) {
                    findings.add(Output.JSON.treeToValue(f, Finding.class));
                }
                if (!findings.isEmpty()) {
                    units.add(new UnitFindings(part.path("unit").asText(), findings));
                }
            }
            if (cli.json()) {
                cli.output.json(new StoredFindings(unit, year, snapshot, units));
                return Cli.OK;
            }
            var out = cli.output.out;
            int count = units.stream().mapToInt(u -> u.findings().size()).sum();
            out.println(cli.say("快照 " + snapshot + "：" + (count == 0 ? "未发现问题" : "发现 " + count + " 个问题"),
                    "snapshot " + snapshot + ": " + (count == 0 ? "no findings" : count + " finding(s)")));
            for (UnitFindings u : units) {
                out.println(u.unit() + ":");
                cli.output.findings(u.findings(), out);
            }
            return Cli.OK;
        }
    }

    /** One side of a change as printed: the value, 不适用, or — for a blank cell (never 0). */
    private static String side(Object value, Boolean notApplicable) {
        return Boolean.TRUE.equals(notApplicable) ? "不适用" : value == null ? "—" : value.toString();
    }
}
