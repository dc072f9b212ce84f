package org.opengovinfo.service.rollups;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes rollup snapshots nobody needs: older than {@code SNAPSHOT_RETENTION} (default 90 days; {@code 0} or blank
 * keeps everything), never read by a pull or a snapshot read, named by no publication, and not the newest of their
 * unit and year. Preview rollups pile up during a season (every rollup is a snapshot); what anyone may cite stays.
 * Runs every {@code SNAPSHOT_RETENTION_INTERVAL} on every instance: each batch is one transaction whose candidates are
 * locked, so instances sharing a database prune side by side without deleting anything twice or anything read.
 * Parts ({@code rollup_part}) are not pruned: several snapshots share one, a rollup may name a part it found stored
 * without reading it again, and a part takes a few hundred bytes.
 */
@Singleton
public class SnapshotRetention {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRetention.class);
    /** Snapshots deleted per transaction: short transactions, so pulls and rollups never wait long on a prune. */
    static final int BATCH = 200;

    private final RollupRepository snapshots;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration retention;
    private final Counter pruned;

    SnapshotRetention(RollupRepository snapshots, TransactionOperations<Connection> transactions, Clock clock,
                      @Value("${reports.snapshot-retention:90d}") String retention, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = parse(retention);
        this.pruned = Counter.builder("ogi.snapshots.pruned").description("Rollup snapshots deleted by retention")
                .register(registry);
    }

    /** {@code 90d}, {@code 12h}, an ISO-8601 {@code P90D}; {@code 0} or blank: {@code null}, keep everything. */
    static Duration parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.equals("0")) {
            return null;
        }
        Optional<Duration> d = ConversionService.SHARED.convert(v, Duration.class);
        if (d.isEmpty() || d.get().isNegative()) {
            throw new IllegalArgumentException("SNAPSHOT_RETENTION must be a duration such as 90d, or 0 to keep every "
                    + "snapshot, not " + v);
        }
        return d.get().isZero() ? null : d.get();
    }

    @Scheduled(fixedDelay = "${reports.snapshot-retention-interval:1h}",
            initialDelay = "${reports.snapshot-retention-interval:1h}")
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            // the next run tries again; a database that is down is readiness' business, not this job's
            LOG.warn("snapshot retention failed: {}", e.toString());
        }
    }

    /** Prunes every snapshot due now, a batch per transaction; returns how many. */
    public int prune() {
        if (retention == null) {
            return 0;
        }
        var cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> snapshots.prune(cutoff, BATCH));
            total += deleted;
            pruned.increment(deleted);
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.info("snapshot retention deleted {} snapshots created before {}", total, cutoff);
        }
        return total;
    }
}
