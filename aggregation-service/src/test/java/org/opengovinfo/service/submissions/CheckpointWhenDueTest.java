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
 * A checkpoint encodes the whole year, so it is written when enough has changed and the writers have paused — not
 * every twentieth of a bulk ingest — and, under writes that never pause, once per interval.
 */
class CheckpointWhenDueTest {

    private final TestClock clock = new TestClock();
    private final FiguresCheckpoints checkpoints = new FiguresCheckpoints(null, null, clock, 2000, Duration.ofMinutes(10));

    private static OfYear year(int units) {
        Map<String, Current> figures = new HashMap<>();
        for (int i = 0; i < units; i++) {
            figures.put("u" + i, null);
        }
        return new OfYear(2021, 1, figures, Map.of());
    }

    @Test
    void aCheckpointWaitsForTheWritersToPause() {
        OfYear national = year(100_000);
        assertFalse(checkpoints.due(national, 20_000, false), "still being written to");
        assertTrue(checkpoints.due(national, 20_000, true), "paused");
    }

    @Test
    void tooFewChangesAreNotWorthACheckpointEvenWhenQuiet() {
        assertFalse(checkpoints.due(year(100_000), 4_999, true), "under a twentieth of the year");
        assertFalse(checkpoints.due(year(100), 1_999, true), "under the minimum");
        assertTrue(checkpoints.due(year(100), 2_000, true));
        assertFalse(checkpoints.due(year(100), 0, true));
    }

    @Test
    void writesThatNeverPauseStillGetACheckpointEveryInterval() {
        OfYear national = year(100_000);
        assertFalse(checkpoints.due(national, 20_000, false));
        clock.advance(Duration.ofMinutes(9));
        assertFalse(checkpoints.due(national, 20_000, false));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(checkpoints.due(national, 20_000, false), "ten minutes since this instance began counting");
    }
}
