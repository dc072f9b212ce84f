package org.opengovinfo.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opengovinfo.client.Finding;
import org.opengovinfo.client.Results.ImportedReport;
import org.opengovinfo.client.Results.TextCheck;
import org.opengovinfo.client.Results.TextFinding;
import org.opengovinfo.client.Results.UnreadPart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code text}, {@code check-text} and {@code import}: the report's text and a published report read in. */
final class TextCommands {

    private TextCommands() {}

    @Command(name = "text", description = "the standard text: the numeric sentences a report states, written from the "
            + "unit's own figures or its consolidated ones")
    static final class Text extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Option(names = "--consolidated", description = "from the unit's latest consolidated figures, not its own")
        boolean consolidated;

        @Option(names = "--snapshot", paramLabel = "ID", description = "with --consolidated: this snapshot, not the latest")
        String snapshot;

        Text(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            if (snapshot != null && !consolidated) {
                throw new UsageException("--snapshot goes with --consolidated");
            }
            if (cli.json()) {
                cli.output.json(cli.client().standardText(unit, year, consolidated, snapshot));
            } else {
                cli.output.out.print(cli.client().standardTextPlain(unit, year, consolidated, snapshot));
            }
            return Cli.OK;
        }
    }

    @Command(name = "check-text", description = "a report's text (the prose, or the whole published report) checked "
            + "against tables; exit 2 when a number contradicts them or another error is found")
    static final class CheckText extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Parameters(index = "2", paramLabel = "FILE", description = "the text, UTF-8 or GB18030")
        Path file;

        @Option(names = "--source", paramLabel = "own|consolidated|report", description = "which tables: the unit's own "
                + "figures, its consolidated ones, or those inside the text (default: the text's own when it holds "
                + "them, else the unit's own figures)")
        String source;

        CheckText(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() throws IOException {
            String text = Texts.read(Files.readAllBytes(file));
            TextCheck check = cli.client().checkText(unit, year, text, source);
            if (cli.json()) {
                cli.output.json(check);
                return check.errors() > 0 ? Cli.REJECTED : Cli.OK;
            }
            cli.output.out.println(cli.say(
                    unit + " " + year + " 年报告文本与表格（" + tables(cli, check.tables()) + "）比对：错误 " + check.errors()
                            + " 条，提醒 " + check.warnings() + " 条",
                    unit + " " + year + " report text against the tables (" + tables(cli, check.tables()) + "): "
                            + check.errors() + " error(s), " + check.warnings() + " warning(s)"));
            for (TextFinding f : check.findings()) {
                String severity = f.severity().equals("error") ? cli.say("错误", "error") : cli.say("提醒", "warning");
                cli.output.out.println("  " + severity + "  " + f.rule() + (f.line() > 0 ? "  " + cli.say("第 " + f.line()
                        + " 行", "line " + f.line()) : ""));
                cli.output.out.println("    " + (cli.english() ? f.messageEn() : f.messageZh()));
                for (int i = 0; i < f.cells().size(); i++) {
                    cli.output.out.println("    " + f.cells().get(i) + "  " + f.labels().get(i));
                }
            }
            return check.errors() > 0 ? Cli.REJECTED : Cli.OK;
        }

        private static String tables(Cli cli, String code) {
            return switch (code) {
                case "report" -> cli.say("报告中的表格", "the report's own tables");
                case "consolidated" -> cli.say("汇总数据", "consolidated figures");
                default -> cli.say("本级已报数据", "the unit's stored figures");
            };
        }
    }

    @Command(name = "import", description = "a published report (text or a saved web page) read into the year's "
            + "tables: prints the figures read and what could not be read; stores them only with --store")
    static final class Import extends SeasonCommands.UnitYear implements Callable<Integer> {

        @Parameters(index = "2", paramLabel = "FILE", description = "report.txt (UTF-8 or GB18030) or report.html")
        Path file;

        @Option(names = "--store", description = "store the figures read, as a submission (the rules decide)")
        boolean store;

        Import(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() throws IOException {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String type = name.endsWith(".html") || name.endsWith(".htm") ? "text/html" : "text/plain";
            ImportedReport r = cli.client().importReport(unit, year, Files.readAllBytes(file), type, store);
            if (cli.json()) {
                cli.output.json(r);
                return Cli.OK;
            }
            cli.output.out.println(cli.say(
                    unit + " " + year + " 年报告（格式 " + r.template() + "）：读出 " + r.figures().size() + " 个单元格"
                            + (r.stored() ? "，已保存（" + r.status() + "，版本 " + r.version() + "）" : "，未保存（加 --store 保存）"),
                    unit + " " + year + " report (format " + r.template() + "): " + r.figures().size() + " cells read"
                            + (r.stored() ? ", stored (" + r.status() + ", version " + r.version() + ")"
                            : ", not stored (--store stores them)")));
            if (!r.unread().isEmpty()) {
                cli.output.out.println(cli.say("无法读取：", "could not be read:"));
                for (UnreadPart u : r.unread()) {
                    cli.output.out.println("  " + u.where() + "  " + u.label() + "  " + u.text() + "  "
                            + (cli.english() ? u.reasonEn() : u.reasonZh()));
                }
            }
            if (!r.missing().isEmpty()) {
                cli.output.out.println(cli.say("没有找到的行：", "rows not found: ") + String.join("；", r.missing()));
            }
            for (Finding f : r.findings()) {
                cli.output.out.println("  " + (f.severity().equals("error") ? cli.say("错误", "error") : cli.say("提醒", "warning"))
                        + "  " + f.rule() + "  " + (cli.english() ? f.messageEn() : f.messageZh()));
            }
            return Cli.OK;
        }
    }

    /** A text file as the service reads it: UTF-8 when it is UTF-8, else GB18030. */
    static final class Texts {
        private Texts() {}

        static String read(byte[] bytes) {
            try {
                return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replaceFirst("^\uFEFF", "");
            } catch (java.nio.charset.CharacterCodingException e) {
                return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
            }
        }
    }
}
