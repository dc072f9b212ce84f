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
@Command(name = "report", description = "a unit's report of a year in the official layout: printable HTML or XLSX")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--unit", required = true, paramLabel = "UNIT")
    String unit;

    @Option(names = "--year", required = true, paramLabel = "YEAR")
    int year;

    @Option(names = "--html", description = "printable HTML, A4 (the default)")
    boolean html;

    @Option(names = "--xlsx", description = "an Excel workbook, one sheet per table")
    boolean xlsx;

    @Option(names = "--consolidated", description = "the unit's consolidated figures (latest snapshot) instead of its own")
    boolean consolidated;

    @Option(names = "--snapshot", paramLabel = "ID", description = "with --consolidated: this snapshot, not the latest")
    String snapshot;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "where to write it")
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
        if (html && xlsx) {
            throw new UsageException("give --html or --xlsx, not both");
        }
        String format = xlsx ? "xlsx" : "html";
        Files.write(out, cli.client().report(unit, year, consolidated, snapshot, format));
        cli.output.out.println(cli.say("已写入 ", "written to ") + out);
        return Cli.OK;
    }
}
