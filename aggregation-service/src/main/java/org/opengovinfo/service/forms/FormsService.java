package org.opengovinfo.service.forms;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.submissions.FiguresPut;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.submissions.SubmissionViews;
import org.opengovinfo.service.system.ErrorCode;
import org.opengovinfo.service.system.FindingView;
import org.opengovinfo.service.system.ProblemException;
import org.opengovinfo.service.units.Unit;
import org.opengovinfo.service.units.UnitService;

/**
 * Reports and forms: which figures a report of a unit and year shows (none, its own, consolidated), and a form sent
 * back, read and put through the same submission path as JSON, its findings told where they stand in the form.
 */
@Singleton
public class FormsService {

    private final Templates templates;
    private final UnitService units;
    private final SubmissionService submissions;
    private final ConsolidatedSource consolidated;
    private final FiguresPut put;
    private final Map<String, PrintedLayout> layouts = new ConcurrentHashMap<>();

    FormsService(Templates templates, UnitService units, SubmissionService submissions, ConsolidatedSource consolidated,
                 FiguresPut put) {
        this.templates = templates;
        this.units = units;
        this.submissions = submissions;
        this.consolidated = consolidated;
        this.put = put;
    }

    /** A report to print or fill in: its heading, the year's format and layout, and the figures ({@code null}: empty). */
    public record Report(FormHeading heading, Template template, PrintedLayout layout, @Nullable Figures figures) {
    }

    public Report report(String unit, int year, Source source, @Nullable String snapshot) {
        Unit u = units.get(unit);
        if (!u.years().contains(year)) {
            throw ErrorCode.UNIT_NOT_IN_FORCE.problem(unit, u.years(), year);
        }
        Template template = templates.forYear(year).orElseThrow(() -> ErrorCode.TEMPLATE_NONE_FOR_YEAR.problem(year));
        return switch (source) {
            case EMPTY -> report(u, year, template, source, null, null);
            case OWN -> report(u, year, template, source, null, submissions.currentFigures(unit, year));
            case CONSOLIDATED -> {
                ConsolidatedSource.Consolidated c = consolidated.of(unit, year, snapshot);
                yield report(u, year, c.figures().template(), source, c.snapshot(), c.figures());
            }
        };
    }

    private Report report(Unit u, int year, Template template, Source source, String snapshot, Figures figures) {
        FormHeading heading = new FormHeading(u.id(), u.name(), year, template.id(), template.name(), source, snapshot);
        return new Report(heading, template, layout(template), figures);
    }

    PrintedLayout layout(Template template) {
        return layouts.computeIfAbsent(template.id(), id -> PrintedLayout.of(template));
    }

    /** How a form came: its bytes and which kind of form they are. */
    enum Kind { XLSX, CSV }

    /**
     * A filled-in form, submitted (or checked, {@code dryRun}) as the unit's whole figures for the year.
     *
     * @throws ProblemException {@code form.other_unit} for a form whose heading names another unit or year,
     *     {@code form.not_a_form} for a report of consolidated figures, the form's reading problems, and every refusal
     *     of a JSON submission — {@code submission.rejected} with each finding's place in the form
     */
    FiguresPut.Answer submit(String unit, int year, Kind kind, byte[] body, boolean dryRun, @Nullable String ifMatch) {
        Template template = templates.forYear(year).orElseThrow(() -> ErrorCode.SUBMISSION_NO_TEMPLATE.problem(year));
        PrintedLayout layout = layout(template);
        FilledForm form = kind == Kind.XLSX ? FormWorkbook.read(body, layout, template, h -> check(h, unit, year))
                : FormCsv.read(body, template, layout, h -> check(h, unit, year));
        check(form, unit, year);
        var input = new org.opengovinfo.service.submissions.SubmissionInput(form.template(), form.figures(), Map.of());
        try {
            FiguresPut.Answer answer = put.put(unit, year, input, dryRun, ifMatch);
            SubmissionViews.Result placed = answer.result().placed(form.places()::get);
            return new FiguresPut.Answer(placed, answer.etag());
        } catch (ProblemException refused) {
            if (refused.error() != ErrorCode.SUBMISSION_REJECTED || refused.errors() == null) {
                throw refused;
            }
            List<Object> errors = refused.errors().stream()
                    .map(e -> e instanceof FindingView f ? (Object) f.placed(form.places()::get) : e).toList();
            throw refused.withErrors(errors);
        }
    }

    /** A form names its unit, year and whose figures in its heading: it must be this unit's own, of this year. */
    static void check(FilledForm heading, String unit, int year) {
        if (heading.source() == Source.CONSOLIDATED) {
            throw ErrorCode.FORM_NOT_A_FORM.problem(Source.CONSOLIDATED.words());
        }
        boolean otherUnit = heading.unit() != null && !heading.unit().equals(unit);
        boolean otherYear = heading.year() != null && heading.year() != year;
        if (otherUnit || otherYear) {
            throw ErrorCode.FORM_OTHER_UNIT.problem(
                    heading.unit() == null ? unit : org.opengovinfo.service.system.Redaction.text(heading.unit(), 64),
                    heading.year() == null ? year : heading.year() < 0 ? "?" : heading.year(), unit, year);
        }
    }
}
