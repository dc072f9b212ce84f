package org.opengovinfo.service.submissions;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, loads the newest report year's figures in the background (from its checkpoint and the versions
 * stored since, see {@link FiguresCheckpoints}), and then keeps them caught up with what is stored, every
 * {@code reports.figures-follow-interval} after the last look ended: so the first rollup after a restart or after a
 * bulk ingest finds the year in memory instead of reading it itself. Startup does not wait.
 */
@Singleton
class FiguresPreload {

    private static final Logger LOG = LoggerFactory.getLogger(FiguresPreload.class);

    private final CurrentFigures figures;
    private final AtomicBoolean loaded = new AtomicBoolean();

    FiguresPreload(CurrentFigures figures) {
        this.figures = figures;
    }

    @Scheduled(fixedDelay = "${reports.figures-follow-interval:1s}", initialDelay = "0s")
    void follow() {
        try {
            long start = System.nanoTime();
            Integer year = figures.latestYear().orElse(null);
            if (year != null) {
                int units = figures.of(year).units().size();
                if (loaded.compareAndSet(false, true)) {
                    LOG.info("Loaded the figures of {} units for {} in {} ms", units, year,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (RuntimeException e) {
            // the next look tries again; a rollup loads the year itself meanwhile
            LOG.warn("Could not load figures in the background; a rollup will load them: {}", e.toString());
        }
    }
}
