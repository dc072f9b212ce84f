package org.opengovinfo.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ogi form YEAR --unit U --xlsx|--csv [-o FILE]}: a unit's empty form, as the service writes it. */
@Command(name = "form", description = "a unit's empty form of a year to fill in (XLSX for Excel or WPS, or CSV)")
final class FormCommand implements Callable<Integer> {

    @Parameters(paramLabel = "YEAR")
    int year;

    @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "the unit the form is for (its heading names it)")
    String unit;

    @Option(names = "--xlsx", description = "an Excel workbook (the default)")
    boolean xlsx;

    @Option(names = "--csv", description = "a CSV file with the Chinese labels as headers (UTF-8 with a byte order mark)")
    boolean csv;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to write it; default UNIT-YEAR-form.xlsx|.csv")
    Path out;

    private final Cli cli;

    FormCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        if (xlsx && csv) {
            throw new UsageException("give --xlsx or --csv, not both");
        }
        String format = csv ? "csv" : "xlsx";
        byte[] form = cli.client().form(unit, year, format);
        Path file = out != null ? out : Path.of(unit + "-" + year + "-form." + format);
        Files.write(file, form);
        cli.output.out.println(cli.say("已写入 ", "written to ") + file);
        return Cli.OK;
    }
}
