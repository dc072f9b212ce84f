package org.opengovinfo.service.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test sets and moves: the service under test reads time only from its {@link Clock} bean, so no test
 * depends on today's date. Each reading moves it on by one microsecond, as time does: two snapshots taken one after
 * the other never carry the same time, and a test that sets a time sees that time to within a few microseconds.
 */
public final class TestClock extends Clock {

    /** The default start: mid-January of the 2021 reporting season, before the deadline (2022-01-31, China time). */
    public static final Instant SEASON_2021 = Instant.parse("2022-01-15T02:00:00Z");

    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public TestClock() {
        this(SEASON_2021);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration by) {
        now.updateAndGet(i -> i.plus(by));
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(i -> i.plusNanos(1_000));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
