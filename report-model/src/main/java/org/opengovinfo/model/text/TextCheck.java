package org.opengovinfo.model.text;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.rule.Severity;

/**
 * Reads a report's text against tables: every number the text states in the words of a statement is compared with
 * the cells the statement names; and beyond numbers, the text's structure — section 五 present and saying something,
 * section 六 not denying fees the tables show, "均已办结" not said while requests or cases are pending, no other year
 * in a sentence about the year's work, section headings numbered as the format numbers them.
 *
 * <p>Loose wording is no contradiction: a number matching any of a statement's readings (收到 as 新收 or as 新收 +
 * 上年结转) is accepted; words whose subject cannot be told (维持 with neither 复议 nor 诉讼 before it) are not
 * read; a statement whose cells are blank or not applicable is not compared. Lines that hold tables are not prose.
 */
public final class TextCheck {

    public static final String CONTRADICTS_TABLE = "text.contradicts_table";
    public static final String SECTION_MISSING = "text.section_missing";
    public static final String SECTION_THIN = "text.section_thin";
    public static final String FEES_CONTRADICT_TABLE = "text.fees_contradict_table";
    public static final String ALL_CLOSED_BUT_PENDING = "text.all_closed_but_pending";
    public static final String OTHER_YEAR = "text.other_year";
    public static final String HEADING_MISNUMBERED = "text.heading_misnumbered";

