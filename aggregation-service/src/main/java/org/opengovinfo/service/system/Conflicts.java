package org.opengovinfo.service.system;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a database error means another writer got there first — a key written twice, a serialization failure, a
 * deadlock, or (H2) a lock waited for too long — so that the caller answers 409 instead of failing.
 */
public final class Conflicts {

    /** SQLSTATEs: unique violation, serialization failure, deadlock, and H2's lock timeout (HYT00, code 50200). */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01", "HYT00");

    private Conflicts() {}

    public static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (STATES.contains(sql.getSQLState()) || sql.getErrorCode() == 50200)) {
                return true;
            }
            if (t instanceof BatchUpdateException b && b.getNextException() != null && isConflict(b.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
