package org.opengovinfo.service.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.opengovinfo.model.rule.Finding;

/**
 * A finding as the API shows it: the rule or input check, {@code error} or {@code warning}, every cell involved,
 * the numbers ({@code difference = actual - expected}) and the message in Chinese and English.
 */
@Serdeable
public record FindingView(String rule, String severity, List<String> cells, @Nullable BigDecimal actual,
                          @Nullable BigDecimal expected, @Nullable BigDecimal difference, String messageZh,
                          String messageEn) {

    public static FindingView of(Finding f) {
        return new FindingView(f.rule(), f.severity().name().toLowerCase(Locale.ROOT), f.cells(), f.actual(),
                f.expected(), f.difference(), f.message().zh(), f.message().en());
    }

    public static List<FindingView> of(List<Finding> findings) {
        return findings.stream().map(FindingView::of).toList();
    }
}
