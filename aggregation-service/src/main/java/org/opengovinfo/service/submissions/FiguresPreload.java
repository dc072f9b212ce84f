package org.opengovinfo.service.submissions;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, loads the newest report year's figures in the background (from its checkpoint and the versions
 * stored since, see {@link FiguresCheckpoints}), and then keeps them caught up with what is stored, every
 * {@code reports.figures-follow-interval}: so the first rollup after a restart or after a bulk ingest finds the year
 * in memory instead of reading it itself — the request answers in the time of a warm rollup. Startup does not wait.
 */
@Singleton
class FiguresPreload implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FiguresPreload.class);

    private final CurrentFigures figures;
    private final Duration interval;
    private volatile Thread follower;

    FiguresPreload(CurrentFigures figures, @Value("${reports.figures-follow-interval:1s}") Duration interval) {
        this.figures = figures;
        this.interval = interval;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread preload = new Thread(this::follow, "figures-preload");
        preload.setDaemon(true);
        follower = preload;
        preload.start();
    }

    @PreDestroy
    void stop() {
        Thread t = follower;
        if (t != null) {
            t.interrupt();
        }
    }

    private void follow() {
        boolean first = true;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long start = System.nanoTime();
                Integer year = figures.latestYear().orElse(null);
                if (year != null) {
                    int units = figures.of(year).units().size();
                    if (first) {
                        LOG.info("Loaded the figures of {} units for {} in {} ms", units, year, (System.nanoTime() - start) / 1_000_000);
                    }
                    first = false;
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warn("Could not load figures in the background; a rollup will load them", e);
            }
            if (interval.isZero() || interval.isNegative()) {
                return;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
