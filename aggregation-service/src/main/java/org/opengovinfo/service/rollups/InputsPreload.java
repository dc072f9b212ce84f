package org.opengovinfo.service.rollups;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.submissions.CurrentFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, loads what a rollup of the newest report year reads in the background — the year's figures (from
 * their checkpoint and the versions stored since, see {@code FiguresCheckpoints}) and where every report stands — and
 * then keeps it caught up with what is stored, every {@code reports.figures-follow-interval} after the last look
 * ended: so the first rollup after a restart or after a bulk ingest finds the year in memory instead of reading it
 * itself; the first time, it also rehearses a rollup on three made-up units ({@link RollupService#rehearse}). Startup
 * does not wait. What it reads with is looked up when it runs, inside its guard: a first run racing a
 * shutdown (a test's, or the build's training start) then fails quietly instead of failing to be made.
 */
@Singleton
class InputsPreload {

    private static final Logger LOG = LoggerFactory.getLogger(InputsPreload.class);

    private final BeanContext context;
    private final BeanProvider<CurrentFigures> figures;
    private final BeanProvider<RollupInputs> inputs;
    private final BeanProvider<Templates> templates;
    private final AtomicBoolean loaded = new AtomicBoolean();
    private final AtomicBoolean rehearsed = new AtomicBoolean();

    InputsPreload(BeanContext context, BeanProvider<CurrentFigures> figures, BeanProvider<RollupInputs> inputs,
                  BeanProvider<Templates> templates) {
        this.context = context;
        this.figures = figures;
        this.inputs = inputs;
        this.templates = templates;
    }

    @Scheduled(fixedDelay = "${reports.figures-follow-interval:1s}", initialDelay = "0s")
    void follow() {
        try {
            long start = System.nanoTime();
            Integer year = figures.get().latestYear().orElse(null);
            if (year != null) {
                if (rehearsed.compareAndSet(false, true)) {
                    // before the read, which takes seconds nationally: a rollup asked for meanwhile reads in parallel
                    templates.get().forYear(year).ifPresent(RollupService::rehearse);
                }
                RollupInputs.OfYear read = inputs.get().of(year);
                if (loaded.compareAndSet(false, true)) {
                    LOG.info("Loaded the figures of {} units and {} reports' states for {} in {} ms",
                            read.figures().units().size(), read.standings().size(), year,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (RuntimeException e) {
            if (!context.isRunning()) {
                return; // shutting down
            }
            // the next look tries again; a rollup loads the year itself meanwhile
            LOG.warn("Could not load a rollup's inputs in the background; a rollup will load them: {}", e.toString());
        }
    }
}
