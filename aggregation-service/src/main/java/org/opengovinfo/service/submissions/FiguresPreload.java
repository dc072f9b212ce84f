package org.opengovinfo.service.submissions;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, loads the newest report year's figures in the background, so that the first rollup after a restart
 * finds them in memory (a national year takes tens of seconds to read) instead of loading them itself.
 */
@Singleton
class FiguresPreload implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FiguresPreload.class);

    private final CurrentFigures figures;

    FiguresPreload(CurrentFigures figures) {
        this.figures = figures;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread preload = new Thread(this::preload, "figures-preload");
        preload.setDaemon(true);
        preload.start();
    }

    private void preload() {
        try {
            figures.latestYear().ifPresent(year -> {
                long start = System.nanoTime();
                int units = figures.of(year).units().size();
                LOG.info("Loaded the figures of {} units for {} in {} ms", units, year, (System.nanoTime() - start) / 1_000_000);
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not preload figures; the first rollup will load them", e);
        }
    }
}
