package org.opengovinfo.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opengovinfo.client.Finding;
import org.opengovinfo.client.ProblemItem;

/** What {@code ogi} prints: text for people, JSON for scripts, times in China Standard Time. */
final class Output {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** China Standard Time has had no daylight saving since 1991: always UTC+8. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    final PrintStream out;
    final PrintStream err;
    /** Set from {@code --lang} once the command line is parsed: findings and problems in English instead of Chinese. */
    boolean english;

    Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** An instant as a clerk in China reads it: {@code 2022-02-01 00:00 (UTC+8)}. */
    static String time(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant) + " (UTC+8)";
    }

    void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the answer as JSON", e);
        }
    }

    /** Every finding, cell by cell, to {@code to} (or, with {@code to} null, errors to stderr and warnings to stdout). */
    void findings(List<Finding> findings, PrintStream to) {
        for (Finding f : findings) {
            PrintStream s = to != null ? to : f.isError() ? err : out;
            String severity = english ? (f.isError() ? "✗ error  " : "! warning ") : (f.isError() ? "✗ 错误  " : "! 警告  ");
            s.println("  " + severity + f.rule() + "  " + String.join(", ", f.cells()));
            f.places().stream().filter(p -> !p.isEmpty()).forEach(p -> s.println("      " + (english ? "at " : "位置：") + p));
            if (f.actual() != null && f.limit() != null) {
                s.println(english ? "      filled " + f.actual().toPlainString() + ", above the limit " + f.limit().toPlainString()
                        : "      填报 " + f.actual().toPlainString() + "，超过上限 " + f.limit().toPlainString());
            }
            if (f.actual() != null && f.expected() != null && f.difference() != null) {
                s.println(english
                        ? "      filled " + f.actual().toPlainString() + ", should be " + f.expected().toPlainString()
                                + " (difference " + f.difference().toPlainString() + ")"
                        : "      填报 " + f.actual().toPlainString() + "，应为 " + f.expected().toPlainString()
                                + "（相差 " + f.difference().toPlainString() + "）");
            }
            String message = english && f.messageEn() != null || f.messageZh() == null ? f.messageEn() : f.messageZh();
            if (message != null) {
                s.println("      " + message);
            }
            for (Finding c : f.consequences()) {
                // the rules a mistyped cell breaks, under the cell: one thing to fix
                String m = english && c.messageEn() != null || c.messageZh() == null ? c.messageEn() : c.messageZh();
                s.println("        " + (english ? "→ breaks " : "→ 因此不符：") + c.rule() + (m == null ? "" : "  " + m));
            }
        }
    }

    /** Every other entry of a problem's {@code errors}, one line each: line (if known), unit, code, message. */
    void problems(List<ProblemItem> problems, PrintStream to) {
        for (ProblemItem p : problems) {
            StringBuilder line = new StringBuilder("  ");
            if (p.line() != null) {
                line.append(english ? "line " + p.line() + ": " : "第 " + p.line() + " 行：");
            }
            if (p.unit() != null) {
                line.append(p.unit()).append("  ");
            }
            if (p.code() != null) {
                line.append(p.code()).append("  ");
            }
            String message = english && p.messageEn() != null ? p.messageEn() : p.message();
            to.println(line.append(message).toString().stripTrailing());
        }
    }
}
