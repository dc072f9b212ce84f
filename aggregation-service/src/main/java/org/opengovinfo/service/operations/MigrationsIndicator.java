package org.opengovinfo.service.operations;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Ready only once the database holds every migration this build bundles: an instance on a schema it does not know
 * (a migration failed, or migrations were switched off and never run by hand) would fail on its first write, so the
 * load balancer should not send it any. A database newer than the build (a newer instance migrated it during a
 * rolling update) is ready: Flyway ignores future migrations and every migration only adds (see the README,
 * "Upgrading"), whereas strict equality would take every old instance out of rotation at once mid-rollout.
 */
@Singleton
@Readiness
class MigrationsIndicator extends AbstractHealthIndicator<MigrationsIndicator.Migrations> {

    /** What the readiness details say (to callers allowed to see details): the version applied, any pending, failure. */
    @Serdeable
    record Migrations(@Nullable String applied, List<String> pending, boolean failed) {
    }

    private final Flyway flyway;

    MigrationsIndicator(DataSource dataSource, @Nullable DataSourceResolver resolver,
                        @Value("${flyway.datasources.default.locations:classpath:db/migration}") String locations) {
        // the pool itself, not the transaction-aware wrapper, which hands out only a transaction's connection
        DataSource pool = (resolver == null ? DataSourceResolver.DEFAULT : resolver).resolve(dataSource);
        this.flyway = Flyway.configure().dataSource(pool).locations(locations.split(",")).load();
    }

    @Override
    protected Migrations getHealthInformation() {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        boolean failed = Arrays.stream(info.applied()).anyMatch(m -> m.getState().isFailed());
        healthStatus = pending.length == 0 && !failed ? HealthStatus.UP : HealthStatus.DOWN;
        MigrationInfo current = info.current();
        return new Migrations(current == null ? null : current.getVersion().getVersion(),
                Arrays.stream(pending).map(m -> m.getVersion().getVersion()).toList(), failed);
    }

    @Override
    public String getName() {
        return "migrations";
    }
}
