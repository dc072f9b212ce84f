package org.opengovinfo.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ogi report --unit U --year Y --html|--xlsx [--consolidated] [--snapshot ID] -o FILE}: the report in the
 * official layout, as the service prints it.
 */
@Command(name = "report", description = "a unit's report of a year in the official layout: printable HTML or XLSX; "
        + "--text: its standard text")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--unit", required = true, paramLabel = "UNIT")
    String unit;

    @Option(names = "--year", required = true, paramLabel = "YEAR")
    int year;

    @Option(names = "--html", description = "printable HTML, A4 (the default)")
    boolean html;

    @Option(names = "--xlsx", description = "an Excel workbook, one sheet per table")
    boolean xlsx;

    @Option(names = "--text", description = "the standard text (the numeric sentences) instead of the tables")
    boolean text;

    @Option(names = "--consolidated", description = "the unit's consolidated figures (latest snapshot) instead of its own")
    boolean consolidated;

    @Option(names = "--snapshot", paramLabel = "ID", description = "with --consolidated: this snapshot, not the latest")
    String snapshot;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "where to write it ('-' "
            + "prints --text to the terminal)")
    Path out;

    private final Cli cli;

    ReportCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        if (snapshot != null && !consolidated) {
            throw new UsageException("--snapshot goes with --consolidated");
        }
        if ((html ? 1 : 0) + (xlsx ? 1 : 0) + (text ? 1 : 0) > 1) {
            throw new UsageException("give one of --html, --xlsx or --text");
        }
        if (text) {
            String standard = cli.client().standardTextPlain(unit, year, consolidated, snapshot);
            if (out.toString().equals("-")) {
                cli.output.out.print(standard);
                return Cli.OK;
            }
            Files.writeString(out, standard);
            cli.output.out.println(cli.say("已写入 ", "written to ") + out);
            return Cli.OK;
        }
        String format = xlsx ? "xlsx" : "html";
        Files.write(out, cli.client().report(unit, year, consolidated, snapshot, format));
        cli.output.out.println(cli.say("已写入 ", "written to ") + out);
        return Cli.OK;
    }
}
