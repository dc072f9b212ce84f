package org.opengovinfo.service.text;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.published.GridMatcher;
import org.opengovinfo.model.published.GridRow;
import org.opengovinfo.model.published.ImportedTables;
import org.opengovinfo.model.published.TextGrid;
import org.opengovinfo.model.rule.Severity;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.model.text.CellNames;
import org.opengovinfo.model.text.ReportTexts;
import org.opengovinfo.model.text.StandardText;
import org.opengovinfo.model.text.TextCheck;
import org.opengovinfo.model.text.TextFinding;
import org.opengovinfo.model.text.TextPatterns;
import org.opengovinfo.service.rollups.RollupService;
import org.opengovinfo.service.submissions.FiguresPut;
import org.opengovinfo.service.submissions.SubmissionInput;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.Languages;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * A report's text: the standard text written from a unit's figures, a posted text checked against tables, and a
 * published report (text or web page) read into the year's template — stored, when asked, through the same
 * submission path as a PUT of figures.
 */
@Singleton
class TextService {

    /** Whose figures: the unit's own, its consolidated ones, or (for a check) the tables inside the posted report. */
    enum Tables { OWN, CONSOLIDATED, REPORT;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Templates templates;
    private final UnitService units;
    private final SubmissionService submissions;
    private final RollupService rollups;
    private final FiguresPut put;

    TextService(Templates templates, UnitService units, SubmissionService submissions, RollupService rollups,
                FiguresPut put) {
        this.templates = templates;
        this.units = units;
        this.submissions = submissions;
        this.rollups = rollups;
        this.put = put;
    }

    private record Source(Figures figures, @Nullable String snapshot) {
    }

    private Unit unit(String id, int year) {
        Unit u = units.get(id);
        if (!u.years().contains(year)) {
            throw ErrorCode.UNIT_NOT_IN_FORCE.problem(id, u.years(), year);
        }
        return u;
    }

    private Template template(int year) {
        return templates.forYear(year).orElseThrow(() -> ErrorCode.TEMPLATE_NONE_FOR_YEAR.problem(year));
    }

    private Source figures(String unit, int year, Tables tables, @Nullable String snapshot) {
        if (tables == Tables.OWN) {
            return new Source(submissions.currentFigures(unit, year), null);
        }
        RollupService.Entry entry = snapshot == null ? rollups.latestEntry(unit, year) : rollups.entry(snapshot, unit, year);
        return new Source(Figures.of(templates.byId(entry.template()).orElseThrow(), entry.consolidated()), entry.snapshot());
    }

    // ---- the standard text --------------------------------------------------------------------------------------

    TextViews.StandardTextView standardText(String unit, int year, Tables tables, @Nullable String snapshot) {
        Unit u = unit(unit, year);
        Source source = figures(unit, year, tables, snapshot);
        Template template = source.figures().template();
        List<StandardText.Sentence> sentences = StandardText.of(ReportTexts.bundled().of(template), source.figures());
        boolean english = Languages.english();
        List<TextViews.SentenceView> views = sentences.stream().map(s -> new TextViews.SentenceView(s.statement(),
                s.paragraph(), s.state().name().toLowerCase(Locale.ROOT), s.value(), english ? s.en() : s.zh(), s.zh(),
                s.en(), s.cells().stream().map(c -> new TextViews.CellView(c.cell(), c.label(), c.value(),
                        c.state().name().toLowerCase(Locale.ROOT))).toList())).toList();
        String zh = StandardText.render(sentences, false);
        String en = StandardText.render(sentences, true);
        return new TextViews.StandardTextView(u.id(), u.name(), year, template.id(), tables.code(), source.snapshot(),
                english ? en : zh, zh, en, views);
    }

    // ---- the prose check ----------------------------------------------------------------------------------------

