package org.opengovinfo.client.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opengovinfo.client.ReportsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ogi pull UNIT YEAR}: the consolidated figures of the latest snapshot, as JSON or CSV. */
@Command(name = "pull", description = "consolidated figures as JSON (or CSV)")
final class PullCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "UNIT")
    String unit;

    @Parameters(index = "1", paramLabel = "YEAR")
    int year;

    @Option(names = "--csv", description = "CSV (cell,value,unit,label) instead of JSON")
    boolean csv;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of printing")
    Path file;

    private final Cli cli;

    PullCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        ReportsClient client = cli.client();
        String text = csv ? client.consolidatedCsv(unit, year)
                : Output.JSON.writeValueAsString(client.consolidated(unit, year)) + "\n";
        if (file == null) {
            cli.output.out.print(text);
        } else {
            Files.writeString(file, text);
            cli.output.err.println("wrote " + file);
        }
        return Cli.OK;
    }
}