    private static final Pattern HEADING = Pattern.compile("^([一二三四五六七八九十]+)\\s*[、.．]\\s*(.+)$");
    private static final int HEADING_MAX = 60;
    private static final Set<String> NOTHING = Set.of("无", "无。", "暂无", "暂无。", "没有", "无问题", "无问题。");
    private static final Pattern ALL_CLOSED = Pattern.compile(
            "(?:均|全部|都)(?:已|已经)?(?:在[^，。；;,]{0,12})?(?:按时|依法|按期)?(?:办结|审结|办理完毕|答复完毕|处理完毕)");
    private static final Pattern NO_FEE = Pattern.compile(
            "(?:未|没有|未有|无|不|未曾)(?:向申请人)?收取(?:过|任何)?(?:政府信息公开)?(?:的)?信息处理费"
                    + "|信息处理费[^。；;\\n]{0,8}(?:为0|为零|0元|零元)");
    private static final Pattern FEE_AMOUNT = Pattern.compile(
            "收取(?:了)?(?:政府信息公开)?信息处理费[^。；;\\n0-9０-９]{0,10}" + TextPatterns.NUMBER + "(?:元|万元)");
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "^(?:\\d+[.、．]|[（(][一二三四五六七八九十\\d]+[）)]|[一二三四五六七八九十]+、)?\\s*(20\\d\\d)年"
                    + "(?!度?(?:以来|以前|之前|前|底|初|起|结转))");
    private static final Pattern WORK_FIGURE = Pattern.compile("[0-9０-９]+\\s*(?:条|件|期|次|篇|份)");
    private static final Pattern WORK_VERB = Pattern.compile("公开|发布|受理|收到|办结|制发|答复|办理|处理|承办");

    private TextCheck() {}

    /** A heading of one of the format's sections, found on a line of the text. */
    record Heading(int line, String text, String number, Section section) {
    }

    /**
     * Every finding on the text.
     *
     * @param text the text as posted (prose, or a whole report with its tables)
     * @param tableLines the lines (0-based) that hold tables, which are not read as prose
     * @param figures the tables to compare with
     * @param year the report year
     */
    public static List<TextFinding> check(TextPatterns patterns, String text, BitSet tableLines, Figures figures,
                                          int year) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (tableLines.get(i)) {
                lines[i] = "";
            }
        }
        List<TextFinding> findings = new ArrayList<>();
        numbers(patterns, lines, figures, year, findings);
        List<Heading> headings = headings(patterns, lines);
        structure(patterns, lines, headings, findings);
        fees(patterns, lines, headings, figures, findings);
        allClosed(patterns, lines, figures, findings);
        otherYear(lines, year, findings);
        return findings;
    }

    // ---- numbers against the tables ---------------------------------------------------------------------------

    private static void numbers(TextPatterns patterns, String[] lines, Figures figures, int year,
                                List<TextFinding> findings) {
        List<List<Pattern>> phrases = patterns.phrases(year);
        for (int i = 0; i < lines.length; i++) {
            String para = lines[i];
            if (para.isBlank()) {
                continue;
            }
            BitSet claimed = new BitSet();
            for (int k = 0; k < patterns.statements().size(); k++) {
                Statement st = patterns.statements().get(k);
                for (Pattern phrase : phrases.get(k)) {
                    Matcher m = phrase.matcher(para);
                    while (m.find()) {
                        if (!claimed.get(m.start(1), m.end(1)).isEmpty()) {
                            continue;
                        }
                        if (st.subject() != null && !st.subject().equals(subjectBefore(patterns, para, m.start(), false))) {
                            continue;
                        }
                        claimed.set(m.start(1), m.end(1));
                        compare(st, para, i, m, figures, findings);
                    }
                }
            }
        }
    }

    private static void compare(Statement st, String para, int line, Matcher m, Figures figures,
                                List<TextFinding> findings) {
        BigDecimal stated = number(m.group(1));
        BigDecimal first = null;
        List<String> firstCells = null;
        for (List<String> reading : st.readings()) {
            BigDecimal value = sum(figures, reading);
            if (value == null) {
                continue;
            }
            if (value.compareTo(stated) == 0) {
                return;
            }
            if (first == null) {
                first = value;
                firstCells = reading;
            }
        }
        if (first == null) {
            return;
        }
        List<String> labels = firstCells.stream().map(c -> CellNames.of(figures.template(), c)).toList();
        String sentence = sentence(para, m.start());
        String cellsZh = String.join("、", labels);
        findings.add(new TextFinding(CONTRADICTS_TABLE, Severity.ERROR, sentence, line + 1, st.id(), stated, firstCells,
                labels, first,
                "文中“" + sentence + "”所述 " + stated.toPlainString() + st.unit() + "与表格不符：" + cellsZh
                        + (firstCells.size() > 1 ? " 合计为 " : " 为 ") + first.toPlainString() + st.unit(),
                "The text's \"" + sentence + "\" states " + stated.toPlainString() + ", but the tables give "
                        + first.toPlainString() + " (" + String.join(" + ", firstCells) + ")"));
    }

    /** The sum of the cells, or {@code null} when one is blank or not applicable (blank is not zero). */
    static BigDecimal sum(Figures figures, List<String> cells) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String c : cells) {
            Optional<BigDecimal> v = figures.value(c);
            if (v.isEmpty()) {
                return null;
            }
            sum = sum.add(v.get());
        }
        return sum;
    }

    private static BigDecimal number(String printed) {
        return new BigDecimal(Normalizer.normalize(printed, Normalizer.Form.NFKC));
    }

    /**
     * The subject named last before {@code at}: in the sentence, or (unless {@code sentenceOnly}) anywhere before it in
     * the paragraph; {@code null} when none is.
     */
    static String subjectBefore(TextPatterns patterns, String para, int at, boolean sentenceOnly) {
        int from = sentenceOnly ? sentenceStart(para, at) : 0;
        String best = null;
        int bestAt = -1;
        for (Map.Entry<String, List<String>> e : patterns.subjects().entrySet()) {
            for (String word : e.getValue()) {
                int found = para.lastIndexOf(word, at - word.length());
                if (found >= from && found > bestAt) {
                    bestAt = found;
                    best = e.getKey();
                }
            }
        }
        return best;
    }

    private static int sentenceStart(String para, int at) {
        int start = 0;
        for (int j = Math.min(at, para.length()) - 1; j >= 0; j--) {
            if ("。！？!?".indexOf(para.charAt(j)) >= 0) {
                start = j + 1;
                break;
            }
        }
        return start;
    }

    /** The sentence around a position, as printed. */
    static String sentence(String para, int at) {
        int start = sentenceStart(para, at);
        int end = para.length();
        for (int j = at; j < para.length(); j++) {
            if ("。！？!?".indexOf(para.charAt(j)) >= 0) {
                end = j + 1;
                break;
            }
        }
        return para.substring(start, end).strip();
    }

    // ---- headings and sections ---------------------------------------------------------------------------------

    static List<Heading> headings(TextPatterns patterns, String[] lines) {
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.length() > HEADING_MAX) {
                continue;
            }
            Matcher m = HEADING.matcher(line);
            String title = key(m.matches() ? m.group(2) : line);
            for (Section s : patterns.sections()) {
                boolean matches = s.titles().stream().map(TextCheck::key)
                        .anyMatch(t -> m.matches() ? title.startsWith(t) : title.equals(t));
                if (matches) {
                    headings.add(new Heading(i, line, m.matches() ? m.group(1) : null, s));
                    break;
                }
            }
        }
        return headings;
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static void structure(TextPatterns patterns, String[] lines, List<Heading> headings,
                                  List<TextFinding> findings) {
        for (Heading h : headings) {
            if (h.number() != null && !h.number().equals(h.section().number())) {
                findings.add(new TextFinding(HEADING_MISNUMBERED, Severity.WARNING, h.text(), h.line() + 1, null, null,
                        List.of(), List.of(), null,
                        "标题“" + h.text() + "”的序号有误：“" + h.section().titles().get(0) + "”是第"
                                + h.section().number() + "部分，应为“" + h.section().number() + "、”",
                        "The heading \"" + h.text() + "\" is misnumbered: \"" + h.section().titles().get(0)
                                + "\" is section " + h.section().number() + " of the format"));
            }
        }
        Optional<Section> problems = patterns.section(Section.PROBLEMS);
        if (problems.isEmpty() || headings.size() < 2) {
            return; // not a whole report: a passage of prose has no sections to miss
        }
        Optional<Heading> heading = headings.stream().filter(h -> h.section() == problems.get()).findFirst();
        Section s = problems.get();
        if (heading.isEmpty()) {
            findings.add(new TextFinding(SECTION_MISSING, Severity.WARNING, "", 0, null, null, List.of(), List.of(), null,
                    "报告中没有第" + s.number() + "部分“" + s.titles().get(0) + "”",
                    "The report has no section " + s.number() + " (" + s.titles().get(0) + ")"));
            return;
        }
        String body = key(String.join("", body(lines, headings, heading.get())));
        if (NOTHING.contains(body) || body.length() < s.minimumLength()) {
            findings.add(new TextFinding(SECTION_THIN, Severity.WARNING, heading.get().text(), heading.get().line() + 1,
                    null, null, List.of(), List.of(), null,
                    "第" + s.number() + "部分“" + s.titles().get(0) + "”" + (body.isEmpty() ? "没有内容" : "只有“" + body + "”")
                            + "，应写明存在的主要问题及改进情况",
                    "Section " + s.number() + " (" + s.titles().get(0) + ") " + (body.isEmpty() ? "is empty"
                            : "says only \"" + body + "\"") + "; it should name the main problems and what was done"));
        }
    }

    /** The prose lines of a section: from below its heading to the next heading. */
    private static List<String> body(String[] lines, List<Heading> headings, Heading h) {
        int end = headings.stream().mapToInt(Heading::line).filter(l -> l > h.line()).min().orElse(lines.length);
        List<String> body = new ArrayList<>();
        for (int i = h.line() + 1; i < end; i++) {
            body.add(lines[i]);
        }
        return body;
    }

    // ---- fees -------------------------------------------------------------------------------------------------

    private static void fees(TextPatterns patterns, String[] lines, List<Heading> headings, Figures figures,
                             List<TextFinding> findings) {
        Optional<Heading> other = patterns.section(Section.OTHER_MATTERS)
                .flatMap(s -> headings.stream().filter(h -> h.section() == s).findFirst());
        int from = other.map(h -> h.line() + 1).orElse(0);
        int to = other.map(h -> headings.stream().mapToInt(Heading::line).filter(l -> l > h.line()).min()
                .orElse(lines.length)).orElse(lines.length);
        for (int i = from; i < to; i++) {
            Matcher none = NO_FEE.matcher(lines[i]);
            if (!none.find()) {
                continue;
            }
            String sentence = sentence(lines[i], none.start());
            BigDecimal charged = patterns.feeCells().isEmpty() ? null : sum(figures, patterns.feeCells());
            if (charged != null && charged.signum() > 0) {
                List<String> labels = patterns.feeCells().stream().map(c -> CellNames.of(figures.template(), c)).toList();
                findings.add(new TextFinding(FEES_CONTRADICT_TABLE, Severity.ERROR, sentence, i + 1, null, null,
                        patterns.feeCells(), labels, charged,
                        "文中“" + sentence + "”称未收取信息处理费，但表格中" + String.join("、", labels) + " 为 "
                                + charged.toPlainString() + "：有申请因未按收费通知缴费而终止，说明收取过信息处理费",
                        "The text's \"" + sentence + "\" says no information-processing fees were charged, but the tables "
                                + "give " + charged.toPlainString() + " for " + String.join(", ", patterns.feeCells())));
            }
            for (int j = from; j < to; j++) {
                Matcher amount = FEE_AMOUNT.matcher(lines[j]);
                while (amount.find()) {
                    BigDecimal n = number(amount.group(1));
                    if (n.signum() > 0) {
                        String stated = sentence(lines[j], amount.start());
                        findings.add(new TextFinding(FEES_CONTRADICT_TABLE, Severity.ERROR, sentence, i + 1, null, n,
                                List.of(), List.of(), null,
                                "文中“" + sentence + "”称未收取信息处理费，但又写明“" + stated + "”",
                                "The text's \"" + sentence + "\" says no information-processing fees were charged, but "
                                        + "it also says \"" + stated + "\""));
                    }
                }
            }
            return;
        }
    }

    // ---- "all closed" ------------------------------------------------------------------------------------------

    private static void allClosed(TextPatterns patterns, String[] lines, Figures figures, List<TextFinding> findings) {
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ALL_CLOSED.matcher(lines[i]);
            while (m.find()) {
                String subject = subjectBefore(patterns, lines[i], m.start(), true);
                if (subject == null) {
                    subject = subjectBefore(patterns, lines[i], m.start(), false);
                }
                List<String> cells = subject == null ? List.of() : patterns.pendingCells().getOrDefault(subject, List.of());
                if (cells.isEmpty()) {
                    continue;
                }
                BigDecimal pending = BigDecimal.ZERO;
                for (String c : cells) {
                    pending = pending.add(figures.value(c).orElse(BigDecimal.ZERO));
                }
                if (pending.signum() > 0) {
                    String sentence = sentence(lines[i], m.start());
                    List<String> labels = cells.stream().map(c -> CellNames.of(figures.template(), c)).toList();
                    findings.add(new TextFinding(ALL_CLOSED_BUT_PENDING, Severity.ERROR, sentence, i + 1, null, null,
                            cells, labels, pending,
                            "文中“" + sentence + "”称均已办结，但表格中" + String.join("、", labels) + " 为 "
                                    + pending.toPlainString() + "，尚有未办结的",
                            "The text's \"" + sentence + "\" says all were closed, but the tables give "
                                    + pending.toPlainString() + " still pending (" + String.join(", ", cells) + ")"));
                }
            }
        }
    }

    // ---- another year -------------------------------------------------------------------------------------------

    private static void otherYear(String[] lines, int year, List<TextFinding> findings) {
        for (int i = 0; i < lines.length; i++) {
            String para = lines[i];
            int start = 0;
            while (start < para.length()) {
                int end = start;
                while (end < para.length() && "。！？!?".indexOf(para.charAt(end)) < 0) {
                    end++;
                }
                String sentence = para.substring(start, Math.min(end + 1, para.length())).strip();
                Matcher m = YEAR_FIRST.matcher(sentence);
                if (m.find() && Integer.parseInt(m.group(1)) != year && WORK_FIGURE.matcher(sentence).find()
                        && WORK_VERB.matcher(sentence).find()) {
                    findings.add(new TextFinding(OTHER_YEAR, Severity.WARNING, sentence, i + 1, null,
                            new BigDecimal(m.group(1)), List.of(), List.of(), null,
                            "文中“" + sentence + "”写的是 " + m.group(1) + " 年的工作数字，本报告是 " + year + " 年度的",
                            "The text's \"" + sentence + "\" gives work figures of " + m.group(1) + ", but the report is for "
                                    + year));
                }
                start = end + 1;
            }
        }
    }
}