    /** {@code tables} {@code null}: the report's own tables when the text holds them, else the unit's own figures. */
    TextViews.TextCheckView check(String unit, int year, byte[] body, @Nullable Tables tables, @Nullable String snapshot) {
        unit(unit, year);
        Template template = template(year);
        String text = decode(body);
        TextGrid.Read grid = TextGrid.read(text);
        ImportedTables inside = new GridMatcher(template).match(grid.rows());
        Tables used = tables != null ? tables : inside.foundTables() ? Tables.REPORT : Tables.OWN;
        Figures figures;
        String snap = null;
        if (used == Tables.REPORT) {
            if (!inside.foundTables()) {
                throw ErrorCode.TEXT_NO_TABLES.problem(year, template.id());
            }
            figures = Figures.decode(template, inside.figures()).figures().orElseThrow();
        } else {
            Source s = figures(unit, year, used, snapshot);
            figures = s.figures();
            snap = s.snapshot();
        }
        TextPatterns patterns = ReportTexts.bundled().of(figures.template());
        BitSet tableLines = grid.tableLines();
        List<TextFinding> found = TextCheck.check(patterns, text, tableLines, figures, year);
        boolean english = Languages.english();
        List<TextViews.TextFindingView> views = found.stream().map(f -> new TextViews.TextFindingView(f.rule(),
                f.severity().name().toLowerCase(Locale.ROOT), f.sentence(), f.line(), f.statement(), f.stated(),
                f.cells(), f.labels(), f.tableValue(), english ? f.messageEn() : f.messageZh(), f.messageZh(),
                f.messageEn())).toList();
        int errors = (int) found.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new TextViews.TextCheckView(unit, year, figures.template().id(), used.code(), snap, errors,
                found.size() - errors, views);
    }

    // ---- import -------------------------------------------------------------------------------------------------

    enum From { TEXT, HTML }

    TextViews.ImportView importReport(String unit, int year, byte[] body, From from, boolean store,
                                      @Nullable String ifMatch) {
        unit(unit, year);
        Template template = template(year);
        String text = decode(body);
        List<GridRow> rows = from == From.HTML ? HtmlGrid.read(text) : TextGrid.read(text).rows();
        ImportedTables read = new GridMatcher(template).match(rows);
        boolean english = Languages.english();
        List<TextViews.UnreadView> unread = read.unread().stream().map(u -> new TextViews.UnreadView(
                english ? u.where().en() : u.where().zh(), u.label(), u.text(), u.cell(),
                u.cell() == null ? null : CellNames.of(template, u.cell()),
                english ? u.reasonEn() : u.reasonZh(), u.reasonZh(), u.reasonEn())).toList();
        if (!read.foundTables()) {
            throw ErrorCode.IMPORT_NO_TABLES.problemWith(unread, year, template.id());
        }
        Figures figures = Figures.decode(template, read.figures()).figures().orElseThrow();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<String> notApplicable = new ArrayList<>();
        for (String cell : read.figures().keySet()) {
            if (figures.isNotApplicable(cell)) {
                notApplicable.add(cell);
            } else {
                figures.value(cell).ifPresent(v -> values.put(cell, v));
            }
        }
        String fromCode = from.name().toLowerCase(Locale.ROOT);
        if (!store) {
            return new TextViews.ImportView(unit, year, template.id(), fromCode, false, null, null, values, notApplicable,
                    unread, read.missing(), FindingView.of(figures.validate()));
        }
        // the same path as PUT …/figures/{year}: rules, versions, If-Match, locks, the audit trail
        FiguresPut.Answer answer = put.put(unit, year, new SubmissionInput(template.id(), read.figures(), Map.of()),
                false, ifMatch);
        return new TextViews.ImportView(unit, year, template.id(), fromCode, true, answer.result().status(),
                answer.result().version(), values, notApplicable, unread, read.missing(), answer.result().findings());
    }

    /** UTF-8 (a byte order mark dropped) when the bytes are UTF-8, else GB18030, the superset of GBK. */
    static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ErrorCode.TEXT_EMPTY.problem();
        }
        int from = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(body, from, body.length - from);
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.duplicate()).toString();
                if (text.isBlank()) {
                    throw ErrorCode.TEXT_EMPTY.problem();
                }
                return text;
            } catch (CharacterCodingException e) {
                // try the next
            }
        }
        throw ErrorCode.TEXT_UNREADABLE.problem();
    }
}
