package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.submissions.CurrentFigures.Current;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.opengovinfo.service.testing.TestClock;

/**
 * A checkpoint encodes the whole year, so it is written when enough has changed and the writers have paused for a
 * moment — not every twentieth of a bulk ingest — and, under writes that never pause, once per interval; a revision
 * tried once is not tried again.
 */
class CheckpointWhenDueTest {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final TestClock clock = new TestClock();
    private final FiguresCheckpoints checkpoints = new FiguresCheckpoints(null, null, clock, 2000, INTERVAL, QUIET);

    private static OfYear year(int units, long revision) {
        Map<String, Current> figures = new HashMap<>();
        for (int i = 0; i < units; i++) {
            figures.put("u" + i, null);
        }
        return new OfYear(2021, revision, figures, Map.of());
    }

    @Test
    void aCheckpointWaitsUntilTheYearHasNotChangedForAMoment() {
        assertFalse(checkpoints.due(year(100_000, 1), 20_000), "just changed");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(checkpoints.due(year(100_000, 1), 20_000), "unchanged for a second");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(checkpoints.due(year(100_000, 1), 20_000), "unchanged for two");
        assertFalse(checkpoints.due(year(100_000, 2), 20_001), "changed again");
    }

    @Test
    void tooFewChangesAreNotWorthACheckpointEvenWhenQuiet() {
        checkpoints.due(year(100_000, 1), 0);
        checkpoints.due(year(100, 1), 0);
        clock.advance(QUIET);
        assertFalse(checkpoints.due(year(100_000, 1), 4_999), "under a twentieth of the year");
        assertFalse(checkpoints.due(year(100, 1), 1_999), "under the minimum");
        assertTrue(checkpoints.due(year(100, 1), 2_000));
        assertFalse(checkpoints.due(year(100, 1), 0));
    }

    @Test
    void writesThatNeverPauseStillGetACheckpointEveryInterval() {
        long revision = 1;
        for (int second = 0; second < 29; second++) {
            assertFalse(checkpoints.due(year(100_000, revision++), 20_000), "second " + second);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(1));
        assertTrue(checkpoints.due(year(100_000, revision), 20_000), "thirty seconds since this instance began counting");
    }

    @Test
    void aRevisionTriedOnceIsNotTriedAgainWhateverBecameOfTheTry() throws InterruptedException {
        checkpoints.due(year(100, 7), 0);
        clock.advance(QUIET);
        assertTrue(checkpoints.due(year(100, 7), 5_000));
        // the try fails in the background (this checkpoint store has no database), as a duplicate or a full disk would
        checkpoints.writeLater(year(100, 7), () -> { });
        assertFalse(checkpoints.due(year(100, 7), 5_000), "tried already");
        checkpoints.due(year(100, 8), 5_000);
        clock.advance(QUIET);
        assertTrue(checkpoints.due(year(100, 8), 5_000), "a newer revision may be tried");
        checkpoints.stop();
    }
}
