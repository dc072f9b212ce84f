package org.opengovinfo.service.operations;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opengovinfo.service.access.Access;
import org.opengovinfo.service.access.Permission;

/**
 * The service's metrics in the Prometheus text format, for a monitoring system holding {@code SCRAPE_TOKEN} (or a
 * token of role {@code scraper}, or an administrator's). Served here rather than by Micronaut's management endpoint
 * so that the same bearer tokens, the same 401/403 problems and the route check of every controller apply.
 */
@Controller
@Tag(name = "operations")
class MetricsController {

    /** Prometheus' text exposition format, version 0.0.4, which every Prometheus scrapes. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(uri = "/prometheus", produces = TEXT_FORMAT)
    @Operation(operationId = "scrapeMetrics", summary = "The service's metrics in the Prometheus text format")
    @Access(Permission.SCRAPE_METRICS)
    String scrape() {
        return registry.scrape();
    }
}
