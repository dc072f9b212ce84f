package org.opengovinfo.service.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;
import org.opengovinfo.service.system.ReportYears;

/**
 * The web app's pages, in Chinese. Each route is guarded by {@link Access} exactly as the API route it shows is
 * (the same permission, unit and year); a signed-in browser's session cookie stands for its token. Writes are made
 * by the pages' scripts through the JSON API itself, with the session's CSRF token.
 */
@Hidden
@Controller("/web")
class PagesController {

    private final WebPages pages;
    private final Html html;

    PagesController(WebPages pages, Html html) {
        this.pages = pages;
        this.html = html;
    }

    @Get("/home")
    @Access(Permission.READ_UNITS)
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create(pages.home()));
    }

    /** 报送进度: a unit's year at a glance. */
    @Get(uri = "/units/{id}/{year}", produces = MediaType.TEXT_HTML)
    @Access(value = Permission.READ_UNITS, unit = "id", year = "year")
    HttpResponse<?> dashboard(@PathVariable String id, @PathVariable String year) {
        return html.page("dashboard", pages.dashboard(id, ReportYears.parse(year)));
    }

    /** 填报: the unit's own figures in the printed layout. */
    @Get(uri = "/units/{id}/{year}/entry", produces = MediaType.TEXT_HTML)
    @Access(value = Permission.WRITE_FIGURES, unit = "id", year = "year")
    HttpResponse<?> entry(@PathVariable String id, @PathVariable String year) {
        return html.page("entry", pages.entry(id, ReportYears.parse(year)));
    }

    /** 审核: a report handed in by a unit below, to accept or return. */
    @Get(uri = "/units/{id}/{year}/review", produces = MediaType.TEXT_HTML)
    @Access(value = Permission.REVIEW, unit = "id", year = "year")
    HttpResponse<?> review(@PathVariable String id, @PathVariable String year) {
        return html.page("review", pages.review(id, ReportYears.parse(year)));
    }

    /** 汇总报告: the consolidated report in the official layout, its snapshots and downloads. */
    @Get(uri = "/units/{id}/{year}/consolidated", produces = MediaType.TEXT_HTML)
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    HttpResponse<?> consolidated(@PathVariable String id, @PathVariable String year,
                                 @QueryValue @Nullable String snapshot) {
        return html.page("consolidated", pages.consolidated(id, ReportYears.parse(year), snapshot));
    }

    /** Which consolidated cells moved between two snapshots, because of which units (as the API's diff: READ_FIGURES). */
    @Get(uri = "/units/{id}/{year}/diff", produces = MediaType.TEXT_HTML)
    @Access(value = Permission.READ_FIGURES, unit = "id", year = "year")
    HttpResponse<?> diff(@PathVariable String id, @PathVariable String year, @QueryValue @Nullable String from,
                         @QueryValue @Nullable String to) {
        return html.page("diff", pages.diff(id, ReportYears.parse(year), from, to));
    }

    /** 图表: headline figures over the years and completeness by unit below. */
    @Get(uri = "/units/{id}/{year}/charts", produces = MediaType.TEXT_HTML)
    @Access(value = Permission.READ_CONSOLIDATED, unit = "id", year = "year")
    HttpResponse<?> charts(@PathVariable String id, @PathVariable String year) {
        return html.page("charts", pages.charts(id, ReportYears.parse(year)));
    }
}
