package org.opengovinfo.service.submissions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovinfo.service.submissions.CurrentFigures.Current;
import org.opengovinfo.service.submissions.CurrentFigures.OfYear;
import org.opengovinfo.service.testing.TestClock;

/**
 * A checkpoint encodes the whole year, so it is written only when enough has changed since the last one, and a
 * revision tried once is not tried again, whatever became of the try (another instance may have written the same
 * revision first; before this, the loser encoded the whole year again at every look).
 */
class CheckpointWhenDueTest {

    private final FiguresCheckpoints checkpoints = new FiguresCheckpoints(null, null, new TestClock(), null, 2000);

    private static OfYear year(int units, long revision) {
        Map<String, Current> figures = new HashMap<>();
        for (int i = 0; i < units; i++) {
            figures.put("u" + i, null);
        }
        return new OfYear(2021, revision, figures, Map.of());
    }

    @Test
    void tooFewChangesAreNotWorthACheckpoint() {
        assertFalse(checkpoints.due(year(100_000, 1), 4_999), "under a twentieth of the year");
        assertTrue(checkpoints.due(year(100_000, 1), 5_000));
        assertFalse(checkpoints.due(year(100, 1), 1_999), "under the minimum");
        assertTrue(checkpoints.due(year(100, 1), 2_000));
        assertFalse(checkpoints.due(year(100, 1), 0));
    }

    @Test
    void aRevisionTriedOnceIsNotTriedAgainWhateverBecameOfTheTry() throws InterruptedException {
        assertTrue(checkpoints.due(year(100, 7), 5_000));
        // the try fails in the background (this checkpoint store has no database), as a duplicate or a full disk would
        checkpoints.writeLater(year(100, 7), from -> null, () -> { });
        assertFalse(checkpoints.due(year(100, 7), 5_000), "tried already");
        assertTrue(checkpoints.due(year(100, 8), 5_000), "a newer revision may be tried");
        checkpoints.stop();
    }
}
