package org.opengovinfo.client.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opengovinfo.client.ApiException;
import org.opengovinfo.client.AuthException;
import org.opengovinfo.client.ConnectionException;
import org.opengovinfo.client.Finding;
import org.opengovinfo.client.RejectedException;
import org.opengovinfo.client.ReportsClient;
import org.opengovinfo.client.Results;
import org.opengovinfo.client.Unit;

/** {@code ogi}: the command-line tool for county offices and scripts. Run {@code ogi --help}. */
public final class Cli {

    static final int OK = 0;
    static final int API_ERROR = 1;
    static final int REJECTED = 2;
    static final int AUTH = 3;
    static final int CONNECTION = 4;
    static final int USAGE = 64;
    private static final int CHUNK = 50;

    static final String HELP = """
            ogi — submit and check open-government-information report figures

            Usage: ogi [--server URL] [--token TOKEN] [--json] COMMAND ...

              submit FILE|DIR [--year Y] [--unit U]   send figures; a directory is sent as one batch
              validate FILE|DIR [--year Y] [--unit U] check figures without storing them
              completeness UNIT YEAR                   who below UNIT has reported, who is missing or late
              rollup UNIT YEAR                         consolidate UNIT's subtree and show the result
              pull UNIT YEAR [--csv] [--out FILE]      consolidated figures as JSON (or CSV)
              units import FILE                        import units from CSV or JSON
              template show YEAR                       the cells and rules of the year's report format
              template csv YEAR                        an empty figures form to fill in

            Files: JSON {"unit": "...", "year": 2021, "figures": {"s3.new.natural_person": 5, ...}} or the CSV
            form from 'ogi template csv' (the tables as printed: one block per table, a line per row).

            --server  the service, default $OGI_SERVER or http://localhost:8080
            --token   your token, default $OGI_TOKEN
            --json    print JSON for scripts instead of text

            Exit codes: 0 ok, 1 refused by the service, 2 figures rejected (errors listed cell by cell),
            3 token missing or not allowed, 4 service unreachable, 64 wrong command line or file.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private boolean asJson;
    private boolean progress;

    Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(out, err, System.getenv());
        cli.progress = System.console() != null;
        System.exit(cli.run(args));
    }

    int run(String[] arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        String server = env.getOrDefault("OGI_SERVER", "http://localhost:8080");
        String token = env.get("OGI_TOKEN");
        try {
            server = option(args, "--server", server);
            token = option(args, "--token", token);
            asJson = flag(args, "--json");
            progress |= flag(args, "--progress");
            if (args.isEmpty() || flag(args, "--help") || flag(args, "-h")) {
                out.print(HELP);
                return args.isEmpty() && arguments.length == 0 ? USAGE : OK;
            }
            ReportsClient client = ReportsClient.builder(URI.create(server)).token(token).build();
            String command = args.remove(0);
            return switch (command) {
                case "submit" -> submit(client, args, false);
                case "validate" -> submit(client, args, true);
                case "completeness" -> completeness(client, args);
                case "rollup" -> rollup(client, args);
                case "pull" -> pull(client, args);
                case "units" -> units(client, args);
                case "template" -> template(client, args);
                default -> throw new UsageException("unknown command '" + command + "'; see ogi --help");
            };
        } catch (UsageException e) {
            err.println("ogi: " + e.getMessage());
            return USAGE;
        } catch (RejectedException e) {
            return rejected(e.getMessage(), e.findings());
        } catch (AuthException e) {
            err.println("ogi: not allowed: " + e.getMessage());
            return AUTH;
        } catch (ApiException e) {
            err.println("ogi: refused: " + e.getMessage());
            return API_ERROR;
        } catch (ConnectionException e) {
            err.println("ogi: " + e.getMessage());
            return CONNECTION;
        } catch (IOException e) {
            err.println("ogi: cannot read or write a file: " + e.getMessage());
            return USAGE;
        }
    }

    // ---- commands ------------------------------------------------------------------------------------------

    private int submit(ReportsClient client, List<String> args, boolean dryRun) throws IOException {
        Integer year = intOption(args, "--year");
        String unit = option(args, "--unit", null);
        Path path = Path.of(single(args, "a file or directory"));
        if (!Files.isDirectory(path)) {
            Submission s = read(client, path, year, unit);
            Results.SubmissionResult r = client.submit(s.unit(), s.year(), s.figures(), Map.of(), dryRun);
            if (asJson) {
                print(r);
            } else {
                out.println(r.unit() + " " + r.year() + ": " + r.status() + (r.version() == null ? "" : " (version " + r.version() + ")"));
                printFindings(r.findings());
            }
            return OK;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(path)) {
            files = list.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UsageException(path + " holds no .json or .csv files");
        }
        List<Submission> all = new ArrayList<>();
        for (Path f : files) {
            all.add(read(client, f, year, unit == null ? null : unit));
        }
        int batchYear = all.get(0).year();
        if (all.stream().anyMatch(s -> s.year() != batchYear)) {
            throw new UsageException("the files in " + path + " are for different years; a batch is one year");
        }
        List<Results.BatchItem> results = new ArrayList<>();
        int[] counts = new int[4];
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Results.Submission> chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).stream()
                    .map(s -> new Results.Submission(s.unit(), s.figures(), Map.of())).toList();
            Results.BatchResult r = client.batch(batchYear, chunk, dryRun);
            results.addAll(r.results());
            counts[0] += r.accepted();
            counts[1] += r.unchanged();
            counts[2] += r.valid();
            counts[3] += r.rejected();
            bar(results.size(), all.size());
        }
        if (asJson) {
            print(Map.of("accepted", counts[0], "unchanged", counts[1], "valid", counts[2], "rejected", counts[3],
                    "results", results));
        } else {
            for (Results.BatchItem item : results) {
                out.println(item.unit() + ": " + item.status() + (item.version() == null ? "" : " (version " + item.version() + ")")
                        + (item.code() == null ? "" : " — " + item.code() + (item.detail() == null ? "" : ": " + item.detail())));
                printFindings(item.findings());
            }
            out.println(counts[0] + " accepted, " + counts[1] + " unchanged, " + counts[2] + " valid, " + counts[3] + " rejected");
        }
        return counts[3] > 0 ? REJECTED : OK;
    }

    private int completeness(ReportsClient client, List<String> args) {
        int year = year(args, 1);
        Results.Completeness c = client.completeness(args.get(0), year);
        if (asJson) {
            print(c);
            return OK;
        }
        out.println(c.unit() + " " + c.year() + ": " + c.reported() + " of " + c.units() + " units have reported; due "
                + c.deadline());
        c.missing().forEach(e -> out.println("  missing: " + e.unit() + " " + e.name() + " (" + e.kind() + ")"));
        c.late().forEach(e -> out.println("  late:    " + e.unit() + " " + e.name() + " (" + e.firstSubmitted() + ")"));
        return OK;
    }

    private int rollup(ReportsClient client, List<String> args) {
        int year = year(args, 1);
        String unit = args.get(0);
        Results.RollupSummary s = client.rollup(unit, year);
        Results.Consolidated c = client.consolidated(unit, year);
        if (asJson) {
            print(c);
            return OK;
        }
        out.println("snapshot " + s.id() + ": " + unit + " " + year + " (" + s.template() + "), "
                + c.unitsReported() + " of " + c.unitsInSubtree() + " units reported");
        printFindings(c.findings());
        return OK;
    }

    private int pull(ReportsClient client, List<String> args) throws IOException {
        boolean csv = flag(args, "--csv");
        String file = option(args, "--out", null);
        int year = year(args, 1);
        String unit = args.get(0);
        String text = csv ? client.consolidatedCsv(unit, year) : json.writeValueAsString(client.consolidated(unit, year)) + "\n";
        if (file == null) {
            out.print(text);
        } else {
            Files.writeString(Path.of(file), text);
            err.println("wrote " + file);
        }
        return OK;
    }

    private int units(ReportsClient client, List<String> args) throws IOException {
        if (args.size() != 2 || !args.get(0).equals("import")) {
            throw new UsageException("usage: ogi units import FILE");
        }
        Path file = Path.of(args.get(1));
        String text = Files.readString(file);
        Results.ImportSummary r = file.toString().endsWith(".csv")
                ? client.importUnitsCsv(text)
                : client.importUnits(List.of(json.readValue(text, Unit[].class)));
        if (asJson) {
            print(r);
        } else {
            out.println(r.created() + " units created, " + r.updated() + " updated");
        }
        return OK;
    }

    private int template(ReportsClient client, List<String> args) {
        if (args.size() != 2 || !List.of("show", "csv").contains(args.get(0))) {
            throw new UsageException("usage: ogi template show|csv YEAR");
        }
        JsonNode t = client.template(client.templateForYear(year(args, 1)).id());
        if (args.get(0).equals("csv")) {
            out.print(FiguresCsv.form(t));
            return OK;
        }
        if (asJson) {
            print(t);
            return OK;
        }
        out.println(t.get("name").asText() + " — " + t.get("authority").asText());
        for (JsonNode cell : t.get("cells")) {
            List<String> labels = new ArrayList<>();
            cell.get("labels").forEach(l -> labels.add(l.asText()));
            out.println("  " + cell.get("code").asText() + "  [" + cell.get("unit").asText() + ", " + cell.get("kind").asText()
                    + ", " + cell.get("consolidation").asText() + "]  " + String.join(" / ", labels));
        }
        Map<String, String> rules = new LinkedHashMap<>();
        t.get("rules").forEach(r -> rules.putIfAbsent(r.get("id").asText(), r.get("severity").asText() + "  "
                + r.get("message").get("zh").asText()));
        out.println("rules:");
        rules.forEach((id, text) -> out.println("  " + id + "  " + text));
        return OK;
    }

    // ---- input ---------------------------------------------------------------------------------------------

    private record Submission(String unit, int year, Map<String, Object> figures) {
    }

    private Submission read(ReportsClient client, Path file, Integer year, String unit) throws IOException {
        String text = Files.readString(file);
        String fileUnit;
        Integer fileYear;
        Map<String, Object> figures;
        if (file.toString().endsWith(".csv")) {
            Integer y = year != null ? year : yearLine(text);
            if (y == null) {
                throw new UsageException(file + ": give the year as a 'year,2021' line or --year");
            }
            FiguresCsv.Parsed p = FiguresCsv.parse(text, client.template(client.templateForYear(y).id()));
            fileUnit = p.unit();
            fileYear = p.year();
            figures = p.figures();
        } else {
            JsonNode root = json.readTree(text);
            if (root == null || !root.isObject() || !root.has("figures")) {
                throw new UsageException(file + ": expected {\"unit\": ..., \"year\": ..., \"figures\": {...}}");
            }
            fileUnit = root.path("unit").asText(null);
            fileYear = root.has("year") ? root.get("year").asInt() : null;
            figures = json.convertValue(root.get("figures"), json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        }
        String u = unit != null ? unit : fileUnit;
        Integer y = year != null ? year : fileYear;
        if (u == null || y == null) {
            throw new UsageException(file + ": the unit and year must be in the file or given with --unit and --year");
        }
        return new Submission(u, y, figures);
    }

    private static Integer yearLine(String text) {
        for (String line : text.split("\n")) {
            List<String> f = FiguresCsv.fields(line.strip());
            if (f.size() >= 2 && f.get(0).strip().equals("year") && f.get(1).strip().matches("\\d{4}")) {
                return Integer.valueOf(f.get(1).strip());
            }
        }
        return null;
    }

    // ---- output --------------------------------------------------------------------------------------------

    private int rejected(String message, List<Finding> findings) {
        if (asJson) {
            print(Map.of("status", "rejected", "message", message, "findings", findings));
        } else {
            err.println("rejected: " + message);
            printFindings(findings);
        }
        return REJECTED;
    }

    private void printFindings(List<Finding> findings) {
        if (asJson) {
            return;
        }
        for (Finding f : findings) {
            PrintStream to = f.isError() ? err : out;
            to.println("  " + (f.isError() ? "✗ error  " : "! warning ") + f.rule() + "  " + String.join(", ", f.cells()));
            if (f.actual() != null) {
                to.println("      filled " + f.actual().toPlainString() + ", should be " + f.expected().toPlainString()
                        + " (difference " + f.difference().toPlainString() + ")");
            }
            to.println("      " + f.messageZh());
            to.println("      " + f.messageEn());
        }
    }

    private void bar(int done, int total) {
        if (!progress) {
            return;
        }
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " units");
        if (done == total) {
            err.println();
        }
    }

    private void print(Object value) {
        try {
            out.println(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- arguments -----------------------------------------------------------------------------------------

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private static Integer intOption(List<String> args, String name) {
        String v = option(args, name, null);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a year such as 2021");
        }
    }

    private static boolean flag(List<String> args, String name) {
        return args.remove(name);
    }

    private static String single(List<String> args, String what) {
        if (args.size() != 1) {
            throw new UsageException("give " + what + "; see ogi --help");
        }
        return args.get(0);
    }

    private static int year(List<String> args, int index) {
        if (args.size() != index + 1) {
            throw new UsageException("give UNIT and YEAR; see ogi --help");
        }
        try {
            return Integer.parseInt(args.get(index));
        } catch (NumberFormatException e) {
            throw new UsageException("YEAR must be a year such as 2021, not " + args.get(index));
        }
    }
}
