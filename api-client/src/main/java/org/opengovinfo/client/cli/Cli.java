package org.opengovinfo.client.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opengovinfo.client.ApiException;
import org.opengovinfo.client.AuthException;
import org.opengovinfo.client.ConnectionException;
import org.opengovinfo.client.RejectedException;
import org.opengovinfo.client.ReportsClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code ogi}: the command-line tool for county offices and scripts. Run {@code ogi --help}. */
@Command(name = "ogi",
        usageHelpWidth = 110,
        description = {"Submit and check open-government-information report figures.",
                "提交、核对、汇总政府信息公开工作年度报告数据。"},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions (before or after the command):%n",
        footerHeading = "%n",
        footer = {"Files: JSON {\"unit\": \"...\", \"year\": 2021, \"figures\": {\"s3.new.natural_person\": 5, ...}}, or "
                + "the XLSX or CSV form from 'ogi form YEAR --unit UNIT', filled in with Excel or WPS and sent as it is.",
                "Run 'ogi COMMAND --help' for a command's options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:refused by the service (its problem code and detail printed)",
                "2:figures rejected (errors listed cell by cell)", "3:token missing, invalid or not allowed",
                "4:service unreachable", "64:wrong command line or file"})
public final class Cli implements Callable<Integer> {

    static final int OK = 0;
    static final int API_ERROR = 1;
    static final int REJECTED = 2;
    static final int AUTH = 3;
    static final int CONNECTION = 4;
    static final int USAGE = 64;

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "the service; default $OGI_SERVER or http://localhost:8080")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT, description = "your token; default $OGI_TOKEN")
    String token;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print JSON for scripts instead of text")
    boolean json;

    /** The language of everything ogi prints, and of the service's problem details (sent as Accept-Language). */
    enum Lang { zh, en }

    @Option(names = "--lang", paramLabel = "zh|en", scope = ScopeType.INHERIT, defaultValue = "zh",
            description = "language of what ogi prints and of the service's messages: zh (default) or en")
    Lang lang = Lang.zh;

    @Option(names = "--progress", scope = ScopeType.INHERIT,
            description = "show a progress bar while a directory is sent (on by default in a terminal)")
    boolean progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help")
    boolean help;

    final Output output;
    /** Only for "the last report year" when a command is given no year; tests always give one. */
    final Clock clock = Clock.systemUTC();
    private final Map<String, String> env;
    private boolean terminal;
    private CommandLine commandLine;

    Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.output = new Output(out, err);
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(out, err, System.getenv());
        cli.terminal = System.console() != null;
        System.exit(cli.run(args));
    }

    int run(String... args) {
        commandLine = new CommandLine(this)
                .addSubcommand(new SubmitCommand.Submit(this))
                .addSubcommand(new SubmitCommand.Validate(this))
                .addSubcommand(new FormCommand(this))
                .addSubcommand(new ReportCommand(this))
                .addSubcommand(new CompletenessCommand(this))
                .addSubcommand(new RollupCommand(this))
                .addSubcommand(new PullCommand(this))
                .addSubcommand(new SeasonCommands.Status(this))
                .addSubcommand(new SeasonCommands.ProgressCommand(this))
                .addSubcommand(new SeasonCommands.HandIn(this))
                .addSubcommand(new SeasonCommands.Accept(this))
                .addSubcommand(new SeasonCommands.Return(this))
                .addSubcommand(new SeasonCommands.Reopen(this))
                .addSubcommand(new PublicationCommands.Publish(this))
                .addSubcommand(new PublicationCommands.Publications(this))
                .addSubcommand(new PublicationCommands.ReopenPublication(this))
                .addSubcommand(new PublicationCommands.Diff(this))
                .addSubcommand(new PublicationCommands.Snapshots(this))
                .addSubcommand(new PublicationCommands.History(this))
                .addSubcommand(new PublicationCommands.Events(this))
                .addSubcommand(new PublicationCommands.Findings(this))
                .addSubcommand(new IndicatorCommands.Indicators(this))
                .addSubcommand(new IndicatorCommands.RankingsCommand(this))
                .addSubcommand(new IndicatorCommands.RisksCommand(this))
                .addSubcommand(new TextCommands.Text(this))
                .addSubcommand(new TextCommands.CheckText(this))
                .addSubcommand(new TextCommands.Import(this))
                .addSubcommand(new CommandLine(new UnitsCommand()).addSubcommand(new UnitsCommand.Import(this)))
                .addSubcommand(new CommandLine(new TemplateCommand())
                        .addSubcommand(new TemplateCommand.Show(this)));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(output.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(output.err, StandardCharsets.UTF_8), true);
        commandLine.setOut(out).setErr(err)
                .setParameterExceptionHandler(this::wrongCommandLine)
                .setExecutionStrategy(parsed -> {
                    output.english = english(); // --lang is known only once the command line is parsed
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e));
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Cli::everyCommand);
        commandLine.getSubcommands().values().forEach(Cli::ownHelpOnly);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code ogi} alone: the help, and the exit code of a wrong command line. */
    @Override
    public Integer call() {
        commandLine.usage(commandLine.getErr());
        return USAGE;
    }

    // ---- what commands share -------------------------------------------------------------------------------

    /** Whether to print JSON. */
    boolean json() {
        return json;
    }

    /**
     * A listing's answer, as asked: the service's CSV as it sends it (less the byte order mark, which is there for
     * Excel opening a download; a script reading stdout wants none), the JSON, or the table people read.
     */
    <T> int list(boolean asCsv, Supplier<String> csv, Supplier<T> fetch, Function<T, String> table) {
        if (asCsv) {
            output.out.print(csv.get().replaceFirst("^\uFEFF", ""));
            return OK;
        }
        T value = fetch.get();
        if (json) {
            output.json(value);
        } else {
            output.out.print(table.apply(value));
        }
        return OK;
    }

    /** {@code zh} or {@code en}, whichever {@code --lang} asks for. */
    String say(String zh, String en) {
        return lang == Lang.en ? en : zh;
    }

    boolean english() {
        return lang == Lang.en;
    }

    boolean progress() {
        return progress || terminal;
    }

    /** A client for the service; refuses, before calling it, when no token is set. */
    ReportsClient client() {
        String t = token != null ? token : env.get("OGI_TOKEN");
        if (t == null || t.isBlank()) {
            throw new NoTokenException();
        }
        String url = server != null ? server : env.getOrDefault("OGI_SERVER", "http://localhost:8080");
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base == null || base.getHost() == null || !List.of("http", "https").contains(base.getScheme())) {
            throw new UsageException("the server must be a URL such as http://localhost:8080, not '" + url + "'");
        }
        return ReportsClient.builder(base).token(t.strip()).language(english() ? "en" : "zh-CN").build();
    }

    /** No token in {@code --token} or {@code OGI_TOKEN}: said before any request is sent. */
    static final class NoTokenException extends RuntimeException {
        NoTokenException() {
            super("no token set: export OGI_TOKEN=<your token> (e.g. export OGI_TOKEN=$(cat data/admin-token)) "
                    + "or give --token <your token>");
        }
    }

    // ---- exit codes ----------------------------------------------------------------------------------------

    private int wrongCommandLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("ogi: " + e.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            err.print(command == commandLine ? command.getHelp().synopsis(0) : "Usage: " + ownSynopsis(command.getHelp()));
        }
        err.println(say("用法见 '", "see '") + command.getCommandSpec().qualifiedName() + " --help'");
        return USAGE;
    }

    private int failed(Exception e) throws Exception {
        PrintStream err = output.err;
        if (e instanceof UsageException) {
            err.println("ogi: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof NoTokenException) {
            err.println("ogi: " + e.getMessage());
            err.println("ogi: 未设置令牌：请先执行 export OGI_TOKEN=<您的令牌>，或在命令中加 --token <您的令牌>");
            return AUTH;
        }
        if (e instanceof RejectedException r) {
            if (json) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("status", "rejected");
                answer.put("code", r.code());
                answer.put("message", r.getMessage());
                answer.put("findings", r.findings());
                answer.put("problems", r.problems());
                output.json(answer);
            } else {
                err.println(say("数据未通过校验：", "rejected: ") + r.getMessage());
                output.findings(r.findings(), null);
                output.problems(r.problems(), err);
            }
            return REJECTED;
        }
        if (e instanceof ApiException a) {
            err.println("ogi: " + (a instanceof AuthException ? say("无权操作：", "not allowed: ")
                    : say("服务拒绝：", "refused: ")) + a.getMessage());
            if (json) {
                output.json(a.document() != null ? a.document() : Map.of("status", a.status(), "code", a.code(),
                        "detail", String.valueOf(a.detail())));
            } else {
                output.findings(a.findings(), err);
                output.problems(a.problems(), err);
            }
            return a instanceof AuthException ? AUTH : API_ERROR;
        }
        if (e instanceof ConnectionException) {
            err.println("ogi: " + e.getMessage());
            return CONNECTION;
        }
        IOException io = e instanceof IOException x ? x : e instanceof UncheckedIOException u ? u.getCause() : null;
        if (io instanceof NoSuchFileException) {
            err.println("ogi: " + say("找不到文件：", "no such file: ") + io.getMessage());
            return USAGE;
        }
        if (io instanceof CharacterCodingException) {
            err.println("ogi: " + say("文件不是 UTF-8 文本；请另存为“CSV UTF-8”（或 UTF-8 的 JSON）",
                    "a file is not UTF-8 text; save it as 'CSV UTF-8' (or JSON in UTF-8)"));
            return USAGE;
        }
        if (io != null) {
            err.println("ogi: " + say("无法读写文件：", "cannot read or write a file: ") + io);
            return USAGE;
        }
        throw e;
    }

    // ---- help ----------------------------------------------------------------------------------------------

    /**
     * A command's help shows its own options only: the global ones (--server, --token, --lang, --json, --progress)
     * are inherited by every command, and listing them under each would bury the few options that command has.
     */
    private static void ownHelpOnly(CommandLine command) {
        command.getCommandSpec().usageMessage().width(110);
        Map<String, IHelpSectionRenderer> sections = command.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, Cli::ownSynopsis);
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> help.optionListExcludingGroups(ownOptions(help.commandSpec())));
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> String.format("%nGlobal options (--server, --token, "
                + "--lang zh|en, --json, --progress, -h) go before or after the command; see 'ogi --help'.%n"));
        command.getSubcommands().values().forEach(Cli::ownHelpOnly);
    }

    private static List<OptionSpec> ownOptions(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.inherited() && !o.usageHelp() && !o.hidden()).toList();
    }

    private static String ownSynopsis(Help help) {
        CommandSpec spec = help.commandSpec();
        StringBuilder line = new StringBuilder(spec.qualifiedName());
        for (OptionSpec o : ownOptions(spec)) {
            String option = o.longestName() + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
            line.append(' ').append(o.required() ? option : "[" + option + "]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            line.append(' ').append(p.arity().min() > 0 ? p.paramLabel() : "[" + p.paramLabel() + "]");
        }
        if (!spec.subcommands().isEmpty()) {
            line.append(" COMMAND");
        }
        return line.append(System.lineSeparator()).toString();
    }

    /** The command list of {@code ogi --help}, with the commands of {@code units} and {@code template} spelled out. */
    private static String everyCommand(Help help) {
        List<String[]> rows = new ArrayList<>();
        collect(help.commandSpec(), "", rows);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder list = new StringBuilder();
        for (String[] r : rows) {
            list.append(String.format("  %-" + width + "s  %s%n", r[0], r[1]));
        }
        return list.toString();
    }

    private static void collect(CommandSpec spec, String prefix, List<String[]> rows) {
        spec.subcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (!name.equals(s.name())) {
                return; // an alias
            }
            if (!s.subcommands().isEmpty()) {
                collect(s, prefix + name + " ", rows);
                return;
            }
            StringBuilder usage = new StringBuilder(prefix + name);
            for (PositionalParamSpec p : s.positionalParameters()) {
                usage.append(' ').append(p.arity().min() > 0 ? p.paramLabel() : "[" + p.paramLabel() + "]");
            }
            for (OptionSpec o : s.options()) {
                if (o.required()) {
                    usage.append(' ').append(o.longestName()).append(' ').append(o.paramLabel());
                }
            }
            rows.add(new String[] {usage.toString(), String.join(" ", s.usageMessage().description())});
        });
    }
}
