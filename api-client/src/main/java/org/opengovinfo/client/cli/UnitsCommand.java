package org.opengovinfo.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results;
import org.opengovinfo.client.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ogi units import FILE}. */
@Command(name = "units", description = "the hierarchy of units")
final class UnitsCommand {

    @Command(name = "import", description = "import units from CSV or JSON (all or nothing; every problem listed)")
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "CSV id,name,kind,divisionCode,fromYear,toYear,parent; or JSON: "
                + "[units] or {\"units\": [...]}")
        Path file;

        private final Cli cli;

        Import(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws IOException {
            ReportsClient client = cli.client();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Results.ImportSummary r = file.toString().endsWith(".csv") ? client.importUnitsCsv(text)
                    : client.importUnits(units(text));
            if (cli.json()) {
                cli.output.json(r);
            } else {
                cli.output.out.println(cli.say("新建 " + r.created() + " 个单位，更新 " + r.updated() + " 个",
                        r.created() + " units created, " + r.updated() + " updated"));
            }
            return Cli.OK;
        }

        private List<Unit> units(String text) {
            try {
                JsonNode root = Output.JSON.readTree(text);
                JsonNode list = root != null && root.isObject() ? root.get("units") : root;
                if (list == null || !list.isArray()) {
                    throw new UsageException(file + ": expected a JSON list of units or {\"units\": [...]}");
                }
                return List.of(Output.JSON.treeToValue(list, Unit[].class));
            } catch (JsonProcessingException e) {
                throw new UsageException(file + ": not a units file: " + e.getOriginalMessage());
            }
        }
    }
}
