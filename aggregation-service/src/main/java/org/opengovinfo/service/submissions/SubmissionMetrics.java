package org.opengovinfo.service.submissions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengovinfo.model.rule.Finding;

/**
 * What became of submitted figures, as Prometheus series: {@code ogi_submissions_total{outcome}} per unit's figures
 * (a batch counts each unit) and {@code ogi_submission_findings_total{rule,severity}} per finding raised on them.
 * Labels are bounded: outcomes are the {@link Status} enum, rules the bundled templates' rule ids, never a unit.
 */
@Singleton
class SubmissionMetrics {

    private final MeterRegistry registry;
    private final Map<Status, Counter> outcomes = new EnumMap<>(Status.class);

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Status s : Status.values()) {
            // registered up front, so that a scrape shows every outcome at 0 and rate() sees the first one
            outcomes.put(s, Counter.builder("ogi.submissions").description("Units' figures submitted, by outcome")
                    .tag("outcome", s.code()).register(registry));
        }
    }

    void outcome(Status status) {
        outcomes.get(status).increment();
    }

    void findings(List<Finding> findings) {
        for (Finding f : findings) {
            Counter.builder("ogi.submission.findings").description("Findings raised on submitted figures")
                    .tag("rule", f.rule()).tag("severity", f.severity().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }
}
