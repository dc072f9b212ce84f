package org.opengovinfo.service.system;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock the service reads: deadlines, lateness, token expiry, the times versions, snapshots and audit events
 * carry. Tests put a clock of their own in its place (a bean of type {@link Clock} wins over this secondary one).
 */
@Factory
class Clocks {

    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }
}
